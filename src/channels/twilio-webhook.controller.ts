import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OutboxService } from '../outbox/outbox.service';
import { InboundSpool } from './inbound-spool';
import { TwilioParams } from './inbound.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Twilio's webhooks: unauthenticated by design, trusted only through X-Twilio-Signature.
@ApiExcludeController()
@Controller('webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhookController {
  constructor(
    private readonly spool: InboundSpool,
    private readonly outbox: OutboxService,
  ) {}

  @Post('messages')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  messages(@Body() params: TwilioParams): Promise<string> {
    return this.spool.receive(params);
  }

  @Post('status')
  @HttpCode(204)
  async status(@Body() params: TwilioParams): Promise<void> {
    const sid = first(params.MessageSid);
    const status = first(params.MessageStatus);
    if (sid && status) await this.outbox.applyStatus(sid, status, first(params.ErrorCode));
  }
}
