export enum GeographyErrorCode {
  INVALID_DATA = 'INVALID_DATA',
}

export class GeographyException extends Error {
  constructor(
    readonly code: GeographyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = GeographyException.name;
  }
}
