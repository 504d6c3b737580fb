import { TurnContext } from 'botbuilder';
import { PLACE_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { SiraTools } from './sira-tools';

// Region, cercle or commune, matched fuzzily ("kayi", "bko", "segu", "tombuctu").
export class PlaceDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(PLACE_DIALOG, tools, 'place');
  }

  protected async ask(context: TurnContext): Promise<void> {
    await this.tools.ask(context, 'place.ask');
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const place = this.tools.ports.lookupPlace(text) ?? this.tools.ports.analyze(text).place;
    if (!place) return undefined;
    (await this.tools.flow(context)).place = place;
    return 'answered';
  }

  protected async retry(context: TurnContext): Promise<void> {
    await this.tools.say(context, 'place.retry');
  }
}
