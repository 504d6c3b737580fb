import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum UsersExceptionCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  NOT_FOUND = 'USER_NOT_FOUND',
  UNKNOWN_REGION = 'UNKNOWN_REGION',
  LAST_ADMIN = 'LAST_ADMIN',
}

const STATUS: Record<UsersExceptionCode, HttpStatus> = {
  [UsersExceptionCode.EMAIL_TAKEN]: HttpStatus.CONFLICT,
  [UsersExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [UsersExceptionCode.UNKNOWN_REGION]: HttpStatus.BAD_REQUEST,
  [UsersExceptionCode.LAST_ADMIN]: HttpStatus.CONFLICT,
};

export class UsersException extends FeatureException<UsersExceptionCode> {
  constructor(code: UsersExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
