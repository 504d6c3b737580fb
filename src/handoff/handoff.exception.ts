import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum HandoffExceptionCode {
  NOT_FOUND = 'HANDOFF_NOT_FOUND',
  ALREADY_CLAIMED = 'HANDOFF_ALREADY_CLAIMED',
  NOT_WAITING = 'HANDOFF_NOT_WAITING',
  CLOSED = 'HANDOFF_CLOSED',
  NOT_CLAIMED_BY_YOU = 'HANDOFF_NOT_CLAIMED_BY_YOU',
  OUT_OF_REGION = 'HANDOFF_OUT_OF_REGION',
  INVALID_TRANSFER = 'HANDOFF_INVALID_TRANSFER',
  UNKNOWN_USER = 'HANDOFF_UNKNOWN_USER',
}

const STATUS: Record<HandoffExceptionCode, HttpStatus> = {
  [HandoffExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [HandoffExceptionCode.ALREADY_CLAIMED]: HttpStatus.CONFLICT,
  [HandoffExceptionCode.NOT_WAITING]: HttpStatus.CONFLICT,
  [HandoffExceptionCode.CLOSED]: HttpStatus.CONFLICT,
  [HandoffExceptionCode.NOT_CLAIMED_BY_YOU]: HttpStatus.CONFLICT,
  [HandoffExceptionCode.OUT_OF_REGION]: HttpStatus.FORBIDDEN,
  [HandoffExceptionCode.INVALID_TRANSFER]: HttpStatus.BAD_REQUEST,
  [HandoffExceptionCode.UNKNOWN_USER]: HttpStatus.BAD_REQUEST,
};

export class HandoffException extends FeatureException<HandoffExceptionCode> {
  constructor(code: HandoffExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
