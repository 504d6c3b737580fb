import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AuditEntry } from './schemas/audit-entry.schema';

export interface AuditActor {
  id: string;
  email: string;
}

export interface AuditTarget {
  type: string;
  id: string;
}

export interface AuditPage {
  items: {
    id: string;
    actorId: string;
    actorEmail: string;
    action: string;
    targetType: string;
    targetId: string;
    at: Date;
  }[];
  total: number;
  page: number;
  limit: number;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>) {}

  // Awaited by callers: a read of a person's data is not served if it cannot be recorded.
  async record(actor: AuditActor, action: string, target: AuditTarget): Promise<void> {
    await this.entries.create({
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      targetType: target.type,
      targetId: target.id,
      at: new Date(),
    });
  }

  async list(filter: AuditFilter, page: number, limit: number): Promise<AuditPage> {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const [rows, total] = await Promise.all([
      this.entries
        .find(query)
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean()
        .exec(),
      this.entries.countDocuments(query).exec(),
    ]);
    const items = rows.map((r) => ({
      id: r._id.toString(),
      actorId: r.actorId,
      actorEmail: r.actorEmail,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      at: r.at,
    }));
    return { items, total, page, limit };
  }
}
