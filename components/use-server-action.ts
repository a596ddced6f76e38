'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/server-action';

/** What the browser says when a server action's request never got an answer. */
export const UNREACHABLE = 'Could not reach the console — check your connection and try again.';

export interface ActionFailure {
  message: string;
  /** The offending input field, when the server named one. */
  field?: string;
  /** The request itself failed (network down, server gone): nothing is known to have happened. */
  unreachable?: true;
}

export interface RunHandlers<Data> {
  /** Called with the data of an `{ ok: true }` answer. */
  onOk?: (data: Data) => void;
  /** Called with every answer the server gave, accepted or refused — never for an unreachable server. */
  onAnswer?: (result: ActionResult<Data>) => void;
}

/**
 * The one way the browser calls a server action: keeps its pending state and
 * the last failure — a refusal (`{ ok: false, error, field }`) or an
 * unreachable server (the call threw) — for the component to show. A throw
 * never escapes to an error boundary and never leaves a button spinning.
 */
export function useServerAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  /** `then` is the `onOk` handler alone, or both handlers. */
  function run(input: Input, then: RunHandlers<Data> | ((data: Data) => void) = {}) {
    const handlers = typeof then === 'function' ? { onOk: then } : then;
    startTransition(async () => {
      let result: ActionResult<Data>;
      try {
        result = await action(input);
      } catch {
        setFailure({ message: UNREACHABLE, unreachable: true });
        return;
      }
      setFailure(result.ok ? null : { message: result.error, field: result.field });
      if (result.ok) handlers.onOk?.(result.data);
      handlers.onAnswer?.(result);
    });
  }

  return { run, pending, failure, clearFailure: () => setFailure(null) };
}
