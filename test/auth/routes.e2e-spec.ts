import { createTestApp, TestApp } from '../harness/app';

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

// Public by design: logging in, refreshing from the httpOnly cookie, and the OpenAPI docs.
const OPEN = [/^\/api\/auth\/login$/, /^\/api\/auth\/refresh$/, /^\/api\/docs/];

function apiRoutes(t: TestApp): { method: string; path: string }[] {
  const express = t.app.getHttpAdapter().getInstance() as unknown as {
    router?: { stack: RouteLayer[] };
    _router?: { stack: RouteLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    return paths.flatMap((path) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
}

// Every caseworker API route is closed without a token; the walk covers routes added later too.
describe('API routes without a token (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds the registered routes', () => {
    const paths = apiRoutes(t).map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/users',
        'PATCH /api/users/:id',
        'GET /api/audit',
      ]),
    );
  });

  it('documents the auth and user routes in OpenAPI, with bearer security where a token is needed', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/api/users'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/audit'].get.security).toEqual([{ bearer: [] }]);
  });

  it('answers 401 on every /api route except login, refresh and the docs', async () => {
    const closed = apiRoutes(t).filter(
      (r) => r.path.startsWith('/api/') && !OPEN.some((open) => open.test(r.path)),
    );
    expect(closed.length).toBeGreaterThan(4);
    process.stdout.write(`route walk: ${closed.length} closed /api routes\n`);
    const results = [];
    for (const { method, path } of closed) {
      const url =
        t.baseUrl + path.replace(/[{}]/g, '').replace(/:\w+/g, '0123456789abcdef01234567');
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: ['GET', 'HEAD'].includes(method) ? undefined : '{}',
      });
      await res.body?.cancel();
      results.push({ route: `${method} ${path}`, status: res.status });
    }
    expect(results.filter((r) => r.status !== 401)).toEqual([]);
  });

  it('rejects a malformed bearer token on every closed route', async () => {
    const closed = apiRoutes(t).filter(
      (r) => r.path.startsWith('/api/') && !OPEN.some((open) => open.test(r.path)),
    );
    const statuses = await Promise.all(
      closed.map(async ({ method, path }) => {
        const res = await fetch(t.baseUrl + path.replace(/:\w+/g, '0123456789abcdef01234567'), {
          method,
          headers: { authorization: 'Bearer not.a.jwt', 'content-type': 'application/json' },
          body: ['GET', 'HEAD'].includes(method) ? undefined : '{}',
        });
        await res.body?.cancel();
        return res.status;
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
  });
});
