import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LANGS, Lang } from '../../common/i18n/lang';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { SEARCH_LIMIT } from '../directory.types';

// "a,b" and repeated parameters (?need=a&need=b) both give a list.
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v));

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class SearchQueryDto {
  @ApiProperty({
    description: 'Need code(s), comma separated',
    example: 'employment',
    enum: NEED_CODES,
    isArray: true,
  })
  @Transform(toList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NEED_CODES.length)
  @IsIn(NEED_CODES, { each: true, message: `need must be among: ${NEED_CODES.join(', ')}` })
  need!: NeedCode[];

  @ApiPropertyOptional({
    description: 'Commune, cercle or region (any spelling the gazetteer knows)',
    example: 'Kayes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  place?: string;

  @ApiPropertyOptional({
    enum: LANGS,
    description: 'Language of the person (ranking and hours text)',
  })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Lang;

  @ApiPropertyOptional({
    description: 'Only services open at `at` (default now), Africa/Bamako time',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  openNow?: boolean;

  @ApiPropertyOptional({
    description: 'Instant for opening hours (ISO 8601), default now',
    example: '2026-11-23T10:00:00Z',
  })
  @IsOptional()
  @IsISO8601()
  at?: string;

  @ApiPropertyOptional({
    minimum: SEARCH_LIMIT.min,
    maximum: SEARCH_LIMIT.max,
    default: SEARCH_LIMIT.default,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(SEARCH_LIMIT.min)
  @Max(SEARCH_LIMIT.max)
  limit?: number;

  @ApiPropertyOptional({ enum: ['female', 'male'], description: 'Eligibility: sex of the person' })
  @IsOptional()
  @IsIn(['female', 'male'])
  sex?: 'female' | 'male';

  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Eligibility: age of the person' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number;

  @ApiPropertyOptional({ description: 'Eligibility: the person is a returning migrant' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  returnee?: boolean;
}

export class ServiceQueryDto {
  @ApiPropertyOptional({ enum: LANGS })
  @IsOptional()
  @IsIn(LANGS)
  lang?: Lang;
}
