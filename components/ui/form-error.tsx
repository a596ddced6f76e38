import type { ActionFailure } from '@/components/use-server-action';

/** A refusal from the server, read out by screen readers as it appears. */
export function FormError({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <p className="error" role="alert">
      {failure.message}
    </p>
  );
}
