/** Codes for failures a user can cause or meet; each maps to a friendly message. */
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unknown_user'
  | 'invalid_input'
  | 'conflict'
  | 'store_unavailable';

/** An expected failure: the error handler turns it into a card, never a stack trace. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
