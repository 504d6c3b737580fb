import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AllowQueryToken, ApiAuth } from './api-auth.decorator';
import { AuthException } from './auth.exception';
import type { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { AuthUser } from './role';
import { RolesGuard } from './roles.guard';

@Controller()
class SampleController {
  @Get('plain')
  @ApiAuth()
  plain(): void {}

  @Get('events')
  @ApiAuth('caseworker')
  @AllowQueryToken()
  events(): void {}

  @Get('admin')
  @ApiAuth('admin', 'supervisor')
  admin(): void {}
}

const caseworker: AuthUser = {
  id: 'u1',
  email: 'cw@test.sira',
  role: 'caseworker',
  regions: ['Kayes'],
};

function contextFor(
  handler: keyof SampleController,
  req: Record<string, unknown>,
): ExecutionContext {
  return {
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe('JwtAuthGuard', () => {
  const auth = {
    verifyAccessToken: jest.fn(async (token: string) =>
      token === 'good' ? caseworker : Promise.reject(new Error('bad')),
    ),
  };
  const sut = new JwtAuthGuard(new Reflector(), auth as unknown as AuthService);

  it('reads the bearer header and sets req.user', async () => {
    const req: Record<string, unknown> = { headers: { authorization: 'Bearer good' }, query: {} };
    await expect(sut.canActivate(contextFor('plain', req))).resolves.toBe(true);
    expect(req.user).toEqual(caseworker);
  });

  it('ignores ?access_token= on routes without @AllowQueryToken()', async () => {
    const req = { headers: {}, query: { access_token: 'good' } };
    await expect(sut.canActivate(contextFor('plain', req))).rejects.toBeInstanceOf(AuthException);
  });

  it('accepts ?access_token= on routes with @AllowQueryToken()', async () => {
    const req: Record<string, unknown> = { headers: {}, query: { access_token: 'good' } };
    await expect(sut.canActivate(contextFor('events', req))).resolves.toBe(true);
    expect(req.user).toEqual(caseworker);
  });
});

describe('RolesGuard', () => {
  const sut = new RolesGuard(new Reflector());

  it('lets any authenticated user through when no role is listed', () => {
    expect(sut.canActivate(contextFor('plain', { user: caseworker }))).toBe(true);
  });

  it('refuses a role that is not listed with 403', () => {
    expect(() => sut.canActivate(contextFor('admin', { user: caseworker }))).toThrow(
      expect.objectContaining({ status: 403 }) as Error,
    );
    expect(
      sut.canActivate(contextFor('admin', { user: { ...caseworker, role: 'supervisor' } })),
    ).toBe(true);
  });
});
