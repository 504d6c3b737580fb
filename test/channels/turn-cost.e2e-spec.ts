import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomInt } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import mongoose, { Connection, Types } from 'mongoose';
import { InboundService } from '../../src/channels/inbound.service';
import { ContactsService } from '../../src/contacts/contacts.service';
import { createTestApp, TestApp } from '../harness/app';
import { inboundParams, twimlMessages } from '../harness/twilio';

// Database operations one dialog turn costs, counted from inside the turn (background jobs on
// their own timers are not in the turn's async context). A regression guard on round trips:
// each bound is the count after the per-turn work was folded, so an extra read shows up here.
describe('database operations per dialog turn', () => {
  let t: TestApp;
  const turn = new AsyncLocalStorage<string[]>();

  beforeAll(async () => {
    t = await createTestApp({
      DIRECTORY_DEMO_SEED: 'on',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    });
    mongoose.set('debug', (collection: string, method: string) => {
      turn.getStore()?.push(`${collection}.${method}`);
    });
  });

  afterAll(async () => {
    mongoose.set('debug', false);
    await t.close();
  });

  const send = async (from: string, body: string) => {
    const ops: string[] = [];
    const twiml = await turn.run(ops, () =>
      t.app.get(InboundService).receive(inboundParams({ from, body })),
    );
    const contact = await t.app.get(ContactsService).findByPhone(from);
    return { ops, replies: twimlMessages(twiml), contactId: contact!.id };
  };

  it('a first message, an ordinary turn, a referral turn and a turn after a quiet spell stay within their round-trip budgets', async () => {
    const from = `+2237${String(randomInt(10_000_000)).padStart(7, '0')}`;
    const first = await send(from, 'bjr jsuis a kayes jcherche du travail');
    const consent = await send(from, '1');
    const referral = await send(from, '1');
    // Two minutes later (past the flood window): no need to count the person's recent messages.
    const contacts = t.app.get<Connection>(getConnectionToken()).collection('contacts');
    const earlier = new Date(Date.now() - 2 * 60_000);
    await contacts.updateOne(
      { _id: new Types.ObjectId(first.contactId) },
      { $set: { lastInboundAt: earlier } },
    );
    const quiet = await send(from, 'merci');
    process.stdout.write(
      `ops per turn: first ${first.ops.length} [${first.ops.join(' ')}]\n` +
        `  ordinary ${consent.ops.length} [${consent.ops.join(' ')}]\n` +
        `  referral ${referral.ops.length} [${referral.ops.join(' ')}]\n` +
        `  after a quiet spell ${quiet.ops.length} [${quiet.ops.join(' ')}]\n`,
    );
    // The conversation really went through: results, then a referral code.
    expect(consent.replies.length).toBeGreaterThan(1);
    expect(referral.replies.join(' ')).toMatch(/\b[2-9A-HJKMNP-Z]{6}\b/);
    expect(quiet.replies.length).toBeGreaterThan(0);
    expect(first.ops.length).toBeLessThanOrEqual(7);
    expect(consent.ops.length).toBeLessThanOrEqual(6);
    expect(referral.ops.length).toBeLessThanOrEqual(12);
    expect(quiet.ops.length).toBeLessThanOrEqual(5);
  });
});
