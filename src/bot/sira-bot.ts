import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Activity,
  ActivityTypes,
  ResourceResponse,
  StatePropertyAccessor,
  TurnContext,
} from 'botbuilder';
import { DialogContext, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { MAIN_DIALOG } from '../../dialogs/dialog-ids';
import { emptyFlow, Flow, Profile } from '../../dialogs/flow-state';
import { MainDialog, MainDialogOptions } from '../../dialogs/main-dialog';
import { DialogPorts } from '../../dialogs/ports';
import { parseYesNo } from '../../dialogs/replies';
import { SiraTools } from '../../dialogs/sira-tools';
import { SiraBotHandler, SiraChannelData } from '../channels/bot.token';
import { isETagConflict } from './bot.exception';
import { MongoStorage } from './mongo-storage';
import { PersonState } from './person-state';

export const DIALOG_PORTS = Symbol('DIALOG_PORTS');

// A dialog left silent this long expires; the next message gets a welcome back.
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 6;
const RETRY_JITTER_MS = 50;

// One turn of the conversation: load state, route to an open ticket or run the dialogs, save.
// Replies are held until the state is saved: if another turn for the same person saved
// first (eTag conflict), the turn runs again on the fresh state and nothing is sent twice.
@Injectable()
export class SiraBot implements SiraBotHandler {
  private readonly logger = new Logger(SiraBot.name);
  private readonly state: PersonState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly tools: SiraTools;
  private readonly dialogs: DialogSet;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    storage: MongoStorage,
    @Inject(DIALOG_PORTS) private readonly ports: DialogPorts,
  ) {
    this.state = new PersonState(storage);
    this.dialogState = this.state.conversationProperty<DialogState>('dialogState');
    this.tools = new SiraTools(
      ports,
      this.state.conversationProperty<Flow>('flow'),
      this.state.personProperty<Profile>('profile'),
    );
    this.dialogs = new DialogSet(this.dialogState).add(new MainDialog(this.tools));
  }

  async run(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message || !this.tools.text(context)) return;
    // One turn at a time per person on this instance; across instances the eTag decides.
    const key = context.activity.from.id;
    const previous = this.running.get(key) ?? Promise.resolve();
    const current = previous.then(() => this.runAlone(context));
    const settled = current.catch(() => undefined);
    this.running.set(key, settled);
    try {
      await current;
    } finally {
      if (this.running.get(key) === settled) this.running.delete(key);
    }
  }

  private async runAlone(context: TurnContext): Promise<void> {
    const held: Partial<Activity>[] = [];
    let flushing = false;
    context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
      if (flushing) return next();
      held.push(...activities);
      return activities.map(() => ({ id: '' }));
    });
    try {
      // One read: the person's profile and every channel's conversation are one document.
      await this.state.load(context);
      for (let attempt = 1; ; attempt++) {
        held.length = 0;
        try {
          await this.turn(context, held, attempt);
          await this.state.saveChanges(context);
          break;
        } catch (error) {
          if (!isETagConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
          this.logger.warn(`state conflict on attempt ${attempt}, running the turn again`);
          await sleep(randomInt(RETRY_JITTER_MS) * attempt);
          await this.state.load(context, true);
        }
      }
    } finally {
      // From here on (including the adapter's error reply) messages go straight out.
      flushing = true;
    }
    if (held.length) await context.sendActivities(held);
  }

  private async turn(
    context: TurnContext,
    held: Partial<Activity>[],
    attempt: number,
  ): Promise<void> {
    const flow = await this.tools.flow(context);
    const now = Date.now();
    const expired = flow.lastAt !== undefined && now - flow.lastAt > SESSION_TTL_MS;
    flow.lastAt = now;
    await this.tools.record(context, 'person', this.tools.text(context));

    const dc = await this.dialogs.createContext(context);
    if (expired) {
      await dc.cancelAllDialogs();
      Object.assign(flow, { ...emptyFlow(), lastAt: now, toldTicketId: flow.toldTicketId });
    }
    const handled =
      (await this.relayToCaseworker(context, dc, flow, attempt > 1)) ||
      (await this.answerFollowUp(context, dc));
    if (!handled) {
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        const options: MainDialogOptions = { resumed: expired };
        await dc.beginDialog(MAIN_DIALOG, options);
      }
    }
    for (const activity of held)
      if (activity.text) await this.tools.record(context, 'bot', activity.text);
    await this.remember(context, flow);
  }

  // While a ticket is open the person talks to a caseworker; the bot says so once per ticket.
  private async relayToCaseworker(
    context: TurnContext,
    dc: DialogContext,
    flow: Flow,
    rerun: boolean,
  ): Promise<boolean> {
    // The contact's hint, read as the message came in, spares the lookup while no ticket is open;
    // a turn run again after a conflict looks anyway (the other turn may have opened one).
    const { ticketHint } = (context.activity.channelData ?? {}) as Partial<SiraChannelData>;
    if (ticketHint === null && !rerun) return false;
    const ticket = await this.ports.findOpenHandoff(this.tools.contactId(context));
    if (!ticket) return false;
    const text = this.tools.text(context);
    const { firstSinceOpen, appended } = await this.ports.appendToHandoff(
      ticket.id,
      text,
      this.tools.messageSid(context),
    );
    // Not appended: the ticket was closed meanwhile, the person is back with the bot.
    if (!appended) return false;
    // A crisis still gets the safety message at once, even with a ticket open.
    if (this.ports.analyze(text).urgent) await this.tools.handoff(context, 'crisis');
    if (firstSinceOpen && flow.toldTicketId !== ticket.id) {
      const waiting = await this.tools.t(context, 'handoff.waiting');
      await context.sendActivity(waiting);
      await this.ports.appendBotToHandoff(ticket.id, waiting);
    }
    flow.toldTicketId = ticket.id;
    await dc.cancelAllDialogs();
    return true;
  }

  // A yes/no outside any dialog answers the pending follow-up of a referral, if there is one.
  private async answerFollowUp(context: TurnContext, dc: DialogContext): Promise<boolean> {
    if (dc.activeDialog) return false;
    const answer = parseYesNo(this.tools.text(context));
    if (answer === null) return false;
    const pending = await this.ports.pendingFollowUp(this.tools.contactId(context));
    if (!pending) return false;
    const result = await this.ports.answerFollowUp(
      pending.referralId,
      answer ? 'yes' : 'no',
      this.tools.messageSid(context),
    );
    await context.sendActivity(result.reply);
    return true;
  }

  // What the person told Sira, kept across sessions to be offered again after 24 h.
  private async remember(context: TurnContext, flow: Flow): Promise<void> {
    const profile = await this.tools.profile(context);
    if (flow.lang) profile.lang = flow.lang;
    if (flow.consent === true) profile.consent = true;
    if (profile.consent !== true) return;
    if (flow.needs.length) profile.needs = [...flow.needs];
    if (flow.place) profile.place = flow.place;
  }
}
