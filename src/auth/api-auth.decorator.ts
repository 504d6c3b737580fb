import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiQuery,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { Role } from './role';
import { QUERY_TOKEN_KEY, ROLES_KEY } from './auth.constants';

// JWT + roles. No roles: any authenticated user. Roles are an explicit list (no hierarchy).
export function ApiAuth(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(JwtAuthGuard, RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'Missing, invalid or expired access token, or a deactivated or deleted account',
    }),
    ...(roles.length
      ? [ApiForbiddenResponse({ description: `Requires role: ${roles.join(', ')}` })]
      : []),
  );
}

// Opt-in for server-sent event streams only: EventSource cannot send headers, so the guard also
// accepts `?access_token=` on routes carrying this. Use together with @ApiAuth(...).
export function AllowQueryToken(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(QUERY_TOKEN_KEY, true),
    ApiQuery({
      name: 'access_token',
      required: false,
      description: 'Access token (EventSource cannot set headers)',
    }),
  );
}
