import { TurnContext } from 'botbuilder';
import { LANGS } from '../src/common/i18n/lang';
import { LANGUAGE_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { parseNumbers } from './replies';
import { SiraTools } from './sira-tools';

// Asked only when the first message did not tell the language. FR/EN/BM are read by the base dialog.
export class LanguageDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(LANGUAGE_DIALOG, tools, 'language');
  }

  protected async ask(context: TurnContext): Promise<void> {
    await this.tools.ask(context, 'language.ask');
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const choice = parseNumbers(text, LANGS.length);
    if (choice?.length !== 1) return undefined;
    await this.tools.setLanguage(context, LANGS[choice[0] - 1]);
    return 'answered';
  }

  protected async retry(context: TurnContext): Promise<void> {
    await this.tools.say(context, 'language.ask');
  }
}
