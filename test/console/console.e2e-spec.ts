import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { HandoffService } from '../../src/handoff/handoff.service';
import { DEFAULT_QUEUE_STREAM_OPTIONS, QUEUE_STREAM_OPTIONS } from '../../src/handoff/queue-stream';
import { OutboxService } from '../../src/outbox/outbox.service';
import { ReferralsService } from '../../src/referrals/referrals.service';
import { createTestApp, TestApp } from '../harness/app';
import { launchChromium, SHOTS } from '../harness/chromium';
import { authHeader, LoggedIn, login, loginAs } from '../harness/auth';
import { openTicket } from '../handoff/helpers';

// Script errors and CSP violations both surface here; the 401 of the boot-time refresh is expected.
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('401')) errors.push(message.text());
  });
  return errors;
}

async function logIn(page: Page, t: TestApp, who: LoggedIn): Promise<void> {
  await page.goto(`${t.baseUrl}/console`);
  await page.fill('#login-email', who.email);
  await page.fill('#login-password', who.password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#view-queue:not([hidden])');
}

// The caseworker loop in a real browser: log in, see a person's ticket arrive live, claim, reply, close.
describe('console in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let caseworker: LoggedIn;

  beforeAll(async () => {
    // The live stream checks the account on every event (production: at most every 5 s).
    t = await createTestApp({}, undefined, {
      override: (b) =>
        b
          .overrideProvider(QUEUE_STREAM_OPTIONS)
          .useValue({ ...DEFAULT_QUEUE_STREAM_OPTIONS, recheckMs: 0 }),
    });
    caseworker = await loginAs(t, 'caseworker', ['Kayes']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in, claims a live ticket, replies through the outbox and closes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await openTicket(t, { region: 'Kayes', place: 'Kita', needs: ['food', 'shelter'] });
    await logIn(page, t, caseworker);

    // Opened after login: it must arrive over the live stream, flagged urgent, with the count in the title.
    await page.waitForSelector('#live.on');
    const { id, contactId } = await openTicket(t, {
      region: 'Kayes',
      place: 'Kayes',
      urgent: true,
      reason: 'crisis',
      needs: ['protection', 'shelter'],
      transcript: [
        {
          at: new Date(Date.now() - 60_000),
          from: 'person',
          text: "Je suis à la gare routière, on m'a tout volé et je n'ai nulle part où dormir.",
        },
        {
          at: new Date(Date.now() - 55_000),
          from: 'bot',
          text: 'Un conseiller va vous répondre très vite. En cas de danger : Police 17.',
        },
      ],
    });
    const item = page.locator(`.qitem[data-id="${id}"]`);
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('urgent');
    await expect(page.locator('#urgent-banner').isVisible()).resolves.toBe(true);
    expect(await page.title()).toMatch(/^\(1\) ⚠/);
    // Urgent first, whatever the waiting time.
    expect(await page.locator('.qitem').first().getAttribute('data-id')).toBe(id);
    await page.screenshot({ path: join(SHOTS, 'console-queue.png') });

    await item.click();
    await page.click('[data-action=claim]');
    await page.waitForSelector('[data-alert=claimed]');

    const reply =
      'Bonjour, je suis Awa du CNRM. Restez à la gare, un agent de la Croix-Rouge vient vous chercher dans 30 minutes.';
    await page.fill('#reply-text', reply);
    await expect(page.locator('.reply-bar .seg').getAttribute('data-segments')).resolves.toBe('1');
    await page.fill('#reply-text', `${reply} ${reply}`);
    await expect(page.locator('.reply-bar .seg').getAttribute('data-segments')).resolves.toBe('2');
    await page.fill('#reply-text', reply);
    await page.click('.reply button[type=submit]');
    await page.locator('.msg.caseworker', { hasText: 'Croix-Rouge' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-conversation.png') });

    const outbox = await t.app.get(OutboxService).listForContact(contactId);
    expect(outbox.filter((m) => m.kind === 'caseworker').map((m) => m.text)).toEqual([reply]);

    await page.click('[data-action=close]');
    await page.selectOption('#close-outcome', 'referred');
    await page.fill('#close-note', 'Orientée vers la Croix-Rouge de Kayes.');
    await page.click('#close-form button[type=submit]');
    await page.waitForSelector('.ticket-head [data-status=closed]');
    const closed = await t.app.get(HandoffService).get(caseworker.user, id);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'referred' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells the caseworker clearly when a colleague claimed first', async () => {
    const colleague = await loginAs(t, 'caseworker', ['Kayes']);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // No live stream here (as behind a proxy that drops it): the colleague's claim is not pushed,
    // the click still goes out, and the console falls back to polling.
    await page.route('**/api/handoffs/events*', (route) => route.abort());
    const { id } = await openTicket(t, { region: 'Kayes', needs: ['health'] });
    await logIn(page, t, caseworker);
    await page.click(`.qitem[data-id="${id}"]`);
    await page.waitForSelector('[data-action=claim]');

    const res = await fetch(`${t.baseUrl}/api/handoffs/${id}/claim`, {
      method: 'POST',
      headers: authHeader(colleague.token),
    });
    expect(res.status).toBe(200);
    await page.click('[data-action=claim]');
    const alert = page.locator('[data-alert=claim-lost]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(colleague.email);
    expect(await page.locator('[data-action=claim]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'console-claim-lost.png') });
    await page.waitForSelector('#live.polling', { timeout: 20_000 });
    await page.close();
  });

  it('keeps the caseworker signed in: expired access token refreshed silently, reload keeps the session', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const { id } = await openTicket(t, { region: 'Kayes', needs: ['transport'] });
    await logIn(page, t, caseworker);
    // The next queue read meets an expired token, as after a laptop's sleep.
    let expiredOnce = false;
    await page.route('**/api/handoffs?status=waiting', async (route) => {
      if (expiredOnce) return route.continue();
      expiredOnce = true;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 401, code: 'TOKEN_EXPIRED' }),
      });
    });
    const refreshed = page.waitForResponse(
      (res) => res.url().endsWith('/api/auth/refresh') && res.status() === 200,
    );
    await page.click('#queue-tabs [data-tab=waiting]');
    await page.click('#queue-tabs [data-tab=closed]');
    await refreshed;
    await page.click('#queue-tabs [data-tab=waiting]');
    await page.locator(`.qitem[data-id="${id}"]`).waitFor();
    expect(await page.locator('#view-login').isHidden()).toBe(true);

    await page.reload();
    await page.locator(`.qitem[data-id="${id}"]`).waitFor();
    expect(await page.locator('#view-login').isHidden()).toBe(true);

    await page.click('#logout');
    await page.waitForSelector('#view-login:not([hidden])');
    await page.reload();
    await page.waitForSelector('#view-login:not([hidden])');
    await page.close();
  });

  it('sends a caseworker back to the login screen, saying why, when their account is deactivated while the console is open', async () => {
    const colleague = await loginAs(t, 'caseworker', ['Kayes']);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, t, colleague);
    await page.waitForSelector('#live.on');

    const admin = await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword);
    const deactivated = await fetch(`${t.baseUrl}/api/users/${colleague.user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...authHeader(admin.token) },
      body: JSON.stringify({ active: false }),
    });
    expect(deactivated.status).toBe(200);
    const { id } = await openTicket(t, { region: 'Kayes' });

    await page.waitForSelector('#view-login:not([hidden])');
    const shown = await page.locator('#login-error').textContent();
    const closedTexts = ['fr', 'en', 'bm'].map(
      (lng) =>
        (
          JSON.parse(
            readFileSync(join(__dirname, `../../locales/${lng}/console.json`), 'utf8'),
          ) as {
            login: { closed: string };
          }
        ).login.closed,
    );
    expect(closedTexts).toContain(shown);
    expect(await page.locator(`.qitem[data-id="${id}"]`).count()).toBe(0);
    await page.close();
  });

  it('lets an admin create, scope and deactivate a caseworker account', async () => {
    const admin = await loginAs(t, 'admin');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await logIn(page, t, admin);
    await page.click('#nav a[data-view=users]');
    await page.waitForSelector('#user-rows tr');
    await page.click('#user-new');
    await page.fill('#user-email', 'Fatoumata.Keita@CNRM.ml');
    await page.fill('#user-password', 'un-mot-de-passe-long');
    await page.selectOption('#user-role', 'caseworker');
    await page.check('#user-regions input[value="Kayes"]');
    await page.check('#user-regions input[value="Ségou"]');
    await page.screenshot({ path: join(SHOTS, 'console-user-dialog.png') });
    await page.click('#user-form button[type=submit]');
    const row = page.locator('#user-rows tr[data-email="fatoumata.keita@cnrm.ml"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Ségou');
    await page.screenshot({ path: join(SHOTS, 'console-users.png') });
    await expect(
      login(t.baseUrl, 'fatoumata.keita@cnrm.ml', 'un-mot-de-passe-long'),
    ).resolves.toMatchObject({
      user: { role: 'caseworker', regions: ['Kayes', 'Ségou'] },
    });

    await row.locator('[data-action=toggle-active]').click();
    await page.locator('#user-rows tr.inactive[data-email="fatoumata.keita@cnrm.ml"]').waitFor();
    await expect(
      login(t.baseUrl, 'fatoumata.keita@cnrm.ml', 'un-mot-de-passe-long'),
    ).rejects.toThrow(/401/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hides account management from caseworkers', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await logIn(page, t, caseworker);
    expect(await page.locator('#nav a[data-view=users]').isHidden()).toBe(true);
    await page.close();
  });

  it('shows referrals with status changes and the dashboard within 1366×768, in English too', async () => {
    const supervisor = await loginAs(t, 'supervisor');
    const referrals = t.app.get(ReferralsService);
    const seeded = [
      { region: 'Kayes', needs: ['employment', 'vocational_training'] },
      { region: 'Mopti', needs: ['health'] },
      { region: 'Ségou', needs: ['documents', 'legal'] },
      { region: 'Bamako', needs: ['shelter', 'food', 'employment'] },
    ] as const;
    const codes: string[] = [];
    for (const [i, ticket] of seeded.entries()) {
      const { contactId } = await openTicket(t, {
        region: ticket.region,
        needs: [...ticket.needs],
      });
      const referral = await referrals.create({
        contactId,
        serviceId: `demo-${i}`,
        need: ticket.needs[0],
        channel: 'sms',
        language: 'fr',
        idempotencyKey: `console-e2e-${i}`,
        consentToShare: false,
      });
      codes.push(referral.code);
    }
    const first = (await referrals.list(supervisor.user, { code: codes[1] }))[0];
    await referrals.changeStatus(
      supervisor.user,
      first.id,
      first.status === 'proposed' ? 'sent' : 'accepted',
    );

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchErrors(page);
    await logIn(page, t, caseworker);
    await page.selectOption('#lang', 'en');
    await page.click('#nav a[data-view=referrals]');
    const row = page.locator(`#referral-rows tr[data-code="${codes[0]}"]`);
    await row.waitFor();
    const next = await row.locator('select option:not([value=""])').first().getAttribute('value');
    await row.locator('select').selectOption(next!);
    await page.locator(`#referral-rows tr[data-code="${codes[0]}"] .status.${next}`).waitFor();
    expect((await referrals.list(supervisor.user, { code: codes[0] }))[0].status).toBe(next);
    await page.screenshot({ path: join(SHOTS, 'console-referrals.png') });

    await page.click('#nav a[data-view=dashboard]');
    await page.waitForSelector('#chart-needs svg');
    await page.waitForSelector('#chart-open-age svg');
    expect(await page.locator('#nav a[data-view=dashboard]').textContent()).toBe('Dashboard');
    const overflow = await page.evaluate<boolean>(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'console-dashboard.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
