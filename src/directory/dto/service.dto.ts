import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { ELIGIBILITY_CODES, SERVICE_STATUSES, ServiceStatus } from '../hsds/hsds.types';
import { HsdsEntityDto, ID_PATTERN } from './hsds-entity.dto';

export class ScheduleDto {
  @ApiProperty({ example: 'MO,TU,WE,TH', description: 'Weekdays (MO..SU), comma separated' })
  @Matches(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/)
  byday!: string;

  @ApiProperty({ example: '08:00', description: 'Africa/Bamako time' })
  @Matches(/^([01]\d|2[0-4]):[0-5]\d$/)
  opens_at!: string;

  @ApiProperty({ example: '16:00' })
  @Matches(/^([01]\d|2[0-4]):[0-5]\d$/)
  closes_at!: string;
}

export class CreateServiceDto extends HsdsEntityDto {
  @ApiProperty()
  @Matches(ID_PATTERN)
  organization_id!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ enum: SERVICE_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(SERVICE_STATUSES)
  status?: ServiceStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  application_process?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  fees_description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  eligibility_description?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minimum_age?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  maximum_age?: number;

  @ApiProperty({ enum: NEED_CODES, isArray: true, description: 'Need codes (taxonomy sira-need)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NEED_CODES.length)
  @IsIn(NEED_CODES, { each: true })
  needs!: NeedCode[];

  @ApiPropertyOptional({
    type: [String],
    example: ['fr', 'bm'],
    description: 'ISO 639 codes spoken',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true })
  languages?: string[];

  @ApiPropertyOptional({
    enum: ELIGIBILITY_CODES,
    isArray: true,
    description: 'Taxonomy sira-eligibility',
  })
  @IsOptional()
  @IsArray()
  @IsIn(ELIGIBILITY_CODES, { each: true })
  eligibility?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  required_documents?: string[];

  @ApiPropertyOptional({ description: 'Reachable from the whole country (service area "Mali")' })
  @IsOptional()
  @IsBoolean()
  national?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'Locations where it is delivered (replaces the list)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(ID_PATTERN, { each: true })
  location_ids?: string[];

  @ApiPropertyOptional({ example: '+223 0000 0001', description: 'Service phone (replaces it)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ type: [ScheduleDto], description: 'Weekly opening hours (replace them)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScheduleDto)
  schedules?: ScheduleDto[];
}

export class UpdateServiceDto extends OmitType(CreateServiceDto, ['id'] as const) {}
