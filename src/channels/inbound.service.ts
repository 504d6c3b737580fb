import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Activity, ActivityTypes } from 'botbuilder';
import { Model, Types } from 'mongoose';
import { twiml } from 'twilio';
import { AppConfig } from '../config/app-config';
import { FieldCipher } from '../common/crypto/field-cipher';
import { I18nService } from '../common/i18n/i18n.service';
import { isDuplicateKey } from '../common/mongo-errors';
import { ContactsService, ContactView } from '../contacts/contacts.service';
import { ChannelType } from '../contacts/schemas/contact.schema';
import { OutboxService } from '../outbox/outbox.service';
import { SiraChannelData } from './bot.token';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';
import { INBOUND_OPTIONS, InboundOptions } from './inbound.options';
import { detectKeyword, Keyword } from './keywords';
import {
  InboundMedia,
  InboundMessage,
  InboundMessageDocument,
} from './schemas/inbound-message.schema';
import { DEFAULT_SMS_BUDGET, shapeSms } from './sms-text';
import { TwilioBotAdapter } from './twilio-bot.adapter';

export type TwilioParams = Record<string, string | string[] | undefined>;

// Between recording a message's time on the contact and storing it: a message written just before
// the flood window may still be stored inside it.
const QUIET_MARGIN_MS = 1000;

// WhatsApp refuses longer bodies.
const WHATSAPP_MAX_CHARS = 1600;

const EMPTY_TWIML = new twiml.MessagingResponse().toString();

const first = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '');

interface Claim {
  record: InboundMessageDocument;
  fresh: boolean;
}

// The inbound pipeline: claim the MessageSid, find the person, keywords, the bot's turn, the reply.
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    @InjectModel(InboundMessage.name) private readonly inbound: Model<InboundMessage>,
    private readonly contacts: ContactsService,
    private readonly outbox: OutboxService,
    private readonly adapter: TwilioBotAdapter,
    private readonly cipher: FieldCipher,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
    @Inject(INBOUND_OPTIONS) private readonly options: InboundOptions,
  ) {}

  // Returns the TwiML to answer the webhook with. Same MessageSid → same answer, one turn.
  // replay: a spooled webhook nobody waits for (InboundSpool): replies go through the outbox.
  async receive(params: TwilioParams, opts: { replay?: boolean } = {}): Promise<string> {
    const messageSid = first(params.MessageSid) || first(params.SmsMessageSid);
    const from = first(params.From);
    if (!messageSid || !from) {
      throw new ChannelsException(
        ChannelsExceptionCode.INVALID_WEBHOOK,
        'MessageSid and From are required',
      );
    }
    const channel: ChannelType = from.toLowerCase().startsWith('whatsapp:') ? 'whatsapp' : 'sms';
    const text = first(params.Body);
    const media = this.media(params);
    // The person, found or created, with this message's time recorded: one round trip.
    const { contact, previousInboundAt } = await this.contacts.recordInbound(
      from,
      channel,
      new Date(),
    );

    const claim = await this.claim({ messageSid, contact, channel, text, media });
    if (!claim.fresh) {
      this.logger.log(`duplicate ${messageSid} for contact ${contact.id}: replaying`);
      return this.awaitReply(claim.record);
    }
    let late = opts.replay ?? false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve(EMPTY_TWIML);
      }, this.options.inlineDeadlineMs);
    });
    // Within the turn, the person read above answers the outbox's lookups of them.
    const answered = () =>
      this.turn(claim.record, contact, channel, text, media, previousInboundAt).then(
        async ({ replies, keyword }) => {
          // Decided here, synchronously: in time → the webhook waits for this reply (the deadline is off);
          // too late → the webhook got an empty answer and the replies leave through the outbox.
          if (!late) clearTimeout(timer);
          if (late) await this.sendLate(claim.record, contact, channel, replies);
          const reply = late ? EMPTY_TWIML : this.toTwiml(channel, replies);
          await this.inbound
            .updateOne(
              { _id: claim.record._id, claimedAt: claim.record.claimedAt },
              {
                $set: {
                  status: 'done',
                  replyEnc: this.cipher.encrypt(reply),
                  keyword,
                  doneAt: new Date(),
                },
              },
            )
            .exec();
          this.logger.log(
            `inbound ${messageSid} for contact ${contact.id} (${channel}): ${replies.length} reply(ies)${late ? ' via outbox' : ''}`,
          );
          return reply;
        },
      );
    const finished = this.contacts.duringTurnOf(contact, answered);
    // Once answered, nobody awaits the turn any more: its failure must still be seen.
    finished.catch((error: unknown) => {
      if (late)
        this.logger.error(
          `late turn for ${messageSid} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
    });
    try {
      return await (opts.replay ? finished : Promise.race([finished, deadline]));
    } finally {
      clearTimeout(timer);
    }
  }

  private async sendLate(
    record: InboundMessageDocument,
    contact: ContactView,
    channel: ChannelType,
    replies: string[],
  ): Promise<void> {
    for (const [i, text] of replies.entries()) {
      await this.outbox.enqueue({
        contactId: contact.id,
        channel,
        text,
        kind: 'system',
        idempotencyKey: `reply:${record.messageSid}:${i}`,
      });
    }
  }

  private async turn(
    record: InboundMessageDocument,
    contact: ContactView,
    channel: ChannelType,
    text: string,
    media: InboundMedia[],
    previousInboundAt: Date | null | undefined,
  ): Promise<{ replies: string[]; keyword: string | null }> {
    const now = new Date();
    if (channel === 'whatsapp') await this.outbox.releaseHeld(contact.id);

    const keyword = detectKeyword(text);
    const lang = contact.language ?? keyword?.lang ?? 'fr';
    const answer = (key: string, kw: Keyword) => ({
      replies: this.twilioAnswers(channel) ? [] : [this.i18n.t(lang, `channels:keywords.${key}`)],
      keyword: kw.kind,
    });

    if (keyword?.kind === 'stop') {
      // Confirmed once; a second STOP finds nothing to change and gets silence.
      const changed = await this.contacts.optOut(contact.id, channel, now);
      this.logger.log(`contact ${contact.id} opted out (${channel})`);
      return changed ? answer('stopConfirm', keyword) : { replies: [], keyword: keyword.kind };
    }
    // OUI after STOP opts back in, except where Twilio keeps its own opt-out list: there only
    // Twilio's START unblocks the number (OUI is too common an answer to be a Twilio keyword).
    const optIn =
      keyword?.kind === 'start' || (keyword?.kind === 'yes' && !this.twilioAnswers(channel));
    if (contact.optedOut && keyword && optIn) {
      const changed = await this.contacts.optIn(contact.id);
      this.logger.log(`contact ${contact.id} opted back in (${channel})`);
      return changed ? answer('startConfirm', keyword) : { replies: [], keyword: keyword.kind };
    }
    // Opted out: the message is kept, nothing is answered.
    if (contact.optedOut) return { replies: [], keyword: null };
    if (keyword?.kind === 'help') return answer('help', keyword);
    // Flood control: past floodLimit messages in a window the message is kept but the bot does not
    // run; the first one over the limit is told so, once.
    const rank = await this.rankInWindow(record, now, previousInboundAt);
    if (rank > this.options.floodLimit) {
      this.logger.warn(
        `contact ${contact.id} over the flood limit: message ${record.messageSid} kept, not run`,
      );
      return {
        replies:
          rank === this.options.floodLimit + 1 ? [this.i18n.t(lang, 'channels:flood.notice')] : [],
        keyword: 'flood',
      };
    }

    const replies = media.length ? [this.i18n.t(lang, 'channels:media.received')] : [];
    replies.push(
      ...(await this.adapter.processActivity(this.activity(record, contact, channel, text, media))),
    );
    return { replies, keyword: null };
  }

  private activity(
    record: InboundMessageDocument,
    contact: ContactView,
    channel: ChannelType,
    text: string,
    media: InboundMedia[],
  ): Partial<Activity> {
    const channelData: SiraChannelData = {
      messageSid: record.messageSid,
      contactId: contact.id,
      ticketHint: contact.ticketHint,
      numMedia: media.length,
      mediaUrls: media.map((m) => m.url),
      mediaTypes: media.map((m) => m.contentType ?? ''),
    };
    return {
      type: ActivityTypes.Message,
      id: record.messageSid,
      timestamp: new Date(),
      channelId: channel,
      serviceUrl: this.config.publicBaseUrl,
      from: { id: contact.id, name: '', role: 'user' },
      recipient: { id: 'sira', name: 'Sira', role: 'bot' },
      conversation: {
        id: `${channel}:${contact.id}`,
        name: '',
        isGroup: false,
        conversationType: 'personal',
      },
      // Unknown until the bot detects it and stores it on the contact.
      locale: contact.language ?? undefined,
      text,
      textFormat: 'plain',
      attachments: media.map((m) => ({
        contentType: m.contentType ?? 'application/octet-stream',
        contentUrl: m.url,
      })),
      channelData,
    };
  }

  // This message's place among the person's messages of the flood window (by _id: one rank each).
  // Someone who had not written for the whole window (or ever) is at 1 without counting.
  private async rankInWindow(
    record: InboundMessageDocument,
    now: Date,
    previousInboundAt: Date | null | undefined,
  ): Promise<number> {
    const since = now.getTime() - this.options.floodWindowMs;
    if (
      previousInboundAt === null ||
      (previousInboundAt && previousInboundAt.getTime() < since - QUIET_MARGIN_MS)
    ) {
      return 1;
    }
    return this.inbound
      .countDocuments({
        contactId: record.contactId,
        _id: { $lte: record._id },
        createdAt: { $gte: new Date(since) },
      })
      .exec();
  }

  // Insert first: the unique index on messageSid decides which request runs the turn.
  private async claim(input: {
    messageSid: string;
    contact: ContactView;
    channel: ChannelType;
    text: string;
    media: InboundMedia[];
  }): Promise<Claim> {
    const now = new Date();
    try {
      const record = await this.inbound.create({
        messageSid: input.messageSid,
        contactId: new Types.ObjectId(input.contact.id),
        channel: input.channel,
        bodyEnc: this.cipher.encrypt(input.text),
        media: input.media,
        status: 'processing',
        claimedAt: now,
      });
      return { record, fresh: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.inbound.findOne({ messageSid: input.messageSid }).orFail().exec();
    if (
      existing.status === 'processing' &&
      now.getTime() - existing.claimedAt.getTime() > this.options.staleClaimMs
    ) {
      const taken = await this.inbound
        .findOneAndUpdate(
          { _id: existing._id, status: 'processing', claimedAt: existing.claimedAt },
          { $set: { claimedAt: now } },
          { returnDocument: 'after' },
        )
        .exec();
      if (taken) return { record: taken, fresh: true };
    }
    return { record: existing, fresh: false };
  }

  // The same answer as the first delivery, or an empty one if that turn is still running.
  private async awaitReply(record: InboundMessageDocument): Promise<string> {
    const deadline = Date.now() + this.options.duplicateWaitMs;
    let current: InboundMessageDocument | null = record;
    while (current && current.status !== 'done' && Date.now() < deadline) {
      await sleep(this.options.duplicatePollMs);
      current = await this.inbound.findById(record._id).exec();
    }
    return current?.replyEnc ? this.cipher.decrypt(current.replyEnc) : EMPTY_TWIML;
  }

  private toTwiml(channel: ChannelType, replies: string[]): string {
    const response = new twiml.MessagingResponse();
    const budget = this.config.smsSegmentBudget || DEFAULT_SMS_BUDGET;
    const messages =
      channel === 'sms'
        ? replies.flatMap((r) => shapeSms(r, budget))
        : replies.flatMap((r) => splitLong(r));
    for (const message of messages) response.message(message);
    return response.toString();
  }

  // With Advanced Opt-Out, Twilio itself answers STOP/START/HELP on SMS (add the French and
  // Bambara keywords to the Messaging Service's lists, see .env.example).
  private twilioAnswers(channel: ChannelType): boolean {
    return channel === 'sms' && this.config.twilioAdvancedOptOut;
  }

  private media(params: TwilioParams): InboundMedia[] {
    const count = Math.min(Number(first(params.NumMedia)) || 0, 10);
    return Array.from({ length: count }, (_, i) => ({
      url: first(params[`MediaUrl${i}`]),
      contentType: first(params[`MediaContentType${i}`]) || null,
    })).filter((m) => m.url);
  }
}

// Only for very long WhatsApp texts: cut at the last line or sentence end before the limit.
function splitLong(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > WHATSAPP_MAX_CHARS) {
    const window = rest.slice(0, WHATSAPP_MAX_CHARS);
    const cut = Math.max(
      window.lastIndexOf('\n'),
      window.lastIndexOf('. ') + 1,
      window.lastIndexOf(' '),
    );
    const at = cut > 0 ? cut : WHATSAPP_MAX_CHARS;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
