import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

// Role, regions and password under the same rules as on creation, each optional (the email stays),
// plus (de)activation.
export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['role', 'regions', 'password'] as const),
) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
