'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/server-action';

export interface ActionFailure {
  message: string;
  field?: string;
}

/**
 * Calls a server action from a click or a submit, keeping its pending state
 * and its refusal (`{ ok: false }`) for the component to show. A network or
 * server crash becomes a refusal too, so a button never stays stuck.
 */
export function useAction<Input, Data>(action: (input: Input) => Promise<ActionResult<Data>>) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);

  function run(input: Input, onDone?: (data: Data) => void) {
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) {
          setFailure(null);
          onDone?.(result.data);
        } else {
          setFailure({ message: result.error, field: result.field });
        }
      } catch {
        setFailure({ message: 'The console did not answer; check your connection and try again.' });
      }
    });
  }

  return { run, pending, failure, clearFailure: () => setFailure(null) };
}
