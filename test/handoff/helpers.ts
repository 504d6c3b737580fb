import { randomInt } from 'node:crypto';
import { ContactsService } from '../../src/contacts/contacts.service';
import { Clock } from '../../src/handoff/clock';
import { HandoffService } from '../../src/handoff/handoff.service';
import { OpenHandoffInput } from '../../src/handoff/handoff.types';
import { TestApp } from '../harness/app';
import { authHeader } from '../harness/auth';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

// JSON over real HTTP, with or without a bearer token.
export async function call<T = Record<string, unknown>>(
  t: TestApp,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const res = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? authHeader(token) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

export async function newContact(t: TestApp, channel: 'sms' | 'whatsapp' = 'sms'): Promise<string> {
  const phone = `+2237${String(randomInt(10_000_000)).padStart(7, '0')}`;
  return (await t.app.get(ContactsService).upsertByPhone(phone, channel)).id;
}

// Opens a ticket the way the bot does, for a fresh person.
export async function openTicket(
  t: TestApp,
  over: Partial<OpenHandoffInput> = {},
): Promise<{ id: string; contactId: string }> {
  const contactId = over.contactId ?? (await newContact(t, over.channel ?? 'sms'));
  const { id } = await t.app.get(HandoffService).open({
    contactId,
    channel: 'sms',
    language: 'fr',
    reason: 'requested',
    urgent: false,
    needs: ['food'],
    transcript: [{ at: new Date(), from: 'person', text: "J'ai besoin d'aide pour manger" }],
    ...over,
  });
  return { id, contactId };
}

// Freezes the app's clock at `at`; returns a setter to move it.
export function controlClock(t: TestApp, at: Date): (next: Date) => void {
  let current = at;
  jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(current.getTime()));
  return (next: Date) => {
    current = next;
  };
}
