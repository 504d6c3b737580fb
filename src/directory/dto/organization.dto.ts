import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { HsdsEntityDto } from './hsds-entity.dto';

export class CreateOrganizationDto extends HsdsEntityDto {
  @ApiProperty({ example: 'Agence pour la promotion de l’emploi' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

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
