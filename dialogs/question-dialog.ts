import {
  ComponentDialog,
  Dialog,
  DialogTurnResult,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { TurnContext } from 'botbuilder';
import { QUESTION_WATERFALL } from './dialog-ids';
import { Outcome, questionOptions, Slot } from './flow-state';
import { isGreeting } from './replies';
import { SiraTools } from './sira-tools';

// One question: ask, read the answer, and on a reply that answers nothing send a short retry
// (the second miss in a row goes to a caseworker). Subclasses say what to ask and how to read.
export abstract class QuestionDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly tools: SiraTools,
    private readonly slot: Slot,
  ) {
    super(id);
    this.addDialog(
      new WaterfallDialog(QUESTION_WATERFALL, [
        this.askStep.bind(this),
        this.answerStep.bind(this),
      ]),
    );
    this.initialDialogId = QUESTION_WATERFALL;
  }

  // Sends the question; may return an outcome to end at once (e.g. no need to ask).
  protected abstract ask(context: TurnContext): Promise<Outcome | void>;
  // Reads the reply; undefined when it answers nothing.
  protected abstract answer(context: TurnContext, text: string): Promise<Outcome | undefined>;
  protected abstract retry(context: TurnContext): Promise<void>;

  // Keeps what a reply says for a later question (true if anything was kept).
  protected aside(context: TurnContext, text: string): Promise<boolean> {
    return this.tools.absorb(context, text);
  }

  // After a reply kept for later: the open question again, short.
  protected kept(context: TurnContext): Promise<void> {
    return this.retry(context);
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (questionOptions(step).retry) return Dialog.EndOfTurn;
    await this.tools.markAsked(step.context, this.slot);
    const early = await this.ask(step.context);
    return early ? step.endDialog(early) : Dialog.EndOfTurn;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = await this.answer(step.context, this.tools.text(step.context));
    if (outcome) {
      (await this.tools.flow(step.context)).misses = 0;
      return step.endDialog(outcome);
    }
    // A greeting after a pause (or after STOP and START): the question again, not a miss.
    if (isGreeting(this.tools.text(step.context))) {
      const early = await this.ask(step.context);
      return early
        ? step.endDialog(early)
        : step.replaceDialog(QUESTION_WATERFALL, { retry: true });
    }
    // Not an answer to this question, but it answers a later one: kept, the open question again.
    if (await this.aside(step.context, this.tools.text(step.context))) {
      (await this.tools.flow(step.context)).misses = 0;
      await this.kept(step.context);
      return step.replaceDialog(QUESTION_WATERFALL, { retry: true });
    }
    if (await this.tools.miss(step.context, () => this.retry(step.context))) {
      return step.endDialog('exit' satisfies Outcome);
    }
    return step.replaceDialog(QUESTION_WATERFALL, { retry: true });
  }
}
