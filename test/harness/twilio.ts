import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { getExpectedTwilioSignature } from 'twilio';
import { SIRA_BOT, SiraBotHandler } from '../../src/channels/bot.token';
import type { TestApp, TestAppOptions } from './app';

export const MESSAGES_WEBHOOK = '/webhooks/twilio/messages';
export const STATUS_WEBHOOK = '/webhooks/twilio/status';

export const TEST_ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const TEST_AUTH_TOKEN = 'test-auth-token-0123456789';
export const TEST_SMS_FROM = '+22320000000';
export const TEST_WHATSAPP_FROM = 'whatsapp:+22320000001';

export const newMessageSid = (): string => `SM${randomBytes(16).toString('hex')}`;

// The form Twilio posts for an inbound SMS or WhatsApp message.
export function inboundParams(input: {
  from: string;
  body?: string;
  sid?: string;
  to?: string;
  media?: { url: string; contentType: string }[];
}): Record<string, string> {
  const sid = input.sid ?? newMessageSid();
  const whatsapp = input.from.startsWith('whatsapp:');
  const params: Record<string, string> = {
    AccountSid: TEST_ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    From: input.from,
    To: input.to ?? (whatsapp ? TEST_WHATSAPP_FROM : TEST_SMS_FROM),
    Body: input.body ?? '',
    NumMedia: String(input.media?.length ?? 0),
    NumSegments: '1',
  };
  input.media?.forEach((m, i) => {
    params[`MediaUrl${i}`] = m.url;
    params[`MediaContentType${i}`] = m.contentType;
  });
  return params;
}

// What Twilio puts in X-Twilio-Signature, computed by the real twilio helper.
export function signTwilio(authToken: string, url: string, params: Record<string, string>): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

export interface PostOptions {
  // null: no header at all; a string: that header as is.
  signature?: string | null;
  // Sign these params but post `params` (a replayed signature over other content).
  signedParams?: Record<string, string>;
}

// Posts a webhook to the app's real HTTP server, signed over PUBLIC_BASE_URL + path like Twilio does.
export async function postTwilio(
  t: Pick<TestApp, 'baseUrl' | 'config'>,
  path: string,
  params: Record<string, string>,
  options: PostOptions = {},
): Promise<{ status: number; body: string; contentType: string | null }> {
  const signature =
    options.signature !== undefined
      ? options.signature
      : signTwilio(
          t.config.twilioAuthToken,
          `${t.config.publicBaseUrl}${path}`,
          options.signedParams ?? params,
        );
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const res = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return {
    status: res.status,
    body: await res.text(),
    contentType: res.headers.get('content-type'),
  };
}

// The texts of a TwiML <Response>, in order.
export function twimlMessages(twiml: string): string[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => unescape(m[1]));
}

@Global()
@Module({})
class TestBotModule {
  static register(bot: SiraBotHandler): DynamicModule {
    return {
      module: TestBotModule,
      providers: [{ provide: SIRA_BOT, useValue: bot }],
      exports: [SIRA_BOT],
    };
  }
}

// Binds `bot` to SIRA_BOT whether or not the real bot module is loaded.
export function withTestBot(bot: SiraBotHandler): TestAppOptions {
  return {
    imports: [TestBotModule.register(bot)],
    override: (builder) => builder.overrideProvider(SIRA_BOT).useValue(bot),
  };
}

export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  params: Record<string, string>;
}

export interface StandInReply {
  status: number;
  body?: Record<string, unknown>;
  // Cut the connection without an answer (a network failure).
  drop?: boolean;
}

// A local stand-in for Twilio's REST API (Messages resource). By default it accepts every message;
// queue failures with failNext, or answer with a function via respondWith.
export interface TwilioStandIn {
  url: string;
  requests: StandInRequest[];
  failNext(status: number, times?: number, code?: number): void;
  respondWith(handler: ((req: StandInRequest) => StandInReply | null) | null): void;
  // Environment pointing the app at this stand-in with test credentials.
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startTwilioStandIn(): Promise<TwilioStandIn> {
  const requests: StandInRequest[] = [];
  const failures: StandInReply[] = [];
  let handler: ((req: StandInRequest) => StandInReply | null) | null = null;

  const accepted = (req: StandInRequest): StandInReply => ({
    status: 201,
    body: {
      sid: newMessageSid(),
      account_sid: TEST_ACCOUNT_SID,
      to: req.params.To,
      from: req.params.From,
      body: req.params.Body ?? '',
      status: 'queued',
      num_segments: '1',
      num_media: '0',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      date_updated: new Date().toUTCString(),
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: 'USD',
      uri: `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`,
      subresource_uris: {},
    },
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const request: StandInRequest = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0],
        authorization: req.headers.authorization,
        params: Object.fromEntries(new URLSearchParams(raw)),
      };
      requests.push(request);
      let reply: StandInReply;
      if (
        !/^\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(request.path) ||
        request.method !== 'POST'
      ) {
        reply = { status: 404, body: { code: 20404, message: 'not found', status: 404 } };
      } else {
        reply = handler?.(request) ?? failures.shift() ?? accepted(request);
      }
      if (reply.drop) {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    failNext(status, times = 1, code) {
      for (let i = 0; i < times; i++) {
        failures.push({
          status,
          body: {
            code: code ?? status * 100,
            message: `stand-in error ${status}`,
            more_info: '',
            status,
          },
        });
      }
    },
    respondWith(next) {
      handler = next;
    },
    env: () => ({
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      TWILIO_SMS_FROM: TEST_SMS_FROM,
      TWILIO_WHATSAPP_FROM: TEST_WHATSAPP_FROM,
      TWILIO_API_BASE_URL: url,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
