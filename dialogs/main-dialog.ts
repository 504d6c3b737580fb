import { TurnContext } from 'botbuilder';
import { isLang } from '../src/common/i18n/lang';
import {
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { SiraBaseDialog, RestartMode } from './base-dialog';
import { ConsentDialog } from './consent-dialog';
import {
  CONSENT_DIALOG,
  LANGUAGE_DIALOG,
  MAIN_DIALOG,
  NEEDS_DIALOG,
  PLACE_DIALOG,
  RESULTS_DIALOG,
  RESUME_DIALOG,
  ROUTER_WATERFALL,
} from './dialog-ids';
import { clearSlot, emptyFlow, nextSlot, Outcome, Slot } from './flow-state';
import { LanguageDialog } from './language-dialog';
import { NeedsDialog } from './needs-dialog';
import { PlaceDialog } from './place-dialog';
import { isCourtesy, isGreeting, parseCommand } from './replies';
import { ResultsDialog } from './results-dialog';
import { ResumeDialog } from './resume-dialog';
import { SiraTools } from './sira-tools';

export interface MainDialogOptions {
  // The previous session expired after 24 h of silence.
  resumed?: boolean;
}

const SLOT_DIALOGS: Record<Slot, string> = {
  language: LANGUAGE_DIALOG,
  resume: RESUME_DIALOG,
  consent: CONSENT_DIALOG,
  needs: NEEDS_DIALOG,
  place: PLACE_DIALOG,
  choice: RESULTS_DIALOG,
};

// The conversation as slot filling: the first message fills what it can (fast path), then the
// router asks only what is still missing, one question per turn, until every need is handled.
export class MainDialog extends SiraBaseDialog {
  constructor(tools: SiraTools) {
    super(MAIN_DIALOG, tools);
    this.addDialog(new LanguageDialog(tools))
      .addDialog(new ResumeDialog(tools))
      .addDialog(new ConsentDialog(tools))
      .addDialog(new NeedsDialog(tools))
      .addDialog(new PlaceDialog(tools))
      .addDialog(new ResultsDialog(tools))
      .addDialog(
        new WaterfallDialog(ROUTER_WATERFALL, [
          this.routeStep.bind(this),
          this.afterStep.bind(this),
        ]),
      );
    this.initialDialogId = ROUTER_WATERFALL;
  }

  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: MainDialogOptions,
  ): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const flow = await this.tools.flow(context);
    const text = this.tools.text(context);
    // After a referral or a caseworker: "merci" gets one short reply, not the needs menu again.
    if (flow.ended && isCourtesy(text)) {
      await this.tools.say(context, isGreeting(text) ? 'courtesy.hello' : 'courtesy.thanks');
      return { status: DialogTurnStatus.complete };
    }
    await this.intake(context, options ?? {});
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected async restart(innerDc: DialogContext, mode: RestartMode): Promise<DialogTurnResult> {
    const flow = await this.tools.flow(innerDc.context);
    if (mode === 'menu') {
      Object.assign(flow, {
        needs: [],
        pending: [],
        place: undefined,
        shown: [],
        asked: [],
        resume: false,
      });
    } else {
      flow.asked.pop();
      const previous = mode === 'back' ? flow.asked.pop() : undefined;
      if (previous) clearSlot(flow, previous);
    }
    flow.misses = 0;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(ROUTER_WATERFALL);
  }

  // Reads the first message of a session: language, needs and place are never asked again.
  private async intake(context: TurnContext, options: MainDialogOptions): Promise<void> {
    const flow = await this.tools.flow(context);
    const profile = await this.tools.profile(context);
    const text = this.tools.text(context);
    const fresh = emptyFlow();
    const locale = context.activity.locale;
    Object.assign(flow, {
      ...fresh,
      lang: profile.lang ?? (isLang(locale) ? locale : undefined),
      consent: profile.consent === true ? true : undefined,
      transcript: flow.transcript,
      toldTicketId: flow.toldTicketId,
      ended: false,
      welcomeBack: options.resumed === true,
    });
    if (parseCommand(text)) return;
    const analysis = this.tools.ports.analyze(text);
    if (!flow.lang && analysis.language !== 'unknown')
      await this.tools.setLanguage(context, analysis.language);
    if (analysis.needs.length) {
      flow.needs = [...analysis.needs];
      flow.pending = [...analysis.needs];
    }
    if (analysis.place) flow.place = analysis.place;
    flow.resume =
      options.resumed === true &&
      !analysis.needs.length &&
      !!profile.needs?.length &&
      !!profile.place;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const flow = await this.tools.flow(step.context);
    const slot = nextSlot(flow);
    if (slot) return step.beginDialog(SLOT_DIALOGS[slot]);
    flow.ended = true;
    return step.endDialog();
  }

  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result as Outcome;
    if (outcome === 'exit') return step.endDialog(outcome);
    const flow = await this.tools.flow(step.context);
    if (outcome === 'referred' || outcome === 'other') flow.pending.shift();
    if (outcome === 'other' && !flow.pending.length) {
      flow.needs = [];
      flow.askOther = true;
    }
    return step.replaceDialog(ROUTER_WATERFALL);
  }
}
