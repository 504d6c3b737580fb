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
} from 'class-validator';
import { NEED_CODES, NeedCode } from '../../common/needs';
import { ELIGIBILITY_CODES, SERVICE_STATUSES, ServiceStatus } from '../hsds/hsds.types';
import { ID_PATTERN } from './organization.dto';

export class CreateServiceDto {
  @ApiPropertyOptional({ description: 'HSDS id; generated when absent' })
  @IsOptional()
  @Matches(ID_PATTERN)
  id?: string;

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
  @IsString()
  @MaxLength(300)
  alternate_name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

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
}

export class UpdateServiceDto extends OmitType(CreateServiceDto, ['id'] as const) {}
