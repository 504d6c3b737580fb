import { TurnContext } from 'botbuilder';
import { RESULTS_DIALOG } from './dialog-ids';
import { Outcome } from './flow-state';
import { QuestionDialog } from './question-dialog';
import { isOther, parseNumbers } from './replies';
import { ServiceHit } from './ports';
import { awayKm, fitOneSms, placeLabel } from './service-text';
import { SiraTools } from './sira-tools';

const MAX_RESULTS = 3;

// The best services for the first pending need near the place, one message each; then the
// choice: 1-3 to be referred, 0 for a caseworker (base dialog), AUTRE for the next need.
export class ResultsDialog extends QuestionDialog {
  constructor(tools: SiraTools) {
    super(RESULTS_DIALOG, tools, 'choice');
  }

  protected async ask(context: TurnContext): Promise<void> {
    const flow = await this.tools.flow(context);
    const lang = await this.tools.lang(context);
    const need = flow.pending[0];
    const hits = await this.tools.ports.search({ need, place: flow.place!, lang });
    flow.shown = hits.slice(0, MAX_RESULTS);
    if (!flow.shown.length) {
      await this.tools.ask(context, 'results.none', {
        need: this.tools.needLabel(lang, need),
        place: placeLabel(flow.place!.name, flow.place!.region),
      });
      return;
    }
    for (const [index, hit] of flow.shown.entries()) {
      await context.sendActivity(await this.item(context, index + 1, hit));
    }
    await this.tools.ask(context, 'results.choose', { max: flow.shown.length });
  }

  protected async answer(context: TurnContext, text: string): Promise<Outcome | undefined> {
    if (isOther(text)) return 'other';
    const flow = await this.tools.flow(context);
    // "1 2": the person wants each of them; numbers beyond the list are left out.
    const numbers = flow.shown.length ? parseNumbers(text, 99) : null;
    if (!numbers) return this.changeOfMind(context, text);
    const chosen = numbers.filter((n) => n <= flow.shown.length).map((n) => flow.shown[n - 1]);
    if (!chosen.length) return undefined;
    const tail = await this.tools.t(
      context,
      flow.pending.length > 1 ? 'results.nextNeed' : 'results.end',
    );
    const sid = this.tools.messageSid(context);
    for (const [index, hit] of chosen.entries()) {
      const referral = await this.tools.ports.createReferral({
        contactId: this.tools.contactId(context),
        serviceId: hit.serviceId,
        need: flow.pending[0],
        channel: this.tools.channel(context),
        language: await this.tools.lang(context),
        // A retried webhook finds each referral it created.
        idempotencyKey: index === 0 ? `referral:${sid}` : `referral:${sid}:${index + 1}`,
        consentToShare: flow.consent === true,
        region: hit.region,
      });
      // One SMS per referral, each complete on its own; the last says what comes next.
      const last = index === chosen.length - 1;
      await context.sendActivity(
        await this.confirmation(context, hit, referral.code, last ? tail : ''),
      );
    }
    flow.shown = [];
    return 'referred';
  }

  // One service, one SMS: a site away from the person's cercle says where and how far.
  private async item(context: TurnContext, n: number, hit: ServiceHit): Promise<string> {
    const lang = await this.tools.lang(context);
    const place = placeLabel(hit.place, hit.region);
    const km = awayKm(hit);
    const vars = {
      n,
      phone: hit.phone,
      hours: hit.hours,
      place:
        km === null
          ? place
          : this.tools.ports.translate(lang, 'dialogs:results.away', { place, km }),
    };
    const key = hit.phone ? 'dialogs:results.item' : 'dialogs:results.itemNoPhone';
    const compose = (name: string) => this.tools.ports.translate(lang, key, { ...vars, name });
    return this.tools.channel(context) === 'sms' ? fitOneSms(compose, hit.name) : compose(hit.name);
  }

  // The person leaves with the code, the service, its place and its phone: one SMS when it fits.
  private async confirmation(
    context: TurnContext,
    hit: ServiceHit,
    code: string,
    tail: string,
  ): Promise<string> {
    const lang = await this.tools.lang(context);
    const key = hit.phone ? 'results.confirm' : 'results.confirmNoPhone';
    const vars = { code, phone: hit.phone, place: placeLabel(hit.place, hit.region) };
    const compose = (name: string) =>
      [this.tools.ports.translate(lang, `dialogs:${key}`, { ...vars, name }), tail]
        .join(' ')
        .trim();
    return this.tools.channel(context) === 'sms' ? fitOneSms(compose, hit.name) : compose(hit.name);
  }

  // "plutôt un logement": a need named instead of a number replaces the current one.
  private async changeOfMind(context: TurnContext, text: string): Promise<Outcome | undefined> {
    const analysis = this.tools.ports.analyze(text);
    if (!analysis.needs.length) return undefined;
    const flow = await this.tools.flow(context);
    const rest = flow.pending.slice(1).filter((need) => !analysis.needs.includes(need));
    flow.pending = [...analysis.needs, ...rest];
    flow.needs = [...new Set([...flow.needs, ...analysis.needs])];
    if (analysis.place) flow.place = analysis.place;
    flow.shown = [];
    return 'answered';
  }

  protected async retry(context: TurnContext): Promise<void> {
    const flow = await this.tools.flow(context);
    if (flow.shown.length)
      await this.tools.say(context, 'results.retry', { max: flow.shown.length });
    else await this.tools.say(context, 'results.noneRetry');
  }
}
