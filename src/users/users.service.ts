import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import * as bcrypt from 'bcryptjs';
import { Model, Types, isValidObjectId } from 'mongoose';
import { isDuplicateKey } from '../common/mongo-errors';
import { matchKey } from '../common/match-key';
import { AppConfig } from '../config/app-config';
import { Role } from '../auth/role';
import { GeographyService } from '../geography/geography.service';
import { User, UserDocument } from './schemas/user.schema';
import { UsersException, UsersExceptionCode } from './users.exception';

const BCRYPT_COST = 10;

export interface PublicUser {
  id: string;
  email: string;
  role: Role;
  regions: string[];
  active: boolean;
  createdAt: Date;
}

// What each authenticated request needs to know about its caller (see AuthService.verifyAccessToken).
export interface AccountState {
  id: string;
  email: string;
  role: Role;
  regions: string[];
  active: boolean;
}

export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  regions?: string[];
}

export interface UpdateUserInput {
  role?: Role;
  regions?: string[];
  active?: boolean;
  password?: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly config: AppConfig,
    private readonly geography: GeographyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  // Safe with several instances booting together: the unique email index makes one upsert win.
  async ensureFirstAdmin(): Promise<boolean> {
    await this.users.createIndexes();
    if (await this.users.exists({ role: 'admin' })) return false;
    const email = normalizeEmail(this.config.adminEmail);
    const passwordHash = await bcrypt.hash(this.config.adminPassword, BCRYPT_COST);
    let created = false;
    try {
      const result = await this.users.updateOne(
        { email },
        { $setOnInsert: { email, passwordHash, role: 'admin', regions: [], active: true } },
        { upsert: true },
      );
      created = result.upsertedCount === 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (created) {
      this.logger.log(`First admin account created: ${email}`);
      if (this.config.adminPasswordGenerated && !this.config.isProduction) {
        this.logger.warn(
          `Generated admin password (shown once, also in DATA_DIR/dev-secrets.json): ${this.config.adminPassword}`,
        );
      }
    }
    return created;
  }

  async create(input: CreateUserInput): Promise<PublicUser> {
    const email = normalizeEmail(input.email);
    try {
      const doc = await this.users.create({
        email,
        passwordHash: await bcrypt.hash(input.password, BCRYPT_COST),
        role: input.role,
        regions: this.canonicalRegions(input.regions ?? []),
        active: true,
      });
      return toPublic(doc);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new UsersException(
          UsersExceptionCode.EMAIL_TAKEN,
          'A user with this email already exists',
        );
      }
      throw error;
    }
  }

  async list(): Promise<PublicUser[]> {
    const docs = await this.users.find().sort({ email: 1 }).exec();
    return docs.map(toPublic);
  }

  async findById(id: string): Promise<PublicUser | null> {
    if (!isValidObjectId(id)) return null;
    const doc = await this.users.findById(id).exec();
    return doc ? toPublic(doc) : null;
  }

  // Read on every authenticated request: one lean _id lookup of four small fields.
  async findAccountState(id: string): Promise<AccountState | null> {
    if (!isValidObjectId(id)) return null;
    const doc = await this.users
      .findById(id, { email: 1, role: 1, regions: 1, active: 1 })
      .lean<Pick<User, 'email' | 'role' | 'regions' | 'active'> & { _id: Types.ObjectId }>()
      .exec();
    if (!doc) return null;
    // lean() skips schema defaults: a missing flag means active, as in the schema.
    return {
      id: doc._id.toString(),
      email: doc.email,
      role: doc.role,
      regions: doc.regions ?? [],
      active: doc.active !== false,
    };
  }

  // Only the login path sees the hash.
  async findForLogin(email: string): Promise<(PublicUser & { passwordHash: string }) | null> {
    const doc = await this.users.findOne({ email: normalizeEmail(email) }).exec();
    return doc ? { ...toPublic(doc), passwordHash: doc.passwordHash } : null;
  }

  async update(id: string, patch: UpdateUserInput): Promise<PublicUser> {
    const regions = patch.regions && this.canonicalRegions(patch.regions);
    const current = await this.findById(id);
    if (!current) throw new UsersException(UsersExceptionCode.NOT_FOUND, 'User not found');
    const losesAdmin =
      current.role === 'admin' &&
      current.active &&
      (patch.active === false || (patch.role && patch.role !== 'admin'));
    if (losesAdmin) {
      const others = await this.users.countDocuments({
        role: 'admin',
        active: true,
        _id: { $ne: id },
      });
      if (others === 0)
        throw new UsersException(
          UsersExceptionCode.LAST_ADMIN,
          'The last active admin cannot be removed',
        );
    }
    const set: Partial<User> = {};
    if (patch.role) set.role = patch.role;
    if (regions) set.regions = regions;
    if (patch.active !== undefined) set.active = patch.active;
    if (patch.password) set.passwordHash = await bcrypt.hash(patch.password, BCRYPT_COST);
    const doc = await this.users
      .findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' })
      .exec();
    if (!doc) throw new UsersException(UsersExceptionCode.NOT_FOUND, 'User not found');
    return toPublic(doc);
  }

  // Region names as the gazetteer spells them ("segou" → "Ségou"), so tickets' regions match exactly.
  private canonicalRegions(values: string[]): string[] {
    const known = new Map(this.geography.regions().map((r) => [matchKey(r), r]));
    const canonical = values.map((value) => {
      const region = known.get(matchKey(value));
      if (!region)
        throw new UsersException(
          UsersExceptionCode.UNKNOWN_REGION,
          `Unknown region: ${value.slice(0, 80)}`,
        );
      return region;
    });
    return [...new Set(canonical)];
  }
}

function toPublic(doc: UserDocument): PublicUser {
  return {
    id: doc._id.toString(),
    email: doc.email,
    role: doc.role,
    regions: [...doc.regions],
    active: doc.active,
    createdAt: doc.createdAt,
  };
}
