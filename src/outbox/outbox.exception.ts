import { HttpException, HttpStatus } from '@nestjs/common';

export enum OutboxExceptionCode {
  EMPTY_MESSAGE = 'OUTBOX_EMPTY_MESSAGE',
  INVALID_RECIPIENT = 'OUTBOX_INVALID_RECIPIENT',
}

const STATUS: Record<OutboxExceptionCode, HttpStatus> = {
  [OutboxExceptionCode.EMPTY_MESSAGE]: HttpStatus.BAD_REQUEST,
  [OutboxExceptionCode.INVALID_RECIPIENT]: HttpStatus.BAD_REQUEST,
};

export class OutboxException extends HttpException {
  constructor(
    readonly code: OutboxExceptionCode,
    message: string,
  ) {
    super({ code, message }, STATUS[code]);
  }
}
