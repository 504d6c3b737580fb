import { TurnContext } from 'botbuilder';
import { NEED_CODES, NeedCode } from '../src/common/needs';
import { NEEDS_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { parseNumbers } from './replies';
import { placeLabel } from './service-text';
import { SiraTools } from './sira-tools';

// Needs in the person's own words or as numbers of the menu, several at once ("1 3").
export class NeedsDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(NEEDS_DIALOG, tools, 'needs');
  }

  protected async ask(context: TurnContext): Promise<void> {
    const flow = await this.tools.flow(context);
    const lang = await this.tools.lang(context);
    const menu = NEED_CODES.map(
      (need, index) => `${index + 1} ${this.tools.needLabel(lang, need)}`,
    ).join(' ');
    await this.tools.ask(context, flow.askOther ? 'needs.askOther' : 'needs.ask');
    flow.askOther = false;
    await context.sendActivity(menu);
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const flow = await this.tools.flow(context);
    const numbers = parseNumbers(text, NEED_CODES.length);
    let needs: NeedCode[] = numbers ? numbers.map((n) => NEED_CODES[n - 1]) : [];
    if (!numbers) {
      const analysis = this.tools.ports.analyze(text);
      needs = analysis.needs;
      // A place said along the way is not asked again.
      if (needs.length && analysis.place && !flow.place) flow.place = analysis.place;
    }
    if (!needs.length) return undefined;
    flow.needs = needs;
    flow.pending = [...needs];
    return 'answered';
  }

  // A place instead of a need ("kayes"): kept, even over the one said before (a correction).
  protected override async aside(context: TurnContext, text: string): Promise<boolean> {
    const place = this.tools.ports.lookupPlace(text) ?? this.tools.ports.analyze(text).place;
    if (!place) return this.tools.absorb(context, text);
    (await this.tools.flow(context)).place = place;
    return true;
  }

  // The menu was just sent: the place acknowledged and the needs question, in one SMS.
  protected override async kept(context: TurnContext): Promise<void> {
    const place = (await this.tools.flow(context)).place;
    if (!place) return this.retry(context);
    await this.tools.say(context, 'needs.placeKept', {
      place: placeLabel(place.name, place.region),
    });
  }

  protected async retry(context: TurnContext): Promise<void> {
    await this.tools.say(context, 'needs.retry');
  }
}
