import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum ReferralsExceptionCode {
  NOT_FOUND = 'REFERRAL_NOT_FOUND',
  INVALID_TRANSITION = 'REFERRAL_INVALID_TRANSITION',
  OUT_OF_REGION = 'REFERRAL_OUT_OF_REGION',
  NO_FOLLOW_UP = 'REFERRAL_NO_FOLLOW_UP',
  CODE_SPACE_EXHAUSTED = 'REFERRAL_CODE_SPACE_EXHAUSTED',
}

const STATUS: Record<ReferralsExceptionCode, HttpStatus> = {
  [ReferralsExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ReferralsExceptionCode.INVALID_TRANSITION]: HttpStatus.CONFLICT,
  [ReferralsExceptionCode.OUT_OF_REGION]: HttpStatus.FORBIDDEN,
  [ReferralsExceptionCode.NO_FOLLOW_UP]: HttpStatus.CONFLICT,
  [ReferralsExceptionCode.CODE_SPACE_EXHAUSTED]: HttpStatus.SERVICE_UNAVAILABLE,
};

export class ReferralsException extends FeatureException<ReferralsExceptionCode> {
  constructor(code: ReferralsExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
