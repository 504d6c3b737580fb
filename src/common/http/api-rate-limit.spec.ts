import type { NextFunction, Request, Response } from 'express';
import { apiRateLimit } from './api-rate-limit';

describe('apiRateLimit', () => {
  let clock = 0;
  const sut = apiRateLimit({ limit: 3, windowMs: 60_000, now: () => clock });

  function hit(ip: string): { status: number; headers: Record<string, string> } {
    const out = { status: 200, headers: {} as Record<string, string> };
    const res = {
      setHeader: (k: string, v: string) => (out.headers[k] = v),
      status(code: number) {
        out.status = code;
        return this;
      },
      json: () => undefined,
    } as unknown as Response;
    sut({ ip } as Request, res, (() => undefined) as NextFunction);
    return out;
  }

  it('lets `limit` requests per address through per window, then 429 with Retry-After', () => {
    expect([1, 2, 3].map(() => hit('10.0.0.1').status)).toEqual([200, 200, 200]);
    clock = 15_000;
    const refused = hit('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers['Retry-After']).toBe('45');
    // Another address has its own budget.
    expect(hit('10.0.0.2').status).toBe(200);
    // A new window starts afresh.
    clock = 60_001;
    expect(hit('10.0.0.1').status).toBe(200);
  });
});
