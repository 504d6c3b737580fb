import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DEFAULT_LANG, Lang } from '../src/common/i18n/lang';
import { NeedCode } from '../src/common/needs';
import { emptyFlow, Flow, Profile } from './flow-state';
import { Channel, DialogPorts, HandoffReason } from './ports';

const TRANSCRIPT_LINES = 30;

interface InboundChannelData {
  messageSid?: string;
  contactId?: string;
}

// Shared by every dialog: state access, localized replies, identifiers of the turn, handoff.
export class SiraTools {
  constructor(
    readonly ports: DialogPorts,
    private readonly flowAccessor: StatePropertyAccessor<Flow>,
    private readonly profileAccessor: StatePropertyAccessor<Profile>,
  ) {}

  flow(context: TurnContext): Promise<Flow> {
    return this.flowAccessor.get(context, emptyFlow());
  }

  profile(context: TurnContext): Promise<Profile> {
    return this.profileAccessor.get(context, {});
  }

  text(context: TurnContext): string {
    return (context.activity.text ?? '').trim();
  }

  contactId(context: TurnContext): string {
    return this.channelData(context).contactId ?? context.activity.from.id;
  }

  // Idempotency keys hang on the inbound message id: a retried turn finds what it created.
  messageSid(context: TurnContext): string {
    return this.channelData(context).messageSid ?? context.activity.id ?? '';
  }

  channel(context: TurnContext): Channel {
    return context.activity.channelId === 'whatsapp' ? 'whatsapp' : 'sms';
  }

  async lang(context: TurnContext): Promise<Lang> {
    return (await this.flow(context)).lang ?? DEFAULT_LANG;
  }

  async t(context: TurnContext, key: string, vars?: Record<string, unknown>): Promise<string> {
    return this.ports.translate(await this.lang(context), `dialogs:${key}`, vars);
  }

  needLabel(lang: Lang, need: NeedCode): string {
    return this.ports.translate(lang, `dialogs:needs.labels.${need}`);
  }

  async say(context: TurnContext, key: string, vars?: Record<string, unknown>): Promise<void> {
    await context.sendActivity(await this.t(context, key, vars));
  }

  // A question: after 24 h of silence the first one starts with a short welcome back.
  async ask(context: TurnContext, key: string, vars?: Record<string, unknown>): Promise<void> {
    const flow = await this.flow(context);
    const question = await this.t(context, key, vars);
    const text = flow.welcomeBack
      ? `${await this.t(context, 'welcomeBack')} ${question}`
      : question;
    flow.welcomeBack = false;
    await context.sendActivity(text);
  }

  async setLanguage(context: TurnContext, lang: Lang): Promise<void> {
    const flow = await this.flow(context);
    if (flow.lang === lang) return;
    flow.lang = lang;
    await this.ports.setLanguage(this.contactId(context), lang);
  }

  // Hands the person to a caseworker: one ticket per inbound message, and one message saying so.
  async handoff(context: TurnContext, reason: HandoffReason): Promise<void> {
    const flow = await this.flow(context);
    const lang = flow.lang ?? DEFAULT_LANG;
    const urgent = reason === 'crisis';
    const message =
      reason === 'crisis'
        ? await this.t(context, 'crisis.safety', { contacts: this.ports.emergencyContacts })
        : await this.t(
            context,
            reason === 'requested' ? 'handoff.requested' : 'handoff.notUnderstood',
          );
    // The safety message goes first: it must not wait for the ticket.
    if (urgent) await context.sendActivity(message);
    const ticket = await this.ports.openHandoff({
      contactId: this.contactId(context),
      channel: this.channel(context),
      language: lang,
      reason,
      urgent,
      needs: [...new Set([...flow.needs, ...flow.pending])],
      region: flow.place?.region,
      place: flow.place?.name,
      // The caseworker also sees what the person has just been told (e.g. the emergency numbers).
      transcript: [
        ...flow.transcript.map((line) => ({ ...line, at: new Date(line.at) })),
        { at: new Date(), from: 'bot' as const, text: message },
      ],
      idempotencyKey: `handoff:${this.messageSid(context)}`,
    });
    if (!urgent) await context.sendActivity(message);
    flow.toldTicketId = ticket.id;
    flow.misses = 0;
    flow.ended = true;
  }

  // A reply that answers nothing: the second in a row goes to a person. True when handed off.
  async miss(context: TurnContext, retry: () => Promise<void>): Promise<boolean> {
    const flow = await this.flow(context);
    flow.misses += 1;
    if (flow.misses >= 2) {
      await this.handoff(context, 'not_understood');
      return true;
    }
    await retry();
    return false;
  }

  // Needs or a place said out of turn fill those questions if they are still open (true if any).
  async absorb(context: TurnContext, text: string): Promise<boolean> {
    const flow = await this.flow(context);
    const analysis = this.ports.analyze(text);
    let absorbed = false;
    if (!flow.needs.length && analysis.needs.length) {
      flow.needs = [...analysis.needs];
      flow.pending = [...analysis.needs];
      absorbed = true;
    }
    if (!flow.place && analysis.place) {
      flow.place = analysis.place;
      absorbed = true;
    }
    return absorbed;
  }

  async markAsked(context: TurnContext, slot: Flow['asked'][number]): Promise<void> {
    (await this.flow(context)).asked.push(slot);
  }

  async record(context: TurnContext, from: 'person' | 'bot', text: string): Promise<void> {
    const flow = await this.flow(context);
    flow.transcript.push({ at: new Date().toISOString(), from, text });
    flow.transcript.splice(0, Math.max(0, flow.transcript.length - TRANSCRIPT_LINES));
  }

  private channelData(context: TurnContext): InboundChannelData {
    return (context.activity.channelData ?? {}) as InboundChannelData;
  }
}
