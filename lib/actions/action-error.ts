/**
 * Thrown by domain code for an answer the user should read (guardrail, not
 * found, four-eyes, "you cannot demote yourself"…); serverAction turns it into
 * `{ ok: false, error, field }`. In a module of its own so services that throw
 * it load without Next.js and Auth.js (integration tests call them directly).
 */
export class ActionError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'ActionError';
  }
}
