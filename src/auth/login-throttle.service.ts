import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LOGIN_LOCK_MS, LOGIN_MAX_FAILURES } from './auth.constants';
import { LoginAttempt } from './schemas/login-attempt.schema';

@Injectable()
export class LoginThrottleService {
  constructor(@InjectModel(LoginAttempt.name) private readonly attempts: Model<LoginAttempt>) {}

  // Milliseconds until the lock lifts, or 0 when login may be tried.
  async lockedFor(email: string, ip: string, now = new Date()): Promise<number> {
    const row = await this.attempts
      .findOne({ key: keyOf(email, ip) })
      .lean()
      .exec();
    const until = row?.lockedUntil?.getTime() ?? 0;
    return Math.max(0, until - now.getTime());
  }

  // Counts a failure; returns the lock duration in ms when this failure locks the pair.
  async recordFailure(email: string, ip: string, now = new Date()): Promise<number> {
    const key = keyOf(email, ip);
    const expiresAt = new Date(now.getTime() + LOGIN_LOCK_MS);
    const row = await this.attempts
      .findOneAndUpdate(
        { key },
        { $inc: { failures: 1 }, $set: { expiresAt }, $setOnInsert: { key, lockedUntil: null } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (!row || row.failures < LOGIN_MAX_FAILURES) return 0;
    await this.attempts
      .updateOne({ key }, { $set: { failures: 0, lockedUntil: expiresAt, expiresAt } })
      .exec();
    return LOGIN_LOCK_MS;
  }

  async clear(email: string, ip: string): Promise<void> {
    await this.attempts.deleteOne({ key: keyOf(email, ip) }).exec();
  }
}

function keyOf(email: string, ip: string): string {
  return createHash('sha256').update(`${email.trim().toLowerCase()}|${ip}`).digest('hex');
}
