export const INBOUND_OPTIONS = Symbol('INBOUND_OPTIONS');

export interface InboundOptions {
  // Longer turns answer the webhook with an empty TwiML and send their replies through the outbox
  // (Twilio gives up on a webhook after 15 s).
  inlineDeadlineMs: number;
  // A duplicate of a turn still running waits this long for its reply.
  duplicateWaitMs: number;
  duplicatePollMs: number;
  // A claim this old belongs to an instance that died mid-turn: a retry may run the turn again.
  staleClaimMs: number;
  // More messages than this from one person within floodWindowMs are kept but not run through the bot.
  floodLimit: number;
  floodWindowMs: number;
}

export const defaultInboundOptions = (): InboundOptions => ({
  inlineDeadlineMs: 10_000,
  duplicateWaitMs: 10_000,
  duplicatePollMs: 100,
  staleClaimMs: 120_000,
  floodLimit: 10,
  floodWindowMs: 60_000,
});
