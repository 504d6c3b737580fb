import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LOCATION_TYPES, LocationType } from '../hsds/hsds.types';
import { HsdsEntityDto, ID_PATTERN } from './hsds-entity.dto';

// Admin hierarchy by name; the gazetteer fills what is missing (e.g. cercle and region from the commune).
export class CreateLocationDto extends HsdsEntityDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN)
  organization_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: LOCATION_TYPES, default: 'physical' })
  @IsOptional()
  @IsIn(LOCATION_TYPES)
  location_type?: LocationType;

  @ApiPropertyOptional({ example: 14.447 })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: -11.445 })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address_1?: string;

  @ApiPropertyOptional({ example: 'Kayes' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  commune?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cercle?: string;

  @ApiPropertyOptional({ example: 'Kayes' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;
}

export class UpdateLocationDto extends OmitType(CreateLocationDto, ['id'] as const) {}
