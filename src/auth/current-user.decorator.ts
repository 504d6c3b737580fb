import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AuthUser } from './role';

export type AuthenticatedRequest = Request & { user?: AuthUser; accessToken?: string };

// The caller as verified by JwtAuthGuard: { id, email, role, regions }, read from the account on each request.
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser => {
    const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new Error('@CurrentUser() used on a route without @ApiAuth()');
    return user;
  },
);

// The access token the caller was verified with, for routes that must check it again later (a stream).
export const CurrentAccessToken = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => {
    const token = ctx.switchToHttp().getRequest<AuthenticatedRequest>().accessToken;
    if (!token) throw new Error('@CurrentAccessToken() used on a route without @ApiAuth()');
    return token;
  },
);
