import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { ROLES_KEY } from './auth.constants';
import { AuthenticatedRequest } from './current-user.decorator';
import { Role } from './role';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user) throw new AuthException(AuthExceptionCode.TOKEN_MISSING, 'Authentication required');
    if (!roles?.length || roles.includes(user.role)) return true;
    throw new AuthException(
      AuthExceptionCode.FORBIDDEN_ROLE,
      `This action requires the role ${roles.join(' or ')}`,
    );
  }
}
