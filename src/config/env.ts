import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

// Every environment variable Sira reads, validated once at boot.
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'MONGODB_URI must be a mongodb:// or mongodb+srv:// connection string',
  })
  MONGODB_URI?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://sira.example.org' },
  )
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must look like AC + 32 hex' })
  TWILIO_ACCOUNT_SID?: string;

  @IsOptional()
  @IsString()
  @MinLength(8)
  TWILIO_AUTH_TOKEN?: string;

  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'TWILIO_SMS_FROM must be an E.164 number' })
  TWILIO_SMS_FROM?: string;

  @IsOptional()
  @Matches(/^whatsapp:\+[1-9]\d{6,14}$/, {
    message: 'TWILIO_WHATSAPP_FROM must look like whatsapp:+223...',
  })
  TWILIO_WHATSAPP_FROM?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  TWILIO_API_BASE_URL?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'TWILIO_ADVANCED_OPT_OUT must be true or false' })
  TWILIO_ADVANCED_OPT_OUT?: string;

  @IsOptional()
  @Matches(
    /^[A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64}(,[A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64})*$|^[0-9a-fA-F]{64}$/,
    {
      message: 'ENCRYPTION_KEY must be 64 hex characters (32 bytes), or keyId:hex[,keyId:hex...]',
    },
  )
  ENCRYPTION_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  SMS_SEGMENT_BUDGET?: number;

  @IsOptional()
  @IsString()
  EMERGENCY_CONTACTS?: string;

  @IsOptional()
  @Matches(/^HX[0-9a-fA-F]{32}$/, { message: 'WHATSAPP_TEMPLATE_SID must look like HX + 32 hex' })
  WHATSAPP_TEMPLATE_SID?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FOLLOW_UP_DELAY_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RETENTION_DAYS?: number;

  @IsOptional()
  @IsIn(['auto', 'on', 'off'])
  DIRECTORY_DEMO_SEED?: 'auto' | 'on' | 'off';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_RATE_LIMIT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUST_PROXY?: string;
}
