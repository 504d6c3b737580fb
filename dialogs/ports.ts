import { Lang } from '../src/common/i18n/lang';
import { NeedCode } from '../src/common/needs';

// What the dialogs need from the rest of Sira, as in /work/shared-notes/CONTRACTS.md.
// BotModule fills these with the real services; the dialogs never import another module's classes.

export type Channel = 'sms' | 'whatsapp';

export interface PlaceRef {
  name: string;
  region: string;
}

export interface AnalysisPort {
  language: Lang | 'unknown';
  needs: NeedCode[];
  urgent: boolean;
  place: PlaceRef | null;
}

export interface ServiceHit {
  serviceId: string;
  name: string;
  organization: string;
  place: string;
  // The region of the site shown (a service may have sites in several); absent in older state.
  region?: string;
  phone: string | null;
  hours: string;
  // Why it is shown (a site in the person's commune, cercle, region, the nearest elsewhere, or a
  // national service) and how far its site is; absent in older state.
  reason?: 'commune' | 'cercle' | 'region' | 'nearest' | 'national';
  distanceKm?: number | null;
}

export type HandoffReason = 'requested' | 'crisis' | 'not_understood';

export interface TranscriptLine {
  at: Date;
  from: 'person' | 'bot';
  text: string;
}

export interface DialogPorts {
  analyze(text: string): AnalysisPort;
  lookupPlace(name: string): PlaceRef | null;
  search(q: { need: NeedCode; place: PlaceRef; lang: Lang }): Promise<ServiceHit[]>;
  createReferral(input: {
    contactId: string;
    serviceId: string;
    need: NeedCode;
    channel: Channel;
    language: Lang;
    idempotencyKey: string;
    consentToShare: boolean;
    region?: string;
  }): Promise<{ id: string; code: string }>;
  openHandoff(input: {
    contactId: string;
    channel: Channel;
    language: Lang;
    reason: HandoffReason;
    urgent: boolean;
    needs: NeedCode[];
    region?: string;
    place?: string;
    transcript: TranscriptLine[];
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  findOpenHandoff(contactId: string): Promise<{ id: string } | null>;
  // appended false: the ticket was closed meanwhile, the person is back with the bot.
  appendToHandoff(
    ticketId: string,
    text: string,
    messageSid: string,
  ): Promise<{ firstSinceOpen: boolean; appended: boolean }>;
  appendBotToHandoff(ticketId: string, text: string): Promise<void>;
  // The follow-up question ("Avez-vous reçu de l'aide ? 1 oui 2 non") awaiting an answer.
  pendingFollowUp(contactId: string): Promise<{ referralId: string } | null>;
  answerFollowUp(
    referralId: string,
    answer: 'yes' | 'no',
    messageSid: string,
  ): Promise<{ reply: string }>;
  setLanguage(contactId: string, lang: Lang): Promise<void>;
  translate(lang: Lang, key: string, vars?: Record<string, unknown>): string;
  emergencyContacts: string;
}
