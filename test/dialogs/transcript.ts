import { randomInt } from 'node:crypto';
import { TestApp } from '../harness/app';
import {
  inboundParams,
  MESSAGES_WEBHOOK,
  newMessageSid,
  postTwilio,
  twimlMessages,
} from '../harness/twilio';

// A returnee's phone talking to Sira through the real webhook: signed like Twilio, answered in TwiML.
export class Phone {
  // Messages this person sent: the budget the issue counts.
  sent = 0;

  constructor(
    private app: TestApp,
    readonly channel: 'sms' | 'whatsapp' = 'sms',
    readonly number = `+2237${String(randomInt(10_000_000)).padStart(7, '0')}`,
  ) {}

  // After a restart the same phone talks to the new instance.
  useApp(app: TestApp): void {
    this.app = app;
  }

  async send(body: string, sid = newMessageSid()): Promise<string[]> {
    const from = this.channel === 'whatsapp' ? `whatsapp:${this.number}` : this.number;
    const res = await postTwilio(this.app, MESSAGES_WEBHOOK, inboundParams({ from, body, sid }));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.body}`);
    this.sent += 1;
    return twimlMessages(res.body);
  }
}
