/** A mistake in how avma-check was called: one sentence and a hint, exit code 2, no stack. */
export class UserError extends Error {
  readonly hint: string | null;

  constructor(message: string, hint: string | null = null) {
    super(message);
    this.name = 'UserError';
    this.hint = hint;
  }
}
