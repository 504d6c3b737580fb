export enum UnderstandingErrorCode {
  MODEL_UNAVAILABLE = 'MODEL_UNAVAILABLE',
}

export class UnderstandingException extends Error {
  constructor(
    readonly code: UnderstandingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = UnderstandingException.name;
  }
}
