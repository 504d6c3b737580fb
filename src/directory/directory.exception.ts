import { HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from '../common/feature.exception';

export enum DirectoryExceptionCode {
  UNKNOWN_NEED = 'UNKNOWN_NEED',
  UNKNOWN_PLACE = 'UNKNOWN_PLACE',
  NOT_FOUND = 'NOT_FOUND',
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  IN_USE = 'IN_USE',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  INVALID_RECORD = 'INVALID_RECORD',
}

const STATUS: Record<DirectoryExceptionCode, HttpStatus> = {
  [DirectoryExceptionCode.UNKNOWN_NEED]: HttpStatus.BAD_REQUEST,
  [DirectoryExceptionCode.UNKNOWN_PLACE]: HttpStatus.BAD_REQUEST,
  [DirectoryExceptionCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [DirectoryExceptionCode.UNKNOWN_REFERENCE]: HttpStatus.BAD_REQUEST,
  [DirectoryExceptionCode.IN_USE]: HttpStatus.CONFLICT,
  [DirectoryExceptionCode.ALREADY_EXISTS]: HttpStatus.CONFLICT,
  [DirectoryExceptionCode.INVALID_RECORD]: HttpStatus.BAD_REQUEST,
};

export class DirectoryException extends FeatureException<DirectoryExceptionCode> {
  constructor(code: DirectoryExceptionCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}
