/** The complete value behind a summary, one click away (native <details>: keyboard and screen-reader friendly). */
export function JsonDetails({ value, summary = 'JSON' }: { value: unknown; summary?: string }) {
  return (
    <details className="json">
      <summary>{summary}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
