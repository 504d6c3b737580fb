import type { TurnContext } from 'botbuilder';

// The bot the channel adapter runs for every turn; bound by the bot module (SiraBot).
export const SIRA_BOT = 'SIRA_BOT';

export interface SiraBotHandler {
  run(context: TurnContext): Promise<void>;
}

// What the adapter puts in Activity.channelData for every inbound message.
export interface SiraChannelData {
  messageSid: string;
  contactId: string;
  // The contact's ticket hint: null means no caseworker ticket is open (absent: unknown, look).
  ticketHint?: string | null;
  numMedia: number;
  mediaUrls: string[];
  mediaTypes: string[];
}
