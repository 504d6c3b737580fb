import { HttpException, HttpStatus } from '@nestjs/common';

export enum BotExceptionCode {
  ETAG_CONFLICT = 'BOT_STATE_ETAG_CONFLICT',
}

const STATUS: Record<BotExceptionCode, HttpStatus> = {
  [BotExceptionCode.ETAG_CONFLICT]: HttpStatus.CONFLICT,
};

export class BotException extends HttpException {
  constructor(
    readonly code: BotExceptionCode,
    message: string,
  ) {
    super({ code, message }, STATUS[code]);
  }
}

export function isETagConflict(error: unknown): boolean {
  return error instanceof BotException && error.code === BotExceptionCode.ETAG_CONFLICT;
}
