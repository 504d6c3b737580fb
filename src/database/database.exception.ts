export enum DatabaseExceptionCode {
  UNREACHABLE = 'DATABASE_UNREACHABLE',
  EMBEDDED_START_FAILED = 'DATABASE_EMBEDDED_START_FAILED',
}

// Boot-time database failures; messages name the host, never credentials.
export class DatabaseException extends Error {
  constructor(
    readonly code: DatabaseExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseException';
  }
}
