import { HttpException, HttpStatus } from '@nestjs/common';

export enum ContactsExceptionCode {
  INVALID_PHONE = 'INVALID_PHONE',
  NOT_FOUND = 'CONTACT_NOT_FOUND',
}

const STATUS: Record<ContactsExceptionCode, HttpStatus> = {
  [ContactsExceptionCode.INVALID_PHONE]: HttpStatus.BAD_REQUEST,
  [ContactsExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class ContactsException extends HttpException {
  constructor(
    readonly code: ContactsExceptionCode,
    message: string,
  ) {
    super({ code, message }, STATUS[code]);
  }
}
