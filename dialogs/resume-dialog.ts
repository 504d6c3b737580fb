import { TurnContext } from 'botbuilder';
import { RESUME_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { parseYesNo } from './replies';
import { placeLabel } from './service-text';
import { SiraTools } from './sira-tools';

// After 24 h of silence: offer the previous answers again instead of asking them one by one.
export class ResumeDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(RESUME_DIALOG, tools, 'resume');
  }

  protected async ask(context: TurnContext): Promise<void> {
    const profile = await this.tools.profile(context);
    const lang = await this.tools.lang(context);
    const needs = (profile.needs ?? []).map((need) => this.tools.needLabel(lang, need)).join(', ');
    const place = profile.place && placeLabel(profile.place.name, profile.place.region);
    await this.tools.ask(context, 'resume.ask', { place, needs });
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const yes = parseYesNo(text);
    if (yes === null) return undefined;
    const flow = await this.tools.flow(context);
    const profile = await this.tools.profile(context);
    flow.resume = false;
    if (yes && profile.needs?.length && profile.place) {
      flow.needs = [...profile.needs];
      flow.pending = [...profile.needs];
      flow.place = profile.place;
    }
    return 'answered';
  }

  protected async retry(context: TurnContext): Promise<void> {
    await this.tools.say(context, 'resume.retry');
  }
}
