/**
 * What a page shows while its data loads. Each route segment has its own
 * loading.tsx using this, rather than one at the root: a root loading boundary
 * would start streaming before a page can answer 404 (see app/(console)/components/[name]/layout.tsx).
 */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading {label}…
      </p>
      <div className="skeleton" style={{ height: 28, width: 220, marginBottom: 12 }} />
      <div className="skeleton" style={{ height: 16, width: '60%', marginBottom: 24 }} />
      <div className="grid small-cards" style={{ marginBottom: 16 }}>
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton" style={{ height: 84 }} />
        ))}
      </div>
      <div className="skeleton" style={{ height: 320 }} />
    </div>
  );
}
