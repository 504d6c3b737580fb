import { BotState, Storage, TurnContext } from 'botbuilder';

// botbuilder's BotState saves with eTag "*" (last write wins), so two turns racing for one
// conversation would silently lose one. This state writes back the eTag it read: the slower
// turn gets an eTag conflict from the storage and SiraBot runs it again on fresh state.
export class OptimisticState extends BotState {
  constructor(storage: Storage, key: (context: TurnContext) => string) {
    super(storage, (context) => Promise.resolve(key(context)));
  }

  // Conversation state: one per contact and channel.
  static conversation(storage: Storage): OptimisticState {
    return new OptimisticState(
      storage,
      (context) => `${context.activity.channelId}/conversations/${context.activity.conversation.id}`,
    );
  }

  // User state: one per contact, whatever the channel (from.id is the contact id).
  static user(storage: Storage): OptimisticState {
    return new OptimisticState(storage, (context) => `users/${context.activity.from.id}`);
  }

  override async saveChanges(context: TurnContext): Promise<void> {
    const state = (await this.load(context)) as Record<string, unknown>;
    if (Object.keys(state).every((key) => key === 'eTag')) return;
    const key = await this.storageKey(context);
    // The loaded object still carries the eTag it was read with (none when it is new).
    await this.storage.write({ [key]: state });
  }
}
