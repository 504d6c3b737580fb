import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum ContactsExceptionCode {
  INVALID_PHONE = 'INVALID_PHONE',
  NOT_FOUND = 'CONTACT_NOT_FOUND',
}

const STATUS: Record<ContactsExceptionCode, HttpStatus> = {
  [ContactsExceptionCode.INVALID_PHONE]: HttpStatus.BAD_REQUEST,
  [ContactsExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
};

export class ContactsException extends FeatureException<ContactsExceptionCode> {
  constructor(code: ContactsExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
