import { TurnContext } from 'botbuilder';
import { CONSENT_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { parseYesNo } from './replies';
import { SiraTools } from './sira-tools';

// What is kept, who sees it, how to stop; nothing reaches a provider without a yes here.
export class ConsentDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(CONSENT_DIALOG, tools, 'consent');
  }

  protected async ask(context: TurnContext): Promise<void> {
    await this.tools.ask(context, 'consent.ask');
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const yes = parseYesNo(text);
    if (yes === null) return undefined;
    const flow = await this.tools.flow(context);
    flow.consent = yes;
    if (yes) return 'answered';
    const profile = await this.tools.profile(context);
    profile.consent = false;
    delete profile.needs;
    delete profile.place;
    await this.tools.say(context, 'consent.refused');
    return 'exit';
  }

  protected async retry(context: TurnContext): Promise<void> {
    await this.tools.say(context, 'consent.retry');
  }
}
