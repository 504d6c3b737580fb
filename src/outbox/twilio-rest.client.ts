import { Injectable } from '@nestjs/common';
import twilio from 'twilio';
import type BaseRequestClient from 'twilio/lib/base/RequestClient';
import { AppConfig } from '../config/app-config';

export interface TwilioSendParams {
  to: string;
  from: string;
  body?: string;
  contentSid?: string;
  contentVariables?: string;
  statusCallback: string;
}

export interface TwilioSendResult {
  sid: string;
  status: string;
}

// Outcome of a failed send: retry later (429, 5xx, network) or give up (anything else Twilio refuses).
export class TwilioSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

// Sends every request to another origin (a local stand-in of Twilio's API), keeping path and query.
class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly origin: string) {
    super({ timeout: 15000 });
  }

  override request<TData>(opts: BaseRequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const base = new URL(this.origin);
    target.protocol = base.protocol;
    target.host = base.host;
    return super.request<TData>({ ...opts, uri: target.toString() });
  }
}

@Injectable()
export class TwilioRestClient {
  private client: twilio.Twilio | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(params: TwilioSendParams): Promise<TwilioSendResult> {
    try {
      const message = await this.rest().messages.create(params);
      return { sid: message.sid, status: message.status };
    } catch (error) {
      throw classify(error);
    }
  }

  private rest(): twilio.Twilio {
    if (!this.client) {
      const { twilioAccountSid, twilioAuthToken, twilioApiBaseUrl } = this.config;
      this.client = twilio(twilioAccountSid, twilioAuthToken, {
        // The outbox retries itself; the library's own retry would hide attempts from it.
        autoRetry: false,
        ...(twilioApiBaseUrl ? { httpClient: new RebasedRequestClient(twilioApiBaseUrl) } : {}),
      });
    }
    return this.client;
  }
}

function classify(error: unknown): TwilioSendError {
  if (error instanceof twilio.RestException) {
    const retryable = error.status === 429 || error.status >= 500;
    return new TwilioSendError(
      error.message,
      retryable,
      error.status,
      error.code ? String(error.code) : null,
    );
  }
  // No HTTP answer at all (refused, reset, timeout): the message may be tried again.
  const code = (error as { code?: unknown } | null)?.code;
  return new TwilioSendError(
    error instanceof Error ? error.message : String(error),
    true,
    null,
    typeof code === 'string' ? code : null,
  );
}
