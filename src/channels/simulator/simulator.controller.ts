import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { getExpectedTwilioSignature } from 'twilio';
import { AppConfig } from '../../config/app-config';
import { loadLocaleResources } from '../../common/i18n/i18n.service';
import { DEFAULT_LANG, isLang } from '../../common/i18n/lang';
import { ContactsService } from '../../contacts/contacts.service';
import { OutboxService } from '../../outbox/outbox.service';
import { SimulatorSendDto } from '../dto/simulator-send.dto';
import { DevelopmentOnlyGuard } from './development-only.guard';

const WEBHOOK_PATH = '/webhooks/twilio/messages';
// Stand-in numbers when no Twilio sender is configured.
const PLACEHOLDER_SMS_NUMBER = '+22300000000';

// A phone for development: the page sends through here, and this posts a correctly signed
// webhook to the service's own HTTP port, so every message takes the production path.
@ApiExcludeController()
@Controller('simulator')
@UseGuards(DevelopmentOnlyGuard)
export class SimulatorController {
  private readonly files = new Map<string, string>();

  constructor(
    private readonly config: AppConfig,
    private readonly contacts: ContactsService,
    private readonly outbox: OutboxService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return this.file('index.html');
  }

  @Get('simulator.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  script(): string {
    return this.file('simulator.js');
  }

  @Get('api/strings')
  strings(@Query('lng') lng?: string): { lang: string; strings: Record<string, string> } {
    const lang = isLang(lng) ? lng : DEFAULT_LANG;
    const channels = loadLocaleResources()[lang]?.channels as
      { simulator?: Record<string, string> } | undefined;
    return { lang, strings: channels?.simulator ?? {} };
  }

  @Post('api/send')
  @HttpCode(200)
  async send(
    @Body() dto: SimulatorSendDto,
  ): Promise<{ status: number; messageSid: string; twiml: string }> {
    const phone = this.contacts.normalise(dto.phone);
    const messageSid = `SM${randomBytes(16).toString('hex')}`;
    const whatsapp = dto.channel === 'whatsapp';
    const to = whatsapp
      ? (this.config.twilioWhatsappFrom ?? `whatsapp:${PLACEHOLDER_SMS_NUMBER}`)
      : (this.config.twilioSmsFrom ?? PLACEHOLDER_SMS_NUMBER);
    const params: Record<string, string> = {
      AccountSid: this.config.twilioAccountSid ?? `AC${'0'.repeat(32)}`,
      ApiVersion: '2010-04-01',
      MessageSid: messageSid,
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      From: whatsapp ? `whatsapp:${phone}` : phone,
      To: to,
      Body: dto.text,
      NumMedia: '0',
      NumSegments: '1',
    };
    const signature = getExpectedTwilioSignature(
      this.config.twilioAuthToken,
      `${this.config.publicBaseUrl}${WEBHOOK_PATH}`,
      params,
    );
    const res = await fetch(`${this.selfUrl()}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, messageSid, twiml: await res.text() };
  }

  // Everything queued for this number (sink, queued, sent...), oldest first. A provider's copy
  // of a referral goes to the provider's number, so this phone never sees it.
  @Get('api/messages')
  async messages(@Query('phone') phone?: string) {
    const contact = phone ? await this.contacts.findByPhone(phone) : null;
    if (!contact) return [];
    const mine = (await this.outbox.listForContact(contact.id)).filter(
      (m) => m.kind !== 'provider',
    );
    return mine.map((m) => ({
      id: m.id,
      channel: m.channel,
      kind: m.kind,
      text: m.text,
      status: m.status,
      reason: m.reason,
      createdAt: m.createdAt,
    }));
  }

  private selfUrl(): string {
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  private file(name: string): string {
    let content = this.files.get(name);
    if (content === undefined) {
      content = readFileSync(join(__dirname, name), 'utf8');
      this.files.set(name, content);
    }
    return content;
  }
}
