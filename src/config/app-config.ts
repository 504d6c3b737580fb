import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvDto } from './env';

// Secrets a production deployment must provide; development generates them once under DATA_DIR.
const PRODUCTION_REQUIRED = [
  'MONGODB_URI',
  'PUBLIC_BASE_URL',
  'TWILIO_AUTH_TOKEN',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
] as const;

const DEV_SECRETS_FILE = 'dev-secrets.json';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface DevSecrets {
  TWILIO_AUTH_TOKEN: string;
  ENCRYPTION_KEY: string;
  JWT_SECRET: string;
  ADMIN_PASSWORD: string;
}

export class AppConfig {
  readonly port: number;
  readonly nodeEnv: string;
  readonly isProduction: boolean;
  readonly dataDir: string;
  readonly mongodbUri?: string;
  readonly publicBaseUrl: string;
  readonly twilioAccountSid?: string;
  readonly twilioAuthToken: string;
  readonly twilioSmsFrom?: string;
  readonly twilioWhatsappFrom?: string;
  readonly twilioApiBaseUrl?: string;
  readonly twilioAdvancedOptOut: boolean;
  readonly twilioConfigured: boolean;
  readonly encryptionKeys: ReadonlyMap<string, Buffer>;
  readonly encryptionKeyId: string;
  readonly blindIndexKey: Buffer;
  readonly jwtSecret: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly adminPasswordGenerated: boolean;
  readonly logLevel: string;
  readonly smsSegmentBudget: number;
  readonly emergencyContacts: string;
  readonly whatsappTemplateSid?: string;
  readonly followUpDelayHours: number;
  readonly retentionDays: number;
  readonly directoryDemoSeed: 'auto' | 'on' | 'off';
  readonly apiRateLimit: number;
  // Express "trust proxy": true, a hop count, or addresses/subnets ('loopback, 10.0.0.0/8'); null = direct.
  readonly trustProxy: boolean | number | string | null;

  private constructor(env: EnvDto, secrets: DevSecrets | null, dataDir: string) {
    this.nodeEnv = env.NODE_ENV ?? 'development';
    this.isProduction = this.nodeEnv === 'production';
    this.port = env.PORT ?? 3000;
    this.dataDir = dataDir;
    this.mongodbUri = env.MONGODB_URI;
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${this.port}`).replace(
      /\/+$/,
      '',
    );
    this.twilioAccountSid = env.TWILIO_ACCOUNT_SID;
    this.twilioAuthToken = env.TWILIO_AUTH_TOKEN ?? secrets!.TWILIO_AUTH_TOKEN;
    this.twilioSmsFrom = env.TWILIO_SMS_FROM;
    this.twilioWhatsappFrom = env.TWILIO_WHATSAPP_FROM;
    this.twilioApiBaseUrl = env.TWILIO_API_BASE_URL?.replace(/\/+$/, '');
    this.twilioAdvancedOptOut = env.TWILIO_ADVANCED_OPT_OUT === 'true';
    this.twilioConfigured = Boolean(
      env.TWILIO_ACCOUNT_SID &&
      env.TWILIO_AUTH_TOKEN &&
      (env.TWILIO_SMS_FROM || env.TWILIO_WHATSAPP_FROM),
    );
    this.encryptionKeys = parseKeys(env.ENCRYPTION_KEY ?? secrets!.ENCRYPTION_KEY);
    this.encryptionKeyId = this.encryptionKeys.keys().next().value as string;
    // Derived from the oldest key listed, so adding a new current key keeps phone lookups working.
    const oldest = [...this.encryptionKeys.values()].at(-1)!;
    this.blindIndexKey = Buffer.from(
      hkdfSync('sha256', oldest, Buffer.alloc(0), 'sira-blind-index', 32),
    );
    this.jwtSecret = env.JWT_SECRET ?? secrets!.JWT_SECRET;
    this.adminEmail = env.ADMIN_EMAIL ?? 'admin@sira.local';
    this.adminPasswordGenerated = !env.ADMIN_PASSWORD;
    this.adminPassword = env.ADMIN_PASSWORD ?? secrets!.ADMIN_PASSWORD;
    this.logLevel = env.LOG_LEVEL ?? 'info';
    this.smsSegmentBudget = env.SMS_SEGMENT_BUDGET ?? 2;
    this.emergencyContacts = env.EMERGENCY_CONTACTS ?? 'Police 17, Pompiers 18, SAMU 15';
    this.whatsappTemplateSid = env.WHATSAPP_TEMPLATE_SID;
    this.followUpDelayHours = env.FOLLOW_UP_DELAY_HOURS ?? 72;
    this.retentionDays = env.RETENTION_DAYS ?? 365;
    this.directoryDemoSeed = env.DIRECTORY_DEMO_SEED ?? 'auto';
    this.apiRateLimit = env.API_RATE_LIMIT ?? 600;
    this.trustProxy = parseTrustProxy(env.TRUST_PROXY);
  }

  // Reads and validates the environment; throws ConfigError naming every bad variable.
  static load(raw: NodeJS.ProcessEnv = process.env): AppConfig {
    const present = Object.fromEntries(
      Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
    );
    const env = plainToInstance(EnvDto, present, { enableImplicitConversion: false });
    const problems = validateSync(env, { whitelist: false }).flatMap(describe);
    const isProduction = env.NODE_ENV === 'production';
    if (isProduction) {
      for (const name of PRODUCTION_REQUIRED) {
        if (!present[name]) problems.push(`${name} is required when NODE_ENV=production`);
      }
    }
    if (problems.length) throw new ConfigError(problems);

    const dataDir = resolve(env.DATA_DIR ?? './data');
    const secrets = isProduction ? null : loadDevSecrets(dataDir);
    return new AppConfig(env, secrets, dataDir);
  }
}

function describe(error: ValidationError): string[] {
  const reasons = Object.values(error.constraints ?? {});
  return [`${error.property}: ${reasons[0] ?? 'invalid value'}`];
}

function parseKeys(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of value.split(',')) {
    const [id, hex] = entry.includes(':') ? entry.split(':') : ['k1', entry];
    keys.set(id, Buffer.from(hex, 'hex'));
  }
  return keys;
}

// Development secrets are generated on first start and kept, so data encrypted yesterday still reads.
function loadDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, DEV_SECRETS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    TWILIO_AUTH_TOKEN: randomBytes(16).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: randomBytes(9).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function parseTrustProxy(value: string | undefined): boolean | number | string | null {
  if (!value || value === 'false') return null;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
