import { Logger } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AuthService } from '../../src/auth/auth.service';
import { createTestApp, TestApp } from '../harness/app';
import { startTestDatabase } from '../harness/database';
import { authHeader, login, loginAs } from '../harness/auth';

async function post(
  t: TestApp,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function refreshCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sira_refresh='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}

describe('auth (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('login', () => {
    it('returns a short-lived access token, the user and an httpOnly refresh cookie', async () => {
      const res = await post(t, '/api/auth/login', {
        email: t.config.adminEmail.toUpperCase(),
        password: t.config.adminPassword,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        accessToken: string;
        expiresIn: number;
        user: { email: string; role: string };
      };
      expect(body.expiresIn).toBe(900);
      expect(body.user).toMatchObject({ email: t.config.adminEmail, role: 'admin' });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sira_refresh='));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api\/auth/);

      const me = await fetch(`${t.baseUrl}/api/auth/me`, { headers: authHeader(body.accessToken) });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        email: t.config.adminEmail,
        role: 'admin',
        regions: [],
      });
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const wrong = await post(t, '/api/auth/login', {
        email: t.config.adminEmail,
        password: 'not-the-password',
      });
      const unknown = await post(t, '/api/auth/login', {
        email: 'nobody@test.sira',
        password: 'not-the-password',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toEqual(await wrong.json());
    });

    it('refuses a deactivated account', async () => {
      const admin = await loginAs(t, 'admin');
      const cw = await loginAs(t, 'caseworker', ['Kayes']);
      const patch = await fetch(`${t.baseUrl}/api/users/${cw.user.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...authHeader(admin.token) },
        body: JSON.stringify({ active: false }),
      });
      expect(patch.status).toBe(200);
      const res = await post(t, '/api/auth/login', { email: cw.email, password: cw.password });
      expect(res.status).toBe(401);
    });
  });

  describe('throttling', () => {
    it('locks an email for 15 minutes after 5 failures, with 429 and a reason', async () => {
      const cw = await loginAs(t, 'caseworker');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await post(t, '/api/auth/login', { email: cw.email, password: 'wrong-password' }))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);

      const locked = await post(t, '/api/auth/login', { email: cw.email, password: cw.password });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(await locked.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });

      const admin = await loginAs(t, 'admin');
      const audit = await fetch(
        `${t.baseUrl}/api/audit?action=auth.lockout&actorId=${cw.user.id}`,
        { headers: authHeader(admin.token) },
      );
      expect(((await audit.json()) as { total: number }).total).toBe(1);

      // Another account from the same address is not affected.
      const other = await loginAs(t, 'caseworker');
      await expect(login(t.baseUrl, other.email, other.password)).resolves.toHaveProperty('token');
    });

    it('counts failures across instances sharing the database', async () => {
      const second = await createTestApp(
        {
          TEST_DB_NAME: t.config.mongodbUri!.split('/').pop()!.split('?')[0],
          ENCRYPTION_KEY: t.config.encryptionKeys.get(t.config.encryptionKeyId)!.toString('hex'),
          JWT_SECRET: t.config.jwtSecret,
        },
        t.db,
      );
      try {
        const cw = await loginAs(t, 'caseworker');
        for (let i = 0; i < 3; i++)
          await post(t, '/api/auth/login', { email: cw.email, password: 'wrong-password' });
        expect(
          (await post(second, '/api/auth/login', { email: cw.email, password: 'wrong-password' }))
            .status,
        ).toBe(401);
        expect(
          (await post(second, '/api/auth/login', { email: cw.email, password: 'wrong-password' }))
            .status,
        ).toBe(429);
        expect(
          (await post(t, '/api/auth/login', { email: cw.email, password: cw.password })).status,
        ).toBe(429);
      } finally {
        await second.close();
      }
    });
  });

  describe('tokens', () => {
    it('rejects an expired token with 401 TOKEN_EXPIRED', async () => {
      const cw = await loginAs(t, 'caseworker');
      const expired = t.app.get(AuthService).signAccessToken(cw.user, -60);
      const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: authHeader(expired) });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
    });

    it('rejects a token signed with another secret', async () => {
      const cw = await loginAs(t, 'caseworker');
      const [header, , signature] = cw.token.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          sub: cw.user.id,
          email: cw.email,
          role: 'admin',
          regions: [],
          typ: 'access',
        }),
      ).toString('base64url');
      const res = await fetch(`${t.baseUrl}/api/users`, {
        headers: authHeader(`${header}.${forged}.${signature}`),
      });
      expect(res.status).toBe(401);
    });

    it('never accepts ?access_token= outside server-sent event routes', async () => {
      const cw = await loginAs(t, 'caseworker');
      const res = await fetch(`${t.baseUrl}/api/auth/me?access_token=${cw.token}`);
      expect(res.status).toBe(401);
    });

    it('rotates the refresh token: each works once, logout ends the session', async () => {
      const cw = await loginAs(t, 'caseworker', ['Mopti']);
      const first = await post(t, '/api/auth/login', { email: cw.email, password: cw.password });
      const cookie1 = refreshCookie(first);

      const refreshed = await post(t, '/api/auth/refresh', {}, { cookie: cookie1 });
      expect(refreshed.status).toBe(200);
      const body = (await refreshed.json()) as { accessToken: string; user: { regions: string[] } };
      expect(body.user.regions).toEqual(['Mopti']);
      const cookie2 = refreshCookie(refreshed);
      expect(cookie2).not.toBe(cookie1);

      expect((await post(t, '/api/auth/refresh', {}, { cookie: cookie1 })).status).toBe(401);

      const out = await post(
        t,
        '/api/auth/logout',
        {},
        { cookie: cookie2, ...authHeader(body.accessToken) },
      );
      expect(out.status).toBe(204);
      expect((await post(t, '/api/auth/refresh', {}, { cookie: cookie2 })).status).toBe(401);
    });

    it('refuses a refresh without a cookie', async () => {
      expect((await post(t, '/api/auth/refresh', {})).status).toBe(401);
    });
  });

  describe('roles', () => {
    it('lets only admins manage users', async () => {
      const cw = await loginAs(t, 'caseworker');
      const sup = await loginAs(t, 'supervisor');
      const admin = await loginAs(t, 'admin');
      expect(
        (await fetch(`${t.baseUrl}/api/users`, { headers: authHeader(cw.token) })).status,
      ).toBe(403);
      expect(
        (await fetch(`${t.baseUrl}/api/users`, { headers: authHeader(sup.token) })).status,
      ).toBe(403);
      const list = await fetch(`${t.baseUrl}/api/users`, { headers: authHeader(admin.token) });
      expect(list.status).toBe(200);
      const users = (await list.json()) as { email: string; passwordHash?: string }[];
      expect(users.map((u) => u.email)).toContain(cw.email);
      expect(users.every((u) => u.passwordHash === undefined)).toBe(true);
    });

    it('lets supervisors and admins read the audit log, not caseworkers', async () => {
      const cw = await loginAs(t, 'caseworker');
      const sup = await loginAs(t, 'supervisor');
      expect(
        (await fetch(`${t.baseUrl}/api/audit`, { headers: authHeader(cw.token) })).status,
      ).toBe(403);
      const res = await fetch(
        `${t.baseUrl}/api/audit?action=auth.login&actorId=${cw.user.id}&limit=5`,
        { headers: authHeader(sup.token) },
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: { actorEmail: string; action: string }[];
        total: number;
        limit: number;
      };
      expect(page.limit).toBe(5);
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ actorEmail: cw.email, action: 'auth.login' });
    });
  });

  describe('users', () => {
    it('lowercases emails, refuses duplicates and invalid bodies', async () => {
      const admin = await loginAs(t, 'admin');
      const create = (body: unknown) => post(t, '/api/users', body, authHeader(admin.token));
      const created = await create({
        email: 'Awa.Traore@CNRM.ml',
        password: 'long-enough-1',
        role: 'caseworker',
        regions: ['Kayes', 'Kayes'],
      });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({
        email: 'awa.traore@cnrm.ml',
        regions: ['Kayes'],
        active: true,
      });
      expect(
        (
          await create({
            email: 'awa.traore@cnrm.ml',
            password: 'long-enough-1',
            role: 'caseworker',
          })
        ).status,
      ).toBe(409);
      expect(
        (await create({ email: 'x@test.sira', password: 'short', role: 'caseworker' })).status,
      ).toBe(400);
      expect(
        (await create({ email: 'y@test.sira', password: 'long-enough-1', role: 'root' })).status,
      ).toBe(400);
      const unknownRegion = await create({
        email: 'z@test.sira',
        password: 'long-enough-1',
        role: 'caseworker',
        regions: ['Atlantis'],
      });
      expect(unknownRegion.status).toBe(400);
      expect(await unknownRegion.json()).toMatchObject({ code: 'UNKNOWN_REGION' });
      const spelled = await create({
        email: 'w@test.sira',
        password: 'long-enough-1',
        role: 'caseworker',
        regions: ['segou', 'MENAKA'],
      });
      expect(await spelled.json()).toMatchObject({ regions: ['Ségou', 'Ménaka'] });
    });

    it('checks an update with the rules of creation, each field optional, and never changes the email', async () => {
      const admin = await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword);
      const cw = await loginAs(t, 'caseworker', ['Kayes']);
      const patch = async (body: unknown) =>
        (
          await fetch(`${t.baseUrl}/api/users/${cw.user.id}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', ...authHeader(admin.token) },
            body: JSON.stringify(body),
          })
        ).status;

      expect(await patch({ password: 'short' })).toBe(400);
      expect(await patch({ role: 'owner' })).toBe(400);
      expect(await patch({ regions: 'Kayes' })).toBe(400);
      expect(await patch({ active: 'no' })).toBe(400);
      expect(await patch({ email: 'someone.else@test.sira' })).toBe(400);
      expect(await patch({ password: 'a-new-long-password' })).toBe(200);
      expect(
        (await post(t, '/api/auth/login', { email: cw.email, password: 'a-new-long-password' }))
          .status,
      ).toBe(200);
    });

    it('keeps at least one active admin', async () => {
      const users = t.app.get<Connection>(getConnectionToken()).collection('users');
      const admins = await users.find({ role: 'admin', active: true }).toArray();
      const admin = await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword);
      // Deactivate every other admin first, then try the last one.
      for (const other of admins.filter((a) => a.email !== t.config.adminEmail)) {
        await fetch(`${t.baseUrl}/api/users/${other._id.toString()}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', ...authHeader(admin.token) },
          body: JSON.stringify({ active: false }),
        });
      }
      const res = await fetch(`${t.baseUrl}/api/users/${admin.user.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...authHeader(admin.token) },
        body: JSON.stringify({ role: 'caseworker' }),
      });
      expect(res.status).toBe(409);
    });
  });
});

describe('first admin (e2e)', () => {
  it('prints a generated development password once, at creation only', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const db = await startTestDatabase();
    const env = { TEST_DB_NAME: `sira_admin_pw_${Date.now()}` };
    try {
      const first = await createTestApp(env, db);
      const printed = warn.mock.calls.filter(([message]) =>
        String(message).includes(first.config.adminPassword),
      );
      expect(first.config.adminPasswordGenerated).toBe(true);
      expect(printed).toHaveLength(1);
      warn.mockClear();
      await first.close();
      const again = await createTestApp(env, db);
      expect(warn.mock.calls.filter(([message]) => String(message).includes('password'))).toEqual(
        [],
      );
      await again.close();
    } finally {
      warn.mockRestore();
      await db.stop();
    }
  });

  it('is created once even when two instances boot on one database', async () => {
    const env = {
      TEST_DB_NAME: `sira_admin_${Date.now()}`,
      ADMIN_EMAIL: 'Boss@Sira.test',
      ADMIN_PASSWORD: 'first-admin-pass',
    };
    const db = await startTestDatabase();
    const [a, b] = await Promise.all([createTestApp(env, db), createTestApp(env, db)]);
    try {
      const users = a.app.get<Connection>(getConnectionToken()).collection('users');
      expect(await users.countDocuments({ role: 'admin' })).toBe(1);
      expect(await users.countDocuments({ email: 'boss@sira.test' })).toBe(1);
      await expect(login(b.baseUrl, 'boss@sira.test', 'first-admin-pass')).resolves.toHaveProperty(
        'token',
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
      await db.stop();
    }
  });
});
