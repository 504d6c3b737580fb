import { CanActivate, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ChannelsException, ChannelsExceptionCode } from '../channels.exception';

// The simulator signs webhooks with the real auth token: it must not exist in production.
@Injectable()
export class DevelopmentOnlyGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.isProduction) {
      throw new ChannelsException(ChannelsExceptionCode.SIMULATOR_DISABLED, 'Not Found');
    }
    return true;
  }
}
