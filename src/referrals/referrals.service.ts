import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types, isValidObjectId } from 'mongoose';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/role';
import { AppConfig } from '../config/app-config';
import { I18nService } from '../common/i18n/i18n.service';
import { Lang } from '../common/i18n/lang';
import { isDuplicateKey } from '../common/mongo-errors';
import { NeedCode } from '../common/needs';
import { DirectoryService } from '../directory/directory.service';
import { Clock } from '../handoff/clock';
import { canSee, visibleFilter } from '../handoff/handoff-rules';
import { HandoffService } from '../handoff/handoff.service';
import { OutboxService } from '../outbox/outbox.service';
import { generateReferralCode, normalizeReferralCode } from './referral-code';
import { ReferralStatus, transitionProblem } from './referral-status';
import { ReferralsException, ReferralsExceptionCode as Code } from './referrals.exception';
import { Referral } from './schemas/referral.schema';

const CODE_ATTEMPTS = 8;
const LIST_LIMIT = 500;
const FOLLOW_UP_BATCH = 100;
// A follow-up question stays answerable this long after it was sent.
export const FOLLOW_UP_ANSWER_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
// A follow-up that has to wait is looked at again this much later.
export const FOLLOW_UP_RETRY_MS = 24 * 60 * 60 * 1000;
// Only these still wait for news; a final status makes the follow-up pointless.
const FOLLOW_UP_STATUSES: ReferralStatus[] = ['sent', 'accepted'];

type Lean = Referral & { _id: Types.ObjectId };

export interface CreateReferralInput {
  contactId: string;
  serviceId: string;
  need: NeedCode;
  channel: 'sms' | 'whatsapp';
  language: Lang;
  idempotencyKey: string;
  consentToShare: boolean;
  // The region of the site the person was shown; else the service's first site's.
  region?: string;
}

export interface ReferralView {
  id: string;
  code: string;
  contactId: string;
  serviceId: string;
  serviceName: string | null;
  organization: string | null;
  need: NeedCode;
  region: string | null;
  channel: 'sms' | 'whatsapp';
  language: Lang;
  consentToShare: boolean;
  status: ReferralStatus;
  history: { status: ReferralStatus; at: Date; by: string }[];
  followUp: {
    dueAt: Date;
    sentAt: Date | null;
    answer: 'yes' | 'no' | null;
    answeredAt: Date | null;
    ticketId: string | null;
  };
  createdAt: Date;
}

export interface PendingFollowUp {
  referralId: string;
  code: string;
  serviceName: string | null;
  sentAt: Date;
}

export interface FollowUpAnswerResult {
  status: ReferralStatus;
  ticketId: string | null;
  // What the bot says back, in the person's language.
  reply: string;
}

// Per-referral facts the dashboard aggregates; nothing that identifies a person.
export interface ReferralStatsRow {
  need: NeedCode;
  region: string | null;
  status: ReferralStatus;
  followUpSent: boolean;
  followUpAnswer: 'yes' | 'no' | null;
}

export interface ReferralListQuery {
  status?: ReferralStatus;
  code?: string;
  contactId?: string;
}

@Injectable()
export class ReferralsService {
  private readonly logger = new Logger(ReferralsService.name);

  constructor(
    @InjectModel(Referral.name) private readonly referrals: Model<Referral>,
    private readonly config: AppConfig,
    private readonly i18n: I18nService,
    private readonly directory: DirectoryService,
    private readonly outbox: OutboxService,
    private readonly handoffs: HandoffService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // Same idempotency key → same referral (a retried turn never creates a second one or a second code).
  // The referral starts as 'sent': the dialog delivers the details and code in the same turn.
  async create(input: CreateReferralInput): Promise<{ id: string; code: string }> {
    const existing = await this.byKey(input.idempotencyKey);
    if (existing) return existing;
    const service = await this.directory.getService(input.serviceId);
    const now = this.clock.now();
    const base = {
      idempotencyKey: input.idempotencyKey,
      contactId: input.contactId,
      serviceId: input.serviceId,
      serviceName: service?.name ?? null,
      organization: service?.organization ?? null,
      need: input.need,
      region: input.region ?? service?.region ?? null,
      channel: input.channel,
      language: input.language,
      consentToShare: input.consentToShare,
      status: 'sent' as const,
      history: [
        { status: 'proposed' as const, at: now, by: 'bot' },
        { status: 'sent' as const, at: now, by: 'bot' },
      ],
      followUp: { dueAt: new Date(now.getTime() + this.config.followUpDelayHours * 3600_000) },
    };
    const created = await this.insertWithFreshCode(base);
    if (!created.fresh) return { id: created.id, code: created.code };
    this.logger.log(`Referral ${created.id} created (need ${input.need})`);
    const providerPhone = service?.phone ?? service?.organizationPhone;
    if (input.consentToShare && providerPhone)
      await this.notifyProvider(created, input, providerPhone);
    return { id: created.id, code: created.code };
  }

  // Draws codes until one is free; a duplicate on the idempotency key means another turn won the race.
  private async insertWithFreshCode(
    base: Omit<Referral, 'code' | 'createdAt' | 'updatedAt' | 'providerOutboxId' | 'followUp'> & {
      followUp: { dueAt: Date };
    },
  ): Promise<{ id: string; code: string; fresh: boolean }> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      try {
        const doc = await this.referrals.create({ ...base, code: generateReferralCode() });
        return { id: doc.id as string, code: doc.code, fresh: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const winner = await this.byKey(base.idempotencyKey);
        if (winner) return { ...winner, fresh: false };
      }
    }
    throw new ReferralsException(Code.CODE_SPACE_EXHAUSTED, 'could not draw a free referral code');
  }

  // The most recent follow-up question this person has not answered yet, if any.
  async pendingFollowUp(contactId: string): Promise<PendingFollowUp | null> {
    const since = new Date(this.clock.now().getTime() - FOLLOW_UP_ANSWER_WINDOW_MS);
    const doc = await this.referrals
      .findOne({ contactId, 'followUp.sentAt': { $gte: since }, 'followUp.answer': null })
      .sort({ 'followUp.sentAt': -1 })
      .lean<Lean>()
      .exec();
    if (!doc || !doc.followUp.sentAt) return null;
    return {
      referralId: doc._id.toString(),
      code: doc.code,
      serviceName: doc.serviceName,
      sentAt: doc.followUp.sentAt,
    };
  }

  // 'yes' completes the referral; 'no' opens a handoff ticket. A replayed message (same sid) is harmless.
  async answerFollowUp(
    referralId: string,
    answer: 'yes' | 'no',
    messageSid: string,
  ): Promise<FollowUpAnswerResult> {
    const now = this.clock.now();
    const doc = isValidObjectId(referralId)
      ? await this.referrals
          .findOneAndUpdate(
            { _id: referralId, 'followUp.sentAt': { $ne: null }, 'followUp.answer': null },
            {
              $set: {
                'followUp.answer': answer,
                'followUp.answeredAt': now,
                'followUp.messageSid': messageSid,
              },
            },
            { returnDocument: 'after' },
          )
          .lean<Lean>()
          .exec()
      : null;
    if (!doc) return this.previousAnswer(referralId);
    if (answer === 'yes') {
      const status = await this.moveIfAllowed(doc, 'completed', 'person');
      return {
        status,
        ticketId: null,
        reply: this.i18n.t(doc.language, 'referrals:followUp.thanksYes'),
      };
    }
    return {
      status: doc.status,
      ticketId: await this.openFollowUpTicket(doc),
      reply: this.i18n.t(doc.language, 'referrals:followUp.thanksNo'),
    };
  }

  // Idempotent: a retry after a failure here finds or opens the same ticket.
  private async openFollowUpTicket(doc: Lean): Promise<string> {
    const ticket = await this.handoffs.open({
      contactId: doc.contactId,
      channel: doc.channel,
      language: doc.language,
      reason: 'follow_up',
      urgent: false,
      needs: [doc.need],
      region: doc.region ?? undefined,
      transcript: [
        { at: doc.followUp.sentAt ?? this.clock.now(), from: 'bot', text: this.followUpText(doc) },
      ],
      idempotencyKey: `referral-followup:${doc._id.toString()}`,
    });
    await this.referrals
      .updateOne({ _id: doc._id }, { $set: { 'followUp.ticketId': ticket.id } })
      .exec();
    return ticket.id;
  }

  // Claims due follow-ups one by one (atomic flip of sentAt), so two instances never send the same one.
  async sendDueFollowUps(): Promise<number> {
    let sent = 0;
    for (let claimed = 0; claimed < FOLLOW_UP_BATCH; claimed++) {
      const now = this.clock.now();
      const doc = await this.referrals
        .findOneAndUpdate(
          {
            'followUp.dueAt': { $lte: now },
            'followUp.sentAt': null,
            status: { $in: FOLLOW_UP_STATUSES },
          },
          { $set: { 'followUp.sentAt': now } },
          { returnDocument: 'after', sort: { 'followUp.dueAt': 1, _id: 1 } },
        )
        .lean<Lean>()
        .exec();
      if (!doc) break;
      if (await this.mustWait(doc, now)) {
        await this.referrals
          .updateOne(
            { _id: doc._id },
            {
              $set: {
                'followUp.sentAt': null,
                'followUp.dueAt': new Date(now.getTime() + FOLLOW_UP_RETRY_MS),
              },
            },
          )
          .exec();
        continue;
      }
      if (!(await this.queueFollowUp(doc))) break;
      sent++;
    }
    return sent;
  }

  // A bare "1" or "2" must be unambiguous: one question at a time per person, none while a
  // caseworker has the conversation. The oldest referral asks first.
  private async mustWait(doc: Lean, now: Date): Promise<boolean> {
    if (await this.handoffs.findOpenForContact(doc.contactId)) return true;
    const since = new Date(now.getTime() - FOLLOW_UP_ANSWER_WINDOW_MS);
    const other = await this.referrals
      .exists({
        _id: { $ne: doc._id },
        contactId: doc.contactId,
        'followUp.answer': null,
        'followUp.sentAt': { $gte: since },
        $or: [{ 'followUp.sentAt': { $lt: now } }, { _id: { $lt: doc._id } }],
      })
      .exec();
    return other !== null;
  }

  private async queueFollowUp(doc: Lean): Promise<boolean> {
    const id = doc._id.toString();
    try {
      const queued = await this.outbox.enqueue({
        contactId: doc.contactId,
        channel: doc.channel,
        text: this.followUpText(doc),
        kind: 'followup',
        idempotencyKey: `referral-followup:${id}`,
      });
      await this.referrals
        .updateOne({ _id: doc._id }, { $set: { 'followUp.outboxId': queued.id } })
        .exec();
      return true;
    } catch (error) {
      // Give it back so a later run retries; the outbox key keeps a retry from sending twice.
      await this.referrals
        .updateOne({ _id: doc._id }, { $set: { 'followUp.sentAt': null } })
        .exec();
      this.logger.error(`Follow-up of referral ${id} not queued: ${(error as Error).message}`);
      return false;
    }
  }

  // Caseworker side --------------------------------------------------------------------------

  async list(user: AuthUser, query: ReferralListQuery): Promise<ReferralView[]> {
    const filter: QueryFilter<Referral> = visibleFilter(user);
    if (query.status) filter.status = query.status;
    if (query.code) filter.code = normalizeReferralCode(query.code);
    if (query.contactId) filter.contactId = query.contactId;
    const docs = await this.referrals
      .find(filter)
      .sort({ createdAt: -1 })
      .limit(LIST_LIMIT)
      .lean<Lean[]>()
      .exec();
    await this.audit.record(user, 'referral.list', {
      type: 'referral',
      id: query.code ?? query.contactId ?? 'all',
    });
    return docs.map(toView);
  }

  async changeStatus(user: AuthUser, id: string, status: ReferralStatus): Promise<ReferralView> {
    const current = await this.load(id);
    if (!canSee(user, current)) {
      throw new ReferralsException(Code.OUT_OF_REGION, 'this referral is outside your regions');
    }
    const problem = transitionProblem(current.status, status);
    if (problem) throw new ReferralsException(Code.INVALID_TRANSITION, problem);
    const doc = await this.transition(id, current.status, status, user.email);
    if (!doc) {
      // Someone else changed it between our read and our write.
      const now = await this.load(id);
      throw new ReferralsException(
        Code.INVALID_TRANSITION,
        transitionProblem(now.status, status) ?? 'changed meanwhile, retry',
      );
    }
    await this.audit.record(user, 'referral.status', { type: 'referral', id });
    return toView(doc);
  }

  async statsRows(): Promise<ReferralStatsRow[]> {
    const docs = await this.referrals
      .find({}, { need: 1, region: 1, status: 1, 'followUp.sentAt': 1, 'followUp.answer': 1 })
      .lean<Lean[]>()
      .exec();
    return docs.map((d) => ({
      need: d.need,
      region: d.region ?? null,
      status: d.status,
      followUpSent: Boolean(d.followUp?.sentAt),
      followUpAnswer: d.followUp?.answer ?? null,
    }));
  }

  // Helpers ----------------------------------------------------------------------------------

  private async byKey(idempotencyKey: string): Promise<{ id: string; code: string } | null> {
    const doc = await this.referrals.findOne({ idempotencyKey }, { code: 1 }).lean<Lean>().exec();
    return doc ? { id: doc._id.toString(), code: doc.code } : null;
  }

  private async load(id: string): Promise<Lean> {
    const doc = isValidObjectId(id) ? await this.referrals.findById(id).lean<Lean>().exec() : null;
    if (!doc) throw new ReferralsException(Code.NOT_FOUND, 'no referral with this id');
    return doc;
  }

  private async moveIfAllowed(doc: Lean, to: ReferralStatus, by: string): Promise<ReferralStatus> {
    if (transitionProblem(doc.status, to)) return doc.status;
    const next = await this.transition(doc._id, doc.status, to, by);
    return next?.status ?? (await this.load(doc._id.toString())).status;
  }

  // from → to with a history line, only if nobody changed the status meanwhile (else null).
  private transition(
    id: string | Types.ObjectId,
    from: ReferralStatus,
    to: ReferralStatus,
    by: string,
  ): Promise<Lean | null> {
    return this.referrals
      .findOneAndUpdate(
        { _id: id, status: from },
        { $set: { status: to }, $push: { history: { status: to, at: this.clock.now(), by } } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
  }

  private async previousAnswer(referralId: string): Promise<FollowUpAnswerResult> {
    const doc = await this.load(referralId);
    if (!doc.followUp.answer)
      throw new ReferralsException(
        Code.NO_FOLLOW_UP,
        'no follow-up question is waiting for an answer',
      );
    const key =
      doc.followUp.answer === 'yes'
        ? 'referrals:followUp.thanksYes'
        : 'referrals:followUp.thanksNo';
    const ticketId =
      doc.followUp.answer === 'no'
        ? (doc.followUp.ticketId ?? (await this.openFollowUpTicket(doc)))
        : null;
    return {
      status: doc.status,
      ticketId,
      reply: this.i18n.t(doc.language, key),
    };
  }

  private followUpText(doc: Lean): string {
    return this.i18n.t(doc.language, 'referrals:followUp.question', {
      service: doc.serviceName ?? doc.organization ?? '',
      code: doc.code,
    });
  }

  // Only the code and the need reach the provider: never the person's story or number.
  private async notifyProvider(
    created: { id: string; code: string },
    input: CreateReferralInput,
    toPhone: string,
  ): Promise<void> {
    try {
      const need = this.i18n.t('fr', `referrals:needs.${input.need}`);
      const queued = await this.outbox.enqueue({
        contactId: input.contactId,
        channel: 'sms',
        kind: 'provider',
        toPhone,
        text: this.i18n.t('fr', 'referrals:provider.notice', { code: created.code, need }),
        idempotencyKey: `referral-provider:${created.id}`,
      });
      await this.referrals
        .updateOne({ _id: created.id }, { $set: { providerOutboxId: queued.id } })
        .exec();
    } catch (error) {
      this.logger.error(
        `Provider notice of referral ${created.id} not queued: ${(error as Error).message}`,
      );
    }
  }
}

function toView(doc: Lean): ReferralView {
  return {
    id: doc._id.toString(),
    code: doc.code,
    contactId: doc.contactId,
    serviceId: doc.serviceId,
    serviceName: doc.serviceName ?? null,
    organization: doc.organization ?? null,
    need: doc.need,
    region: doc.region ?? null,
    channel: doc.channel,
    language: doc.language,
    consentToShare: doc.consentToShare,
    status: doc.status,
    history: doc.history.map((h) => ({ status: h.status, at: h.at, by: h.by })),
    followUp: {
      dueAt: doc.followUp.dueAt,
      sentAt: doc.followUp.sentAt ?? null,
      answer: doc.followUp.answer ?? null,
      answeredAt: doc.followUp.answeredAt ?? null,
      ticketId: doc.followUp.ticketId ?? null,
    },
    createdAt: doc.createdAt,
  };
}
