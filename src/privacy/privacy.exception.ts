import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum PrivacyExceptionCode {
  CONTACT_NOT_FOUND = 'PRIVACY_CONTACT_NOT_FOUND',
  INVALID_PHONE = 'PRIVACY_INVALID_PHONE',
}

const STATUS: Record<PrivacyExceptionCode, HttpStatus> = {
  [PrivacyExceptionCode.CONTACT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PrivacyExceptionCode.INVALID_PHONE]: HttpStatus.BAD_REQUEST,
};

export class PrivacyException extends FeatureException<PrivacyExceptionCode> {
  constructor(code: PrivacyExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
