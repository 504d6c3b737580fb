import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum OutboxExceptionCode {
  EMPTY_MESSAGE = 'OUTBOX_EMPTY_MESSAGE',
  INVALID_RECIPIENT = 'OUTBOX_INVALID_RECIPIENT',
}

const STATUS: Record<OutboxExceptionCode, HttpStatus> = {
  [OutboxExceptionCode.EMPTY_MESSAGE]: HttpStatus.BAD_REQUEST,
  [OutboxExceptionCode.INVALID_RECIPIENT]: HttpStatus.BAD_REQUEST,
};

export class OutboxException extends FeatureException<OutboxExceptionCode> {
  constructor(code: OutboxExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
