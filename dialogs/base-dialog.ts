import {
  ComponentDialog,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import { parseCommand, parseNumbers } from './replies';
import { SiraTools } from './sira-tools';

export type RestartMode = 'current' | 'back' | 'menu';

// The global commands (MENU, RETOUR/BACK, AIDE/HELP, 0/AGENT/CONSEILLER, FR/EN/BM) and the crisis
// interrupt, checked before any step sees the message, in every language.
export abstract class SiraBaseDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly tools: SiraTools,
  ) {
    super(id);
  }

  // Starts the flow again at the current question, the previous one, or the needs menu.
  protected abstract restart(innerDc: DialogContext, mode: RestartMode): Promise<DialogTurnResult>;

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  protected async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const text = this.tools.text(context);
    const command = parseCommand(text);
    if (!command && !parseNumbers(text, 99) && this.tools.ports.analyze(text).urgent) {
      await this.tools.handoff(context, 'crisis');
      return this.leave(innerDc);
    }
    if (!command) return undefined;
    switch (command.kind) {
      case 'agent':
        await this.tools.handoff(context, 'requested');
        return this.leave(innerDc);
      case 'help':
        await this.tools.say(context, 'help');
        return this.restart(innerDc, 'current');
      case 'menu':
        return this.restart(innerDc, 'menu');
      case 'back':
        return this.restart(innerDc, 'back');
      case 'language':
        await this.tools.setLanguage(context, command.lang);
        return this.restart(innerDc, 'current');
    }
  }

  // The person is now with a caseworker: the bot's dialog ends.
  private async leave(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: 'exit' };
  }
}
