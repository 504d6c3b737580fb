import { setTimeout as sleep } from 'node:timers/promises';
import { getConnectionToken } from '@nestjs/mongoose';
import { Activity, TurnContext } from 'botbuilder';
import { Connection } from 'mongoose';
import { SiraBotHandler } from '../../src/channels/bot.token';
import type { TestApp } from '../harness/app';

// A tiny bot for the channel mechanics: records each turn and answers with what `reply` returns.
export class RecordingBot implements SiraBotHandler {
  readonly activities: Partial<Activity>[] = [];
  delayMs = 0;
  reply: (text: string) => string | string[] = (text) => `echo: ${text}`;

  async run(context: TurnContext): Promise<void> {
    this.activities.push(context.activity);
    if (this.delayMs) await sleep(this.delayMs);
    const answer = this.reply(context.activity.text ?? '');
    for (const text of Array.isArray(answer) ? answer : [answer]) await context.sendActivity(text);
  }

  turnsFor(messageSid: string): number {
    return this.activities.filter((a) => a.id === messageSid).length;
  }
}

export function collection(t: TestApp, name: string) {
  return t.app.get<Connection>(getConnectionToken()).collection(name);
}
