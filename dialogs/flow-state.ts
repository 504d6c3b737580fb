import { WaterfallStepContext } from 'botbuilder-dialogs';
import { Lang } from '../src/common/i18n/lang';
import { NeedCode } from '../src/common/needs';
import { PlaceRef, ServiceHit } from './ports';

// The questions Sira can ask, in the order it asks them; RETOUR walks back through `asked`.
export type Slot = 'language' | 'resume' | 'consent' | 'needs' | 'place' | 'choice';

// How a question ended: answered, referred / skipped (results), or the conversation left the
// bot (handoff, refusal) and the main dialog must end.
export type Outcome = 'answered' | 'referred' | 'other' | 'exit';

export interface StoredLine {
  at: string;
  from: 'person' | 'bot';
  text: string;
}

// Conversation state: the current session with the bot.
export interface Flow {
  lang?: Lang;
  consent?: boolean;
  needs: NeedCode[];
  pending: NeedCode[];
  place?: PlaceRef;
  shown: ServiceHit[];
  asked: Slot[];
  misses: number;
  resume: boolean;
  welcomeBack: boolean;
  askOther: boolean;
  transcript: StoredLine[];
  lastAt?: number;
  toldTicketId?: string;
  // The session ended with every need dealt with or with a caseworker: a thanks gets a thanks.
  ended?: boolean;
}

// User state: what Sira remembers about the person between sessions, offered again after 24 h.
export interface Profile {
  lang?: Lang;
  consent?: boolean;
  needs?: NeedCode[];
  place?: PlaceRef;
}

export function emptyFlow(): Flow {
  return {
    needs: [],
    pending: [],
    shown: [],
    asked: [],
    misses: 0,
    resume: false,
    welcomeBack: false,
    askOther: false,
    transcript: [],
    ended: false,
  };
}

// Clears one answer (and what depends on it) so the router asks that question again.
export function clearSlot(flow: Flow, slot: Slot): void {
  if (slot === 'language') flow.lang = undefined;
  if (slot === 'consent') flow.consent = undefined;
  if (slot === 'needs') {
    flow.needs = [];
    flow.pending = [];
  }
  if (slot === 'place') flow.place = undefined;
}

// The next question to ask, or null when every need has been dealt with.
export function nextSlot(flow: Flow): Slot | null {
  if (!flow.lang) return 'language';
  if (flow.resume) return 'resume';
  if (flow.consent === undefined) return 'consent';
  if (!flow.needs.length) return 'needs';
  if (!flow.place) return 'place';
  if (flow.pending.length) return 'choice';
  return null;
}

export interface QuestionOptions {
  retry?: boolean;
}

// botbuilder types step.options as object: the one place it is narrowed.
export function questionOptions(step: WaterfallStepContext): QuestionOptions {
  return (step.options ?? {}) as QuestionOptions;
}
