import { HttpException, HttpStatus } from '@nestjs/common';

export enum PrivacyExceptionCode {
  CONTACT_NOT_FOUND = 'PRIVACY_CONTACT_NOT_FOUND',
  INVALID_PHONE = 'PRIVACY_INVALID_PHONE',
}

const STATUS: Record<PrivacyExceptionCode, HttpStatus> = {
  [PrivacyExceptionCode.CONTACT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PrivacyExceptionCode.INVALID_PHONE]: HttpStatus.BAD_REQUEST,
};

export class PrivacyException extends HttpException {
  constructor(
    readonly code: PrivacyExceptionCode,
    message: string,
  ) {
    super({ code, message }, STATUS[code]);
  }
}
