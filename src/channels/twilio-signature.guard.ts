import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { AppConfig } from '../config/app-config';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';

// Twilio signs PUBLIC_BASE_URL + path + sorted form fields; checking against the public URL
// (not the Host header) keeps it right behind a reverse proxy.
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const signature = req.header('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, string>;
    const url = `${this.config.publicBaseUrl}${req.originalUrl}`;
    if (!signature || !validateRequest(this.config.twilioAuthToken, signature, url, params)) {
      this.logger.warn(
        `rejected webhook on ${req.path}: ${signature ? 'wrong' : 'missing'} signature`,
      );
      throw new ChannelsException(
        ChannelsExceptionCode.INVALID_SIGNATURE,
        'invalid Twilio signature',
      );
    }
    return true;
  }
}
