import { StatePropertyAccessor, Storage, StoreItems, TurnContext } from 'botbuilder';

type Slot = Record<string, unknown>;

// One person's bot_state document: person-wide properties (the profile) at the top, and one
// conversation (dialog stack, flow) per channel under `conversations`.
export interface PersonStateDoc extends Slot {
  eTag?: string;
  conversations?: Record<string, Slot>;
}

interface Loaded {
  state: PersonStateDoc;
  // Documents of the former layout (one per conversation, one per user), deleted after the first save.
  carried: string[];
}

const LOADED = Symbol('personState');

// The storage key ends with the contact id: erasure finds a person's state by that suffix.
export const personStateKey = (contactId: string): string => `people/${contactId}`;

// Where a person's state lived before it was one document (read in the same round trip, carried over once).
const formerKeys = (context: TurnContext) => ({
  conversation: `${context.activity.channelId}/conversations/${context.activity.conversation.id}`,
  user: `users/${context.activity.from.id}`,
});

const withoutETag = (item: Slot): Slot => {
  const { eTag: _eTag, ...rest } = item;
  return rest;
};

// A person's state, read once and written once per turn with the eTag it was read with.
// botbuilder's BotState saves with eTag "*" (last write wins), so two turns racing for one
// person (two instances, or SMS and WhatsApp at once) would silently lose one. Here the slower
// turn gets an eTag conflict from the storage and SiraBot runs it again on fresh state.
export class PersonState {
  constructor(private readonly storage: Storage) {}

  // Cached for the turn; force reads it again (after a conflict).
  async load(context: TurnContext, force = false): Promise<PersonStateDoc> {
    return (await this.loaded(context, force)).state;
  }

  async saveChanges(context: TurnContext): Promise<void> {
    const { state, carried } = await this.loaded(context, false);
    if (Object.keys(state).every((key) => key === 'eTag')) return;
    // The document carries the eTag it was read with (none when new: create only). On success the
    // storage gives it its new eTag, so a second save in the same turn works.
    await this.storage.write({ [personStateKey(context.activity.from.id)]: state });
    if (carried.length) {
      await this.storage.delete(carried);
      carried.length = 0;
    }
  }

  // A property of the person, whatever the channel.
  personProperty<T>(name: string): StatePropertyAccessor<T> {
    return new SlotProperty<T>(name, async (context) => this.load(context));
  }

  // A property of this channel's conversation.
  conversationProperty<T>(name: string): StatePropertyAccessor<T> {
    return new SlotProperty<T>(name, async (context) => {
      const state = await this.load(context);
      const conversations = (state.conversations ??= {});
      return (conversations[context.activity.channelId] ??= {});
    });
  }

  private loaded(context: TurnContext, force: boolean): Promise<Loaded> {
    const cached = context.turnState.get(LOADED) as Promise<Loaded> | undefined;
    if (cached && !force) return cached;
    const loading = this.read(context);
    context.turnState.set(LOADED, loading);
    return loading;
  }

  private async read(context: TurnContext): Promise<Loaded> {
    const key = personStateKey(context.activity.from.id);
    const former = formerKeys(context);
    const items: StoreItems = await this.storage.read([key, former.conversation, former.user]);
    const stored = items[key] as PersonStateDoc | undefined;
    const state: PersonStateDoc = stored ?? {};
    const channel = context.activity.channelId;
    const formerConversation = items[former.conversation] as Slot | undefined;
    if (formerConversation && !state.conversations?.[channel]) {
      state.conversations = { ...state.conversations, [channel]: withoutETag(formerConversation) };
    }
    const formerUser = items[former.user] as Slot | undefined;
    if (formerUser && !stored) Object.assign(state, withoutETag(formerUser));
    // Carried over or already superseded, they go once this document is saved.
    const carried = [former.conversation, former.user].filter((k) => items[k]);
    return { state, carried };
  }
}

// botbuilder's property accessor over one slot of the person's document.
class SlotProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    readonly name: string,
    private readonly slot: (context: TurnContext) => Promise<Slot>,
  ) {}

  async get(context: TurnContext, defaultValue?: T): Promise<T> {
    const slot = await this.slot(context);
    if (!Object.prototype.hasOwnProperty.call(slot, this.name) && defaultValue !== undefined) {
      slot[this.name] =
        typeof defaultValue === 'object'
          ? (JSON.parse(JSON.stringify(defaultValue)) as T)
          : defaultValue;
    }
    return slot[this.name] as T;
  }

  async set(context: TurnContext, value: T): Promise<void> {
    (await this.slot(context))[this.name] = value;
  }

  async delete(context: TurnContext): Promise<void> {
    delete (await this.slot(context))[this.name];
  }
}
