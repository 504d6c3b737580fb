import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

// Exactly one of the two: checked by the service.
export class TransferHandoffDto {
  @ApiPropertyOptional({
    description: 'Colleague who takes the ticket over (it stays claimed, by them)',
  })
  @IsOptional()
  @IsMongoId()
  toUserId?: string;

  @ApiPropertyOptional({
    description: "Region whose queue receives the ticket (it goes back to 'waiting')",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  toRegion?: string;
}
