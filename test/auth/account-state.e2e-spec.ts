import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { createTestApp, TestApp } from '../harness/app';
import { login, loginAs } from '../harness/auth';
import { call, openTicket } from '../handoff/helpers';

// An access token lives 15 minutes, but what it allows must follow the account at once.
describe('access tokens follow the account (e2e)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = (await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword)).token;
  });

  afterAll(async () => {
    await t.close();
  });

  function patchUser(id: string, body: unknown): Promise<{ status: number }> {
    return call(t, 'PATCH', `/api/users/${id}`, adminToken, body);
  }

  it('refuses the same access token with 401 ACCOUNT_DEACTIVATED once the account is deactivated, and refresh too', async () => {
    const cw = await loginAs(t, 'caseworker', ['Kayes']);
    const session = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: cw.email, password: cw.password }),
    });
    const cookie = session.headers
      .getSetCookie()
      .find((c) => c.startsWith('sira_refresh='))!
      .split(';')[0];
    expect((await call(t, 'GET', '/api/auth/me', cw.token)).status).toBe(200);

    expect((await patchUser(cw.user.id, { active: false })).status).toBe(200);

    const me = await call(t, 'GET', '/api/auth/me', cw.token);
    expect(me).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'ACCOUNT_DEACTIVATED' }) as unknown,
    });
    expect((await call(t, 'GET', '/api/handoffs', cw.token)).status).toBe(401);
    const refresh = await fetch(`${t.baseUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(refresh.status).toBe(401);

    // Reactivating gives the same token its access back: nothing was revoked, only checked.
    expect((await patchUser(cw.user.id, { active: true })).status).toBe(200);
    expect((await call(t, 'GET', '/api/auth/me', cw.token)).status).toBe(200);
  });

  it('refuses the token of a deleted account with 401 ACCOUNT_NOT_FOUND', async () => {
    const cw = await loginAs(t, 'caseworker');
    const users = t.app.get<Connection>(getConnectionToken()).collection('users');
    await users.deleteOne({ _id: new Types.ObjectId(cw.user.id) });

    const me = await call(t, 'GET', '/api/auth/me', cw.token);
    expect(me).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }) as unknown,
    });
  });

  it('applies a role change to the next request with the same token', async () => {
    const sup = await loginAs(t, 'supervisor');
    expect((await call(t, 'GET', '/api/audit', sup.token)).status).toBe(200);

    expect((await patchUser(sup.user.id, { role: 'caseworker' })).status).toBe(200);

    expect((await call(t, 'GET', '/api/audit', sup.token)).status).toBe(403);
    expect((await call(t, 'GET', '/api/auth/me', sup.token)).body).toMatchObject({
      role: 'caseworker',
    });
  });

  it('applies a region change to the next request: a removed region is no longer visible or claimable', async () => {
    const cw = await loginAs(t, 'caseworker', ['Kayes', 'Mopti']);
    const inMopti = await openTicket(t, { region: 'Mopti' });
    const queue = await call<{ id: string }[]>(t, 'GET', '/api/handoffs', cw.token);
    expect(queue.body.map((s) => s.id)).toContain(inMopti.id);

    expect((await patchUser(cw.user.id, { regions: ['Kayes'] })).status).toBe(200);

    const after = await call<{ id: string }[]>(t, 'GET', '/api/handoffs', cw.token);
    expect(after.status).toBe(200);
    expect(after.body.map((s) => s.id)).not.toContain(inMopti.id);
    const claim = await call(t, 'POST', `/api/handoffs/${inMopti.id}/claim`, cw.token);
    expect(claim).toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'HANDOFF_OUT_OF_REGION' }) as unknown,
    });

    // And a region added is usable at once too.
    const inSegou = await openTicket(t, { region: 'Ségou' });
    expect((await patchUser(cw.user.id, { regions: ['Kayes', 'Ségou'] })).status).toBe(200);
    expect((await call(t, 'POST', `/api/handoffs/${inSegou.id}/claim`, cw.token)).status).toBe(200);
  });
});
