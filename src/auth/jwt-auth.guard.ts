import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { QUERY_TOKEN_KEY } from './auth.constants';
import { AuthenticatedRequest } from './current-user.decorator';

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token =
      bearerToken(req) ?? (this.allowsQueryToken(context) ? queryToken(req) : undefined);
    if (!token) throw new AuthException(AuthExceptionCode.TOKEN_MISSING, 'Authentication required');
    req.user = await this.auth.verifyAccessToken(token);
    req.accessToken = token;
    return true;
  }

  private allowsQueryToken(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}

function bearerToken(req: AuthenticatedRequest): string | undefined {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}

function queryToken(req: AuthenticatedRequest): string | undefined {
  const value = (req.query as Record<string, unknown>).access_token;
  return typeof value === 'string' && value ? value : undefined;
}
