import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsEmail,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export class CreateOrganizationDto {
  @ApiPropertyOptional({ description: 'HSDS id; generated when absent', example: 'org-anpe' })
  @IsOptional()
  @Matches(ID_PATTERN)
  id?: string;

  @ApiProperty({ example: 'Agence pour la promotion de l’emploi' })
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
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  website?: string;
}

export class UpdateOrganizationDto extends OmitType(CreateOrganizationDto, ['id'] as const) {}
