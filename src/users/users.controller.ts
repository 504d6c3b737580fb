import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { AuthUser } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { PublicUser, UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@ApiAuth('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a caseworker, supervisor or admin account' })
  async create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<PublicUser> {
    const user = await this.users.create(dto);
    await this.audit.record(actor, 'user.create', { type: 'user', id: user.id });
    return user;
  }

  @Get()
  @ApiOperation({ summary: 'List accounts' })
  list(): Promise<PublicUser[]> {
    return this.users.list();
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role, regions, active flag or password' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<PublicUser> {
    const user = await this.users.update(id, dto);
    await this.audit.record(actor, 'user.update', { type: 'user', id: user.id });
    return user;
  }
}
