import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

// Fields every HSDS entity the admin API writes shares: its id and free-text descriptions.
export class HsdsEntityDto {
  @ApiPropertyOptional({ description: 'HSDS id; generated when absent' })
  @IsOptional()
  @Matches(ID_PATTERN)
  id?: string;

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
}
