import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum AuthExceptionCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  TOKEN_MISSING = 'TOKEN_MISSING',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  REFRESH_INVALID = 'REFRESH_INVALID',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
}

const STATUS: Record<AuthExceptionCode, HttpStatus> = {
  [AuthExceptionCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.TOO_MANY_ATTEMPTS]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthExceptionCode.TOKEN_MISSING]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.TOKEN_INVALID]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.TOKEN_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.ACCOUNT_DEACTIVATED]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.ACCOUNT_NOT_FOUND]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.REFRESH_INVALID]: HttpStatus.UNAUTHORIZED,
  [AuthExceptionCode.FORBIDDEN_ROLE]: HttpStatus.FORBIDDEN,
};

export class AuthException extends FeatureException<AuthExceptionCode> {
  constructor(code: AuthExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
