import { HttpException, HttpStatus } from '@nestjs/common';

export enum ChannelsExceptionCode {
  INVALID_SIGNATURE = 'TWILIO_INVALID_SIGNATURE',
  INVALID_WEBHOOK = 'TWILIO_INVALID_WEBHOOK',
  SIMULATOR_DISABLED = 'SIMULATOR_DISABLED',
  UNSUPPORTED = 'CHANNEL_UNSUPPORTED',
}

const STATUS: Record<ChannelsExceptionCode, HttpStatus> = {
  [ChannelsExceptionCode.INVALID_SIGNATURE]: HttpStatus.FORBIDDEN,
  [ChannelsExceptionCode.INVALID_WEBHOOK]: HttpStatus.BAD_REQUEST,
  [ChannelsExceptionCode.SIMULATOR_DISABLED]: HttpStatus.NOT_FOUND,
  [ChannelsExceptionCode.UNSUPPORTED]: HttpStatus.NOT_IMPLEMENTED,
};

export class ChannelsException extends HttpException {
  constructor(
    readonly code: ChannelsExceptionCode,
    message: string,
  ) {
    super({ code, message }, STATUS[code]);
  }
}
