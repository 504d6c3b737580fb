import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

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

export class ChannelsException extends FeatureException<ChannelsExceptionCode> {
  constructor(code: ChannelsExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
