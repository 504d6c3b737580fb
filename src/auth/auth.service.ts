import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import * as bcrypt from 'bcryptjs';
import { Model, Types } from 'mongoose';
import { AuditService } from '../audit/audit.service';
import { PublicUser, UsersService } from '../users/users.service';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  REFRESH_REUSE_GRACE_MS,
  REFRESH_TOKEN_TTL_SECONDS,
} from './auth.constants';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { LoginThrottleService } from './login-throttle.service';
import { AuthUser, Role, ROLES } from './role';
import { RefreshSession } from './schemas/refresh-session.schema';

interface AccessClaims {
  sub: string;
  email: string;
  role: Role;
  regions: string[];
  typ: 'access';
}

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: AuthUser;
}

const JWT_OPTIONS = { issuer: 'sira', audience: 'sira-api' } as const;

@Injectable()
export class AuthService implements OnModuleInit {
  // Compared against when the email is unknown, so both failures cost one bcrypt compare.
  private dummyHash = '';

  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    @InjectModel(RefreshSession.name) private readonly sessions: Model<RefreshSession>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await bcrypt.hash(randomBytes(16).toString('hex'), 10);
  }

  async login(email: string, password: string, ip: string): Promise<Session> {
    const lockedMs = await this.throttle.lockedFor(email, ip);
    if (lockedMs > 0) throw tooMany(lockedMs);

    const user = await this.users.findForLogin(email);
    const matches = await bcrypt.compare(password, user?.passwordHash ?? this.dummyHash);
    if (!user || !matches || !user.active) {
      const lockMs = await this.throttle.recordFailure(email, ip);
      if (lockMs > 0) {
        // Visible to supervisors in the audit log: repeated lockouts mean someone is guessing.
        const id = user?.id ?? 'unknown';
        await this.audit.record(
          { id, email: email.trim().toLowerCase().slice(0, 254) },
          'auth.lockout',
          { type: 'user', id },
        );
        throw tooMany(lockMs);
      }
      throw new AuthException(
        AuthExceptionCode.INVALID_CREDENTIALS,
        'Email or password is incorrect',
      );
    }
    await this.throttle.clear(email, ip);
    await this.audit.record({ id: user.id, email: user.email }, 'auth.login', {
      type: 'user',
      id: user.id,
    });
    return this.issue(user, randomUUID());
  }

  // Rotation: each refresh token works once; presenting a spent one (outside a short race window)
  // revokes the whole family, since it means the token was copied.
  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw invalidRefresh();
    const now = new Date();
    const tokenHash = sha256(refreshToken);
    const spent = await this.sessions
      .findOneAndUpdate(
        { tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (!spent) {
      const reused = await this.sessions.findOne({ tokenHash }).lean().exec();
      if (reused?.usedAt && now.getTime() - reused.usedAt.getTime() > REFRESH_REUSE_GRACE_MS) {
        await this.revokeFamily(reused.familyId, now);
      }
      throw invalidRefresh();
    }
    const user = await this.users.findById(spent.userId.toString());
    if (!user || !user.active) {
      await this.revokeFamily(spent.familyId, now);
      throw invalidRefresh();
    }
    return this.issue(user, spent.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const row = await this.sessions
      .findOne({ tokenHash: sha256(refreshToken) })
      .lean()
      .exec();
    if (row) await this.revokeFamily(row.familyId, new Date());
  }

  async verifyAccessToken(token: string): Promise<AuthUser> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        ...JWT_OPTIONS,
        algorithms: ['HS256'],
      });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new AuthException(AuthExceptionCode.TOKEN_EXPIRED, 'Access token expired');
      }
      throw new AuthException(AuthExceptionCode.TOKEN_INVALID, 'Access token invalid');
    }
    if (claims.typ !== 'access' || !ROLES.includes(claims.role) || !Array.isArray(claims.regions)) {
      throw new AuthException(AuthExceptionCode.TOKEN_INVALID, 'Access token invalid');
    }
    // The token proves who the caller is; what they may do comes from their account as it is now,
    // so a deactivation or a role/region change applies to the very next request. One lean _id read
    // per request and no cache: a per-process cache would let another instance serve a stale role.
    const account = await this.users.findAccountState(claims.sub);
    if (!account)
      throw new AuthException(AuthExceptionCode.ACCOUNT_NOT_FOUND, 'This account no longer exists');
    if (!account.active)
      throw new AuthException(
        AuthExceptionCode.ACCOUNT_DEACTIVATED,
        'This account has been deactivated',
      );
    return { id: account.id, email: account.email, role: account.role, regions: account.regions };
  }

  // Exposed for tests (e.g. an already-expired token); expiresInSeconds may be negative.
  signAccessToken(user: AuthUser, expiresInSeconds = ACCESS_TOKEN_TTL_SECONDS): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: user.id,
      email: user.email,
      role: user.role,
      regions: user.regions,
      typ: 'access',
      iat: now,
      exp: now + expiresInSeconds,
    };
    return this.jwt.sign(claims, JWT_OPTIONS);
  }

  private async issue(user: PublicUser, familyId: string): Promise<Session> {
    const authUser: AuthUser = {
      id: user.id,
      email: user.email,
      role: user.role,
      regions: user.regions,
    };
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.create({
      tokenHash: sha256(refreshToken),
      userId: new Types.ObjectId(user.id),
      familyId,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    return {
      accessToken: this.signAccessToken(authUser),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
      user: authUser,
    };
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.sessions
      .updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } })
      .exec();
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function tooMany(ms: number): AuthException {
  const retryAfterSeconds = Math.ceil(ms / 1000);
  return new AuthException(
    AuthExceptionCode.TOO_MANY_ATTEMPTS,
    'Too many failed attempts; try again later',
    { retryAfterSeconds },
  );
}

function invalidRefresh(): AuthException {
  return new AuthException(
    AuthExceptionCode.REFRESH_INVALID,
    'Session expired; please log in again',
  );
}
