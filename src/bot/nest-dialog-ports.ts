import { Injectable } from '@nestjs/common';
import { I18nService } from '../common/i18n/i18n.service';
import { Lang } from '../common/i18n/lang';
import { NeedCode } from '../common/needs';
import { AppConfig } from '../config/app-config';
import { ContactsService } from '../contacts/contacts.service';
import { DirectoryException, DirectoryExceptionCode } from '../directory/directory.exception';
import { DirectoryService } from '../directory/directory.service';
import { GeographyService } from '../geography/geography.service';
import { HandoffService } from '../handoff/handoff.service';
import { ReferralsService } from '../referrals/referrals.service';
import { UnderstandingService } from '../understanding/understanding.service';
import { AnalysisPort, DialogPorts, PlaceRef, ServiceHit } from '../../dialogs/ports';

const toPlaceRef = (place: { name: string; region: string } | null): PlaceRef | null =>
  place ? { name: place.name, region: place.region } : null;

// Messages whose analysis is kept (turns in flight overlap), and the longest one kept.
const MEMO_SIZE = 64;
const MEMO_MAX_TEXT = 1000;

// The dialogs' view of Sira, backed by the real services (Nest DI).
@Injectable()
export class NestDialogPorts implements DialogPorts {
  readonly emergencyContacts: string;
  private readonly analyses = new Map<string, AnalysisPort>();

  constructor(
    private readonly understanding: UnderstandingService,
    private readonly geography: GeographyService,
    private readonly directory: DirectoryService,
    private readonly referrals: ReferralsService,
    private readonly handoffs: HandoffService,
    private readonly contacts: ContactsService,
    private readonly i18n: I18nService,
    config: AppConfig,
  ) {
    this.emergencyContacts = config.emergencyContacts;
  }

  // One turn asks about its message up to four times (each dialog's crisis check, then the step);
  // the analysis is pure, so the last few messages' answers are kept and handed out as copies.
  analyze(text: string): AnalysisPort {
    let analysis = this.analyses.get(text);
    if (!analysis) {
      const full = this.understanding.analyze(text);
      analysis = {
        language: full.language,
        needs: full.needs,
        urgent: full.urgent,
        place: toPlaceRef(full.place),
      };
      if (text.length <= MEMO_MAX_TEXT) {
        if (this.analyses.size >= MEMO_SIZE)
          this.analyses.delete(this.analyses.keys().next().value!);
        this.analyses.set(text, analysis);
      }
    }
    return {
      ...analysis,
      needs: [...analysis.needs],
      place: analysis.place && { ...analysis.place },
    };
  }

  lookupPlace(name: string): PlaceRef | null {
    return toPlaceRef(this.geography.lookup(name));
  }

  async search(q: { need: NeedCode; place: PlaceRef; lang: Lang }): Promise<ServiceHit[]> {
    const query = { needs: [q.need], lang: q.lang, limit: 3 };
    try {
      return await this.directory.search({ ...query, place: q.place.name });
    } catch (error) {
      // A place the directory cannot resolve (older state, renamed commune): its region still works.
      if (!(
        error instanceof DirectoryException && error.code === DirectoryExceptionCode.UNKNOWN_PLACE
      ))
        throw error;
      return this.directory.search({ ...query, place: q.place.region });
    }
  }

  createReferral(
    input: Parameters<DialogPorts['createReferral']>[0],
  ): Promise<{ id: string; code: string }> {
    return this.referrals.create(input);
  }

  openHandoff(input: Parameters<DialogPorts['openHandoff']>[0]): Promise<{ id: string }> {
    return this.handoffs.open(input);
  }

  // Asked only while the contact's ticket hint is set: none open means the hint is stale.
  async findOpenHandoff(contactId: string): Promise<{ id: string } | null> {
    const ticket = await this.handoffs.findOpenForContact(contactId);
    if (!ticket) await this.contacts.dropStaleTicketHint(contactId);
    return ticket;
  }

  appendToHandoff(
    ticketId: string,
    text: string,
    messageSid: string,
  ): Promise<{ firstSinceOpen: boolean; appended: boolean }> {
    return this.handoffs.appendPersonMessage(ticketId, text, messageSid);
  }

  appendBotToHandoff(ticketId: string, text: string): Promise<void> {
    return this.handoffs.appendBotMessage(ticketId, text);
  }

  pendingFollowUp(contactId: string): Promise<{ referralId: string } | null> {
    return this.referrals.pendingFollowUp(contactId);
  }

  answerFollowUp(
    referralId: string,
    answer: 'yes' | 'no',
    messageSid: string,
  ): Promise<{ reply: string }> {
    return this.referrals.answerFollowUp(referralId, answer, messageSid);
  }

  setLanguage(contactId: string, lang: Lang): Promise<void> {
    return this.contacts.setLanguage(contactId, lang);
  }

  translate(lang: Lang, key: string, vars?: Record<string, unknown>): string {
    return this.i18n.t(lang, key, vars);
  }
}
