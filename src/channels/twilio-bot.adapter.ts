import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { I18nService } from '../common/i18n/i18n.service';
import { isLang } from '../common/i18n/lang';
import { ChannelType } from '../contacts/schemas/contact.schema';
import { OutboxService } from '../outbox/outbox.service';
import { OutboundKind } from '../outbox/schemas/outbound-message.schema';
import { SIRA_BOT, SiraBotHandler } from './bot.token';
import { ChannelsException, ChannelsExceptionCode } from './channels.exception';

// Replies of the turn being answered inline; absent on proactive turns.
const INLINE_REPLIES = Symbol('inlineReplies');

interface InlineReplies {
  open: boolean;
  texts: string[];
}

// Extra fields a proactive sender may put in channelData.
interface OutboundChannelData {
  kind?: OutboundKind;
  idempotencyKey?: string;
}

// botbuilder's adapter for Twilio messaging. During a webhook turn, whatever the bot sends is
// collected for the inline TwiML answer; anything sent outside it goes to the outbox.
@Injectable()
export class TwilioBotAdapter extends BotAdapter {
  private readonly logger = new Logger(TwilioBotAdapter.name);

  constructor(
    private readonly outbox: OutboxService,
    private readonly i18n: I18nService,
    @Optional() @Inject(SIRA_BOT) private readonly bot?: SiraBotHandler,
  ) {
    super();
    if (!bot) this.logger.warn('no bot bound to SIRA_BOT: messages are stored but get no answer');
    this.onTurnError = async (context, error) => {
      this.logger.error(
        `turn failed for ${context.activity.conversation?.id}: ${error.stack ?? error.message}`,
      );
      const locale = context.activity.locale;
      await context.sendActivity(
        this.i18n.t(isLang(locale) ? locale : 'fr', 'common:errors.generic'),
      );
    };
  }

  // Runs one turn of the bot and returns the texts it sent, in order.
  async processActivity(activity: Partial<Activity>): Promise<string[]> {
    const inline: InlineReplies = { open: true, texts: [] };
    const context = new TurnContext(this, activity);
    context.turnState.set(INLINE_REPLIES, inline);
    try {
      await this.runMiddleware(context, async (turn) => {
        if (this.bot) await this.bot.run(turn);
      });
    } finally {
      // A bot that keeps the context and sends later goes through the outbox.
      inline.open = false;
    }
    return inline.texts;
  }

  async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const inline = context.turnState.get(INLINE_REPLIES) as InlineReplies | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message || !activity.text?.trim()) {
        // Typing indicators and delays mean nothing on SMS or WhatsApp.
        responses.push({ id: '' });
        continue;
      }
      if (inline?.open) {
        inline.texts.push(activity.text);
        responses.push({ id: randomUUID() });
        continue;
      }
      const extra = (activity.channelData ?? {}) as OutboundChannelData;
      const queued = await this.outbox.enqueue({
        contactId: activity.recipient?.id ?? '',
        channel: activity.channelId as ChannelType,
        text: activity.text,
        kind: extra.kind ?? 'system',
        idempotencyKey: extra.idempotencyKey,
      });
      responses.push({ id: queued.id });
    }
    return responses;
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  // A text message cannot be edited or withdrawn once sent.
  async updateActivity(): Promise<void> {
    throw new ChannelsException(
      ChannelsExceptionCode.UNSUPPORTED,
      'SMS and WhatsApp messages cannot be edited',
    );
  }

  async deleteActivity(): Promise<void> {
    throw new ChannelsException(
      ChannelsExceptionCode.UNSUPPORTED,
      'SMS and WhatsApp messages cannot be deleted',
    );
  }
}
