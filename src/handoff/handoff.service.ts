import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types, isValidObjectId } from 'mongoose';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/role';
import { AppConfig } from '../config/app-config';
import { ContactsService } from '../contacts/contacts.service';
import { GeographyService } from '../geography/geography.service';
import { FieldCipher } from '../common/crypto/field-cipher';
import { I18nService } from '../common/i18n/i18n.service';
import { isDuplicateKey } from '../common/mongo-errors';
import { matchKey } from '../common/match-key';
import { OutboxService } from '../outbox/outbox.service';
import { UsersService } from '../users/users.service';
import { Clock } from './clock';
import { canSee, priorityOf, visibleFilter } from './handoff-rules';
import { HandoffEvents, HandoffEventType } from './handoff-events';
import { HandoffException, HandoffExceptionCode as Code } from './handoff.exception';
import {
  HandoffDetail,
  HandoffStatsRow,
  HandoffSummary,
  OpenHandoffInput,
  ReplyResult,
} from './handoff.types';
import {
  Handoff,
  HandoffOutcome,
  HandoffStatus,
  PRIORITY,
  TranscriptEntry,
} from './schemas/handoff.schema';

export const SLA_URGENT_MS = 5 * 60 * 1000;
export const SLA_NORMAL_MS = 24 * 60 * 60 * 1000;
const CLOSED_LIST_LIMIT = 200;
const SYSTEM_ACTOR = { id: 'system', email: 'system' };

type Lean = Handoff & { _id: { toString(): string } };

@Injectable()
export class HandoffService implements OnApplicationBootstrap {
  private readonly logger = new Logger(HandoffService.name);

  constructor(
    @InjectModel(Handoff.name) private readonly handoffs: Model<Handoff>,
    private readonly cipher: FieldCipher,
    private readonly i18n: I18nService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly events: HandoffEvents,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly geography: GeographyService,
    private readonly contacts: ContactsService,
  ) {}

  // Tickets opened before contacts carried a ticket hint give their people one: no turn misses them.
  async onApplicationBootstrap(): Promise<void> {
    try {
      const open = await this.handoffs.find({ open: true }, { contactId: 1 }).lean<Lean[]>().exec();
      await this.contacts.markTicketHints(
        open.map((doc) => ({ contactId: doc.contactId, ticketId: doc._id.toString() })),
      );
    } catch (error) {
      this.logger.warn(`ticket hints of open tickets not checked: ${(error as Error).message}`);
    }
  }

  // Bot side ---------------------------------------------------------------------------------

  // Same idempotency key, or a ticket already open for this person: the existing ticket is returned.
  async open(input: OpenHandoffInput): Promise<{ id: string; created: boolean }> {
    const existing = await this.findExisting(input);
    if (existing) {
      // Already open: its person's hint is made sure of (a ticket from before hints, a failed start-up check).
      if (existing.open)
        await this.contacts.markTicketHint(existing.contactId, existing._id.toString());
      return { id: await this.raiseIfMoreUrgent(existing, input), created: false };
    }
    const now = this.clock.now();
    // The person's hint first, the ticket second: a turn never misses an open ticket.
    const id = new Types.ObjectId();
    await this.contacts.markTicketHint(input.contactId, id.toString());
    try {
      const doc = await this.handoffs.create({
        _id: id,
        contactId: input.contactId,
        channel: input.channel,
        language: input.language,
        reason: input.reason,
        urgent: input.urgent,
        vulnerable: input.vulnerable ?? false,
        priority: priorityOf(input),
        needs: [...new Set(input.needs)],
        region: input.region ?? null,
        place: input.place ?? null,
        status: 'waiting',
        open: true,
        idempotencyKey: input.idempotencyKey,
        openedAt: now,
        transcript: input.transcript.map((line) => this.entry(line.from, line.text, line.at)),
        messageCount: input.transcript.length,
        lastMessageAt: input.transcript.at(-1)?.at ?? null,
      });
      this.logger.log(
        `Handoff ${doc.id} opened (reason ${input.reason}, priority ${doc.priority})`,
      );
      this.publish('opened', doc);
      return { id: doc.id, created: true };
    } catch (error) {
      // Lost a race with another turn of the same person: hand back the winner.
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.findExisting(input);
      if (!winner) throw error;
      if (winner.open) await this.contacts.markTicketHint(winner.contactId, winner._id.toString());
      return { id: winner._id.toString(), created: false };
    }
  }

  async findOpenForContact(
    contactId: string,
  ): Promise<{ id: string; notifiedWaiting: boolean } | null> {
    const doc = await this.handoffs
      .findOne({ contactId, open: true }, { notifiedWaiting: 1 })
      .lean<Lean>()
      .exec();
    return doc ? { id: doc._id.toString(), notifiedWaiting: doc.notifiedWaiting } : null;
  }

  // firstSinceOpen is true exactly once per ticket: the bot then says a person will answer.
  async appendPersonMessage(
    ticketId: string,
    text: string,
    messageSid: string,
  ): Promise<{ firstSinceOpen: boolean; appended: boolean }> {
    if (!isValidObjectId(ticketId)) return { firstSinceOpen: false, appended: false };
    const doc = await this.handoffs
      .findOneAndUpdate(
        { _id: ticketId, open: true, 'transcript.messageSid': { $ne: messageSid } },
        {
          $push: { transcript: { ...this.entry('person', text, this.clock.now()), messageSid } },
          ...this.counted(),
        },
        { returnDocument: 'after' },
      )
      .exec();
    if (!doc) {
      // A webhook retry of a message the ticket already holds still belongs to the ticket.
      const holds = await this.handoffs.exists({
        _id: ticketId,
        open: true,
        'transcript.messageSid': messageSid,
      });
      return { firstSinceOpen: false, appended: holds !== null };
    }
    this.publish('message', doc);
    const flipped = await this.handoffs
      .updateOne({ _id: ticketId, notifiedWaiting: false }, { $set: { notifiedWaiting: true } })
      .exec();
    return { firstSinceOpen: flipped.modifiedCount === 1, appended: true };
  }

  // What the bot itself said while the ticket is open, so the caseworker reads the whole exchange.
  async appendBotMessage(ticketId: string, text: string): Promise<void> {
    if (!isValidObjectId(ticketId)) return;
    await this.handoffs
      .updateOne(
        { _id: ticketId, open: true },
        { $push: { transcript: this.entry('bot', text, this.clock.now()) }, ...this.counted() },
      )
      .exec();
  }

  // Caseworker side --------------------------------------------------------------------------

  async list(user: AuthUser, status: HandoffStatus): Promise<HandoffSummary[]> {
    const filter: QueryFilter<Handoff> = { status, ...visibleFilter(user) };
    // The list never needs the transcript: counters on the ticket stand in for it.
    const query = this.handoffs.find(filter, { transcript: 0 });
    if (status === 'closed') query.sort({ closedAt: -1 }).limit(CLOSED_LIST_LIMIT);
    else query.sort({ priority: 1, openedAt: 1, _id: 1 });
    const docs = await query.lean<Lean[]>().exec();
    await this.audit.record(user, 'handoff.list', { type: 'handoff', id: `status:${status}` });
    return docs.map((doc) => this.summary(doc));
  }

  async get(user: AuthUser, id: string): Promise<HandoffDetail> {
    const doc = await this.visible(user, id);
    await this.audit.record(user, 'handoff.read', { type: 'handoff', id });
    return this.withDeliveryStatus(this.detail(doc), doc);
  }

  async claim(user: AuthUser, id: string): Promise<HandoffDetail> {
    await this.visible(user, id);
    const doc = await this.handoffs
      .findOneAndUpdate(
        { _id: id, status: 'waiting' },
        { $set: { status: 'claimed', claimedBy: actor(user), claimedAt: this.clock.now() } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) {
      const current = await this.load(id);
      if (current.status === 'claimed') {
        throw new HandoffException(
          Code.ALREADY_CLAIMED,
          `already claimed by ${current.claimedBy?.email ?? 'someone'}`,
        );
      }
      throw new HandoffException(Code.CLOSED, 'this ticket is closed');
    }
    await this.audit.record(user, 'handoff.claim', { type: 'handoff', id });
    this.publish('claimed', doc);
    return this.detail(doc);
  }

  async release(user: AuthUser, id: string): Promise<HandoffSummary> {
    await this.visible(user, id);
    const doc = await this.handoffs
      .findOneAndUpdate(
        { _id: id, status: 'claimed', ...this.holderFilter(user) },
        { $set: { status: 'waiting', claimedBy: null, claimedAt: null } },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) throw await this.notHolder(user, id);
    await this.audit.record(user, 'handoff.release', { type: 'handoff', id });
    this.publish('released', doc);
    return this.summary(doc);
  }

  // To a named colleague (stays claimed, by them) or to another region's queue (waiting again).
  async transfer(
    user: AuthUser,
    id: string,
    to: { toUserId?: string; toRegion?: string },
  ): Promise<HandoffSummary> {
    if (Boolean(to.toUserId) === Boolean(to.toRegion)) {
      throw new HandoffException(Code.INVALID_TRANSFER, 'give exactly one of toUserId or toRegion');
    }
    const current = await this.visible(user, id);
    if (current.status === 'closed')
      throw new HandoffException(Code.CLOSED, 'this ticket is closed');
    let set: Partial<Handoff>;
    if (to.toUserId) {
      const target = await this.users.findById(to.toUserId);
      if (!target || !target.active)
        throw new HandoffException(Code.UNKNOWN_USER, 'no active user with this id');
      if (!canSee({ ...target, id: target.id }, current)) {
        throw new HandoffException(
          Code.INVALID_TRANSFER,
          `${target.email} does not cover region ${current.region}`,
        );
      }
      set = {
        status: 'claimed',
        claimedBy: { id: target.id, email: target.email },
        claimedAt: this.clock.now(),
      };
    } else {
      set = {
        status: 'waiting',
        region: this.knownRegion(to.toRegion!),
        claimedBy: null,
        claimedAt: null,
      };
    }
    const doc = await this.handoffs
      .findOneAndUpdate(this.actionableFilter(user, id), { $set: set }, { returnDocument: 'after' })
      .lean<Lean>()
      .exec();
    if (!doc) throw await this.notHolder(user, id);
    await this.audit.record(user, 'handoff.transfer', { type: 'handoff', id });
    this.publish('transferred', doc);
    return this.summary(doc);
  }

  // The reply goes out on the person's channel through the outbox, which may hold or refuse it.
  async reply(user: AuthUser, id: string, text: string): Promise<ReplyResult> {
    const current = await this.visible(user, id);
    if (current.status !== 'claimed' || current.claimedBy?.id !== user.id)
      throw await this.notHolder(user, id);
    const now = this.clock.now();
    const sent = await this.outbox.enqueue({
      contactId: current.contactId,
      channel: current.channel,
      text,
      kind: 'caseworker',
    });
    const doc = await this.handoffs
      .findOneAndUpdate(
        { _id: id },
        {
          $push: {
            transcript: {
              ...this.entry('caseworker', text, now),
              by: user.email,
              outboxId: sent.id,
              deliveryStatus: sent.status,
            },
          },
          ...this.counted(),
        },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    await this.handoffs
      .updateOne({ _id: id, firstHumanReplyAt: null }, { $set: { firstHumanReplyAt: now } })
      .exec();
    await this.audit.record(user, 'handoff.message', { type: 'handoff', id });
    if (doc) this.publish('reply', doc);
    return { outboxId: sent.id, deliveryStatus: sent.status };
  }

  // Closing hands the person back to the bot: findOpenForContact returns null from now on.
  async close(
    user: AuthUser,
    id: string,
    input: { outcome: HandoffOutcome; note?: string },
  ): Promise<HandoffSummary> {
    const current = await this.visible(user, id);
    if (current.status === 'closed')
      throw new HandoffException(Code.CLOSED, 'this ticket is already closed');
    const doc = await this.handoffs
      .findOneAndUpdate(
        this.actionableFilter(user, id),
        {
          $set: {
            status: 'closed',
            open: false,
            outcome: input.outcome,
            note: input.note ? this.cipher.encrypt(input.note) : null,
            closedAt: this.clock.now(),
            closedBy: actor(user),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (!doc) throw await this.notHolder(user, id);
    // The ticket first, the hint second (only if it is still this ticket's).
    await this.contacts.clearTicketHint(doc.contactId, doc._id.toString());
    await this.audit.record(user, 'handoff.close', { type: 'handoff', id });
    this.publish('closed', doc);
    await this.tellPerson(doc, 'handoff:person.closed', `handoff-closed:${id}`);
    return this.summary(doc);
  }

  // SLA: each overdue ticket is flagged by exactly one instance (atomic flip of `escalated`).
  async escalateOverdue(): Promise<string[]> {
    const now = this.clock.now();
    const urgentBefore = new Date(now.getTime() - SLA_URGENT_MS);
    const normalBefore = new Date(now.getTime() - SLA_NORMAL_MS);
    const escalated: string[] = [];
    for (;;) {
      const doc = await this.handoffs
        .findOneAndUpdate(
          {
            status: 'waiting',
            escalated: false,
            $or: [
              { priority: PRIORITY.urgent, openedAt: { $lte: urgentBefore } },
              { openedAt: { $lte: normalBefore } },
            ],
          },
          { $set: { escalated: true, escalatedAt: now } },
          { returnDocument: 'after', sort: { priority: 1, openedAt: 1 } },
        )
        .lean<Lean>()
        .exec();
      if (!doc) return escalated;
      const id = doc._id.toString();
      escalated.push(id);
      this.logger.warn(
        `Handoff ${id} escalated: unclaimed past its SLA (priority ${doc.priority})`,
      );
      this.publish('escalated', doc);
      await this.audit.record(SYSTEM_ACTOR, 'handoff.escalated', { type: 'handoff', id });
      await this.tellPerson(doc, 'handoff:person.notForgotten', `handoff-sla:${id}`);
    }
  }

  async statsRows(): Promise<HandoffStatsRow[]> {
    const docs = await this.handoffs
      .find(
        {},
        {
          status: 1,
          needs: 1,
          region: 1,
          openedAt: 1,
          firstHumanReplyAt: 1,
          escalated: 1,
          outcome: 1,
        },
      )
      .lean<Lean[]>()
      .exec();
    return docs.map((d) => ({
      status: d.status,
      needs: d.needs ?? [],
      region: d.region ?? null,
      openedAt: d.openedAt,
      firstHumanReplyAt: d.firstHumanReplyAt ?? null,
      escalated: d.escalated,
      outcome: d.outcome ?? null,
    }));
  }

  // Helpers ----------------------------------------------------------------------------------

  // A typo must not strand a ticket in a queue nobody watches: only gazetteer regions are accepted.
  private knownRegion(name: string): string {
    const wanted = matchKey(name);
    const region = this.geography.regions().find((r) => matchKey(r) === wanted);
    if (!region)
      throw new HandoffException(Code.INVALID_TRANSFER, `unknown region "${name.trim()}"`);
    return region;
  }

  // Replies move on after they are queued (sent, delivered, failed, held released): show where they are now.
  private async withDeliveryStatus(detail: HandoffDetail, doc: Lean): Promise<HandoffDetail> {
    const transcript = await Promise.all(
      detail.transcript.map(async (line, i) => {
        const outboxId = doc.transcript[i]?.outboxId;
        if (!outboxId) return line;
        const sent = await this.outbox.findById(outboxId);
        return sent ? { ...line, deliveryStatus: sent.status } : line;
      }),
    );
    return { ...detail, transcript };
  }

  private async findExisting(input: OpenHandoffInput): Promise<Lean | null> {
    if (input.idempotencyKey) {
      const byKey = await this.handoffs
        .findOne({ idempotencyKey: input.idempotencyKey })
        .lean<Lean>()
        .exec();
      if (byKey) return byKey;
    }
    return this.handoffs.findOne({ contactId: input.contactId, open: true }).lean<Lean>().exec();
  }

  // A crisis arriving on an already open ticket must move it up the queue.
  private async raiseIfMoreUrgent(existing: Lean, input: OpenHandoffInput): Promise<string> {
    const id = existing._id.toString();
    const priority = priorityOf(input);
    if (!existing.open || priority >= existing.priority) return id;
    const doc = await this.handoffs
      .findOneAndUpdate(
        { _id: id, open: true },
        {
          $set: {
            priority,
            urgent: input.urgent || existing.urgent,
            vulnerable: input.vulnerable || existing.vulnerable,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<Lean>()
      .exec();
    if (doc) this.publish('updated', doc);
    return id;
  }

  private async load(id: string): Promise<Lean> {
    const doc = isValidObjectId(id) ? await this.handoffs.findById(id).lean<Lean>().exec() : null;
    if (!doc) throw new HandoffException(Code.NOT_FOUND, 'no ticket with this id');
    return doc;
  }

  private async visible(user: AuthUser, id: string): Promise<Lean> {
    const doc = await this.load(id);
    if (!canSee(user, doc))
      throw new HandoffException(Code.OUT_OF_REGION, 'this ticket is outside your regions');
    return doc;
  }

  // Caseworkers act on what they hold; supervisors and admins may act on any claimed ticket.
  private holderFilter(user: AuthUser): QueryFilter<Handoff> {
    return user.role === 'caseworker' ? { 'claimedBy.id': user.id } : {};
  }

  // Transfer and close: caseworkers act on what they hold; supervisors and admins may also
  // dispatch or close waiting tickets.
  private actionableFilter(user: AuthUser, id: string): QueryFilter<Handoff> {
    return user.role === 'caseworker'
      ? { _id: id, status: 'claimed', 'claimedBy.id': user.id }
      : { _id: id, status: { $in: ['waiting', 'claimed'] } };
  }

  private async notHolder(user: AuthUser, id: string): Promise<HandoffException> {
    const current = await this.load(id);
    if (current.status === 'closed')
      return new HandoffException(Code.CLOSED, 'this ticket is closed');
    if (current.status === 'waiting')
      return new HandoffException(Code.NOT_WAITING, 'claim this ticket first');
    return new HandoffException(
      Code.NOT_CLAIMED_BY_YOU,
      `claimed by ${current.claimedBy?.email ?? 'someone else'}, not by ${user.email}`,
    );
  }

  private async tellPerson(doc: Lean, key: string, idempotencyKey: string): Promise<void> {
    try {
      await this.outbox.enqueue({
        contactId: doc.contactId,
        channel: doc.channel,
        text: this.i18n.t(doc.language, key, { emergency: this.config.emergencyContacts }),
        kind: 'system',
        idempotencyKey,
      });
    } catch (error) {
      this.logger.error(
        `Could not queue "${key}" for handoff ${doc._id.toString()}: ${(error as Error).message}`,
      );
    }
  }

  private counted(): { $inc: { messageCount: number }; $set: { lastMessageAt: Date } } {
    return { $inc: { messageCount: 1 }, $set: { lastMessageAt: this.clock.now() } };
  }

  private entry(from: TranscriptEntry['from'], text: string, at: Date): TranscriptEntry {
    return { at, from, text: this.cipher.encrypt(text) };
  }

  private publish(type: HandoffEventType, doc: Handoff & { _id: { toString(): string } }): void {
    this.events.emit({
      type,
      ticketId: doc._id.toString(),
      status: doc.status,
      region: doc.region ?? null,
      priority: doc.priority,
      escalated: doc.escalated,
      claimedBy: doc.claimedBy?.email ?? null,
      at: this.clock.now().toISOString(),
    });
  }

  private summary(doc: Lean): HandoffSummary {
    return {
      id: doc._id.toString(),
      status: doc.status,
      reason: doc.reason,
      urgent: doc.urgent,
      vulnerable: doc.vulnerable,
      priority: doc.priority,
      needs: doc.needs,
      region: doc.region ?? null,
      place: doc.place ?? null,
      language: doc.language,
      channel: doc.channel,
      openedAt: doc.openedAt,
      claimedBy: doc.claimedBy ? { id: doc.claimedBy.id, email: doc.claimedBy.email } : null,
      claimedAt: doc.claimedAt ?? null,
      firstHumanReplyAt: doc.firstHumanReplyAt ?? null,
      escalated: doc.escalated,
      closedAt: doc.closedAt ?? null,
      outcome: doc.outcome ?? null,
      messageCount: doc.messageCount ?? 0,
      lastMessageAt: doc.lastMessageAt ?? null,
    };
  }

  private detail(doc: Lean): HandoffDetail {
    return {
      ...this.summary(doc),
      contactId: doc.contactId,
      transcript: doc.transcript.map((line) => ({
        at: line.at,
        from: line.from,
        text: this.cipher.decrypt(line.text),
        by: line.by ?? null,
        deliveryStatus: line.deliveryStatus ?? null,
      })),
      note: doc.note ? this.cipher.decrypt(doc.note) : null,
    };
  }
}

function actor(user: AuthUser): { id: string; email: string } {
  return { id: user.id, email: user.email };
}
