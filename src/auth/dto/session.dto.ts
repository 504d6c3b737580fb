import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '../role';

export class AuthUserDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: [String] })
  regions!: string[];
}

export class SessionDto {
  @ApiProperty({ description: 'JWT, send as "Authorization: Bearer <token>"' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ type: AuthUserDto })
  user!: AuthUserDto;
}
