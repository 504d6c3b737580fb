// Every value sealed with FieldCipher, by collection: what keys:rotate re-encrypts. A feature that
// seals a new field adds it here (sealed-fields.spec.ts checks the list against the code).
export interface SealedField {
  collection: string;
  // Dotted path; `[]` marks an array of subdocuments (handoffs.transcript[].text).
  path: string;
}

export const SEALED_FIELDS: readonly SealedField[] = [
  { collection: 'contacts', path: 'phoneEnc' },
  { collection: 'inbound_messages', path: 'bodyEnc' },
  { collection: 'inbound_messages', path: 'replyEnc' },
  { collection: 'outbound_messages', path: 'bodyEnc' },
  { collection: 'outbound_messages', path: 'toPhoneEnc' },
  { collection: 'bot_state', path: 'data' },
  { collection: 'handoffs', path: 'note' },
  { collection: 'handoffs', path: 'transcript[].text' },
];
