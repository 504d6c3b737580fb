import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { ContactsService } from '../../src/contacts/contacts.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import { launchChromium, SHOTS } from '../harness/chromium';
import { withTestBot } from '../harness/twilio';
import { collection, RecordingBot } from './helpers';

describe('/simulator (Chromium)', () => {
  let t: TestApp;
  let browser: Browser;
  const bot = new RecordingBot();

  beforeAll(async () => {
    // A public URL unlike the test server's address: the signature must still hold.
    t = await createTestApp(
      { PUBLIC_BASE_URL: 'https://sira.example.org' },
      undefined,
      withTestBot(bot),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('types as a returnee, gets the inline reply through the signed webhook, and sees outbox messages', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.baseUrl}/simulator?lng=fr`);
    await page.getByRole('heading', { name: 'Simulateur de téléphone Sira' }).waitFor();
    await page.selectOption('#channel', 'sms');
    await page.fill('#phone', '+223 76 00 05 01');
    await page.fill('#text', "Bonjour, j'ai besoin d'aide");
    await page.click('#send');
    const reply = page.locator('.msg.out[data-source="inline"]').first();
    await reply.waitFor();
    expect(await reply.textContent()).toContain("echo: Bonjour, j'ai besoin d'aide");

    // It took the real path: a stored inbound message and one bot turn on the SMS channel.
    const activity = bot.activities.at(-1)!;
    expect(activity.channelId).toBe('sms');
    expect(
      await collection(t, 'inbound_messages').countDocuments({ messageSid: activity.id }),
    ).toBe(1);

    // A later message (e.g. a caseworker's) lands in the dev sink and shows up on the phone.
    const contact = (await t.app.get(ContactsService).findByPhone('+22376000501'))!;
    const queued = await t.app.get(OutboxService).enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Un conseiller vous répond.',
      kind: 'caseworker',
    });
    expect(queued.status).toBe('sink');
    const later = page.locator('.msg.out[data-source="outbox"]').first();
    await later.waitFor();
    expect(await later.textContent()).toContain('Un conseiller vous répond.');
    expect(await later.textContent()).toContain('sink');

    // The provider's copy of a referral is not this phone's message.
    await t.app.get(OutboxService).enqueue({
      contactId: contact.id,
      channel: 'sms',
      text: 'Sira : une personne vous est orientée.',
      kind: 'provider',
      toPhone: '+22376000999',
    });
    const listed = (await (
      await fetch(`${t.baseUrl}/simulator/api/messages?phone=%2B22376000501`)
    ).json()) as {
      text: string;
    }[];
    expect(listed.map((m) => m.text)).toEqual(['Un conseiller vous répond.']);
    await page.screenshot({ path: join(SHOTS, 'simulator.png') });
    await page.close();
  });

  it('refuses an invalid send and serves its strings in Bambara', async () => {
    const bad = await fetch(`${t.baseUrl}/simulator/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'fax', phone: '+22376000502', text: 'x' }),
    });
    expect(bad.status).toBe(400);
    const strings = (await (await fetch(`${t.baseUrl}/simulator/api/strings?lng=bm`)).json()) as {
      lang: string;
    };
    expect(strings.lang).toBe('bm');
  });
});

describe('/simulator in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'https://sira.example.org',
      TWILIO_AUTH_TOKEN: 'production-token-123',
      ENCRYPTION_KEY: 'a'.repeat(64),
      JWT_SECRET: 'j'.repeat(40),
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'a-long-password-123',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('does not exist', async () => {
    for (const path of [
      '/simulator',
      '/simulator/simulator.js',
      '/simulator/api/messages?phone=1',
    ]) {
      expect((await fetch(`${t.baseUrl}${path}`)).status).toBe(404);
    }
    const send = await fetch(`${t.baseUrl}/simulator/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'sms', phone: '+22376000502', text: 'x' }),
    });
    expect(send.status).toBe(404);
  });
});
