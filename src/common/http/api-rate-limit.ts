import type { NextFunction, Request, Response } from 'express';

export interface RateLimitOptions {
  // Requests allowed per window and address.
  limit: number;
  windowMs: number;
  now?: () => number;
}

interface Window {
  startedAt: number;
  count: number;
}

// Fixed-window request limit per client address, in memory on this instance (N instances behind a
// load balancer allow up to N × limit). Behind a reverse proxy, req.ip is the proxy unless Express's
// "trust proxy" is set (see README-operating).
export function apiRateLimit({ limit, windowMs, now = Date.now }: RateLimitOptions) {
  const windows = new Map<string, Window>();
  let sweptAt = now();
  return (req: Request, res: Response, next: NextFunction): void => {
    const at = now();
    // Forget finished windows once per window, so the map stays as small as the active clients.
    if (at - sweptAt >= windowMs) {
      for (const [ip, w] of windows) if (at - w.startedAt >= windowMs) windows.delete(ip);
      sweptAt = at;
    }
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let window = windows.get(ip);
    if (!window || at - window.startedAt >= windowMs) {
      window = { startedAt: at, count: 0 };
      windows.set(ip, window);
    }
    window.count++;
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count <= limit) return next();
    const retryAfter = Math.ceil((window.startedAt + windowMs - at) / 1000);
    res.setHeader('Retry-After', String(retryAfter));
    res.status(429).json({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'rate limit exceeded, retry later',
    });
  };
}
