import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum BotExceptionCode {
  ETAG_CONFLICT = 'BOT_STATE_ETAG_CONFLICT',
}

const STATUS: Record<BotExceptionCode, HttpStatus> = {
  [BotExceptionCode.ETAG_CONFLICT]: HttpStatus.CONFLICT,
};

export class BotException extends FeatureException<BotExceptionCode> {
  constructor(code: BotExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}

export function isETagConflict(error: unknown): boolean {
  return error instanceof BotException && error.code === BotExceptionCode.ETAG_CONFLICT;
}
