import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { HandoffService } from '../../src/handoff/handoff.service';
import { OutboxService } from '../../src/outbox/outbox.service';
import { createTestApp, TestApp } from '../harness/app';
import { launchChromium, SHOTS } from '../harness/chromium';
import { loginAs } from '../harness/auth';
import { inboundParams, MESSAGES_WEBHOOK, postTwilio } from '../harness/twilio';

// The whole loop with the real bot: a person texts Sira (signed webhook), asks for a person with 0,
// the ticket arrives live in the console, the caseworker answers, the person writes back, the case closes.
describe('console with a simulated person (e2e)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('person asks for a caseworker by SMS, caseworker claims, replies and closes from the console', async () => {
    const phone = `+2237${String(Date.now()).slice(-7)}`;
    const send = async (body: string) => {
      const res = await postTwilio(t, MESSAGES_WEBHOOK, inboundParams({ from: phone, body }));
      expect(res.status).toBe(200);
    };
    const caseworker = await loginAs(t, 'caseworker', ['Kayes']);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${t.baseUrl}/console`);
    await page.fill('#login-email', caseworker.email);
    await page.fill('#login-password', caseworker.password);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#live.on');

    await send('bonjour je cherche du travail a Kayes');
    await send('1');
    await send('0');
    const item = page.locator('.qitem').first();
    await item.waitFor();
    const id = (await item.getAttribute('data-id'))!;
    await item.click();
    await page.click('[data-action=claim]');
    await page.waitForSelector('[data-alert=claimed]');

    await page.fill(
      '#reply-text',
      "Bonjour, je m'appelle Awa. Quel type de travail cherchez-vous ?",
    );
    await page.click('.reply button[type=submit]');
    await page.locator('.msg.caseworker', { hasText: 'Awa' }).waitFor();

    await send('Je suis maçon, je cherche un chantier.');
    await page.locator('.msg.person', { hasText: 'maçon' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-person-loop.png') });

    const ticket = await t.app.get(HandoffService).get(caseworker.user, id);
    const sent = await t.app.get(OutboxService).listForContact(ticket.contactId);
    expect(sent.filter((m) => m.kind === 'caseworker').map((m) => m.text)).toEqual([
      "Bonjour, je m'appelle Awa. Quel type de travail cherchez-vous ?",
    ]);

    await page.click('[data-action=close]');
    await page.selectOption('#close-outcome', 'resolved');
    await page.click('#close-form button[type=submit]');
    await page.waitForSelector('.ticket-head [data-status=closed]');
    expect((await t.app.get(HandoffService).get(caseworker.user, id)).status).toBe('closed');
    await page.close();
  });
});
