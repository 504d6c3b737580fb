import type { Document } from 'bson';

// A command failure shaped like mongod's: { ok: 0, errmsg, code, codeName, ...extra }.
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    this.name = 'CommandError';
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  InvalidNamespace: 73,
  InvalidOptions: 72,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  OperationNotSupportedInTransaction: 263,
  ImmutableField: 66,
  DuplicateKey: 11000,
} as const;

type ErrorCodeName = keyof typeof ErrorCode;

export function commandError(
  codeName: ErrorCodeName,
  message: string,
  extra: Document = {},
): CommandError {
  return new CommandError(ErrorCode[codeName], codeName, message, extra);
}
