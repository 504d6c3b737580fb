import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { ApiAuth } from './api-auth.decorator';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './auth.constants';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { AuthService, Session } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { AuthUserDto, SessionDto } from './dto/session.dto';
import { LoginDto } from './dto/login.dto';
import { AuthUser } from './role';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; also sets the httpOnly refresh cookie' })
  @ApiOkResponse({ type: SessionDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failures for this email from this address' })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    try {
      return this.respond(res, await this.auth.login(dto.email, dto.password, req.ip ?? 'unknown'));
    } catch (error) {
      if (error instanceof AuthException && error.code === AuthExceptionCode.TOO_MANY_ATTEMPTS) {
        res.setHeader(
          'Retry-After',
          String((error.getResponse() as { retryAfterSeconds: number }).retryAfterSeconds),
        );
      }
      throw error;
    }
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'New access token from the refresh cookie (rotated on every use)' })
  @ApiOkResponse({ type: SessionDto })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    try {
      return this.respond(res, await this.auth.refresh(readCookie(req, REFRESH_COOKIE)));
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiAuth()
  @ApiOperation({ summary: 'End this session (revokes its refresh tokens)' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readCookie(req, REFRESH_COOKIE));
    res.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

  @Get('me')
  @ApiAuth()
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  private respond(res: Response, session: Session): SessionDto {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicBaseUrl.startsWith('https://'),
      path: REFRESH_COOKIE_PATH,
      maxAge: session.refreshExpiresIn * 1000,
    });
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: session.user };
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
