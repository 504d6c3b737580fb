import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuth } from '../auth/api-auth.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { AdminEntity, ApiRecord, DirectoryAdminService } from './directory-admin.service';
import { ListQueryDto } from './dto/list-query.dto';
import { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { CreateServiceDto, UpdateServiceDto } from './dto/service.dto';

// CRUD of the HSDS organizations, services and locations; every write is audited.
@ApiTags('directory admin')
@ApiAuth('admin')
@ApiNotFoundResponse({ description: 'No such record' })
@Controller('api/directory')
export class DirectoryAdminController {
  constructor(
    private readonly admin: DirectoryAdminService,
    private readonly audit: AuditService,
  ) {}

  @Get('organizations')
  listOrganizations(@Query() q: ListQueryDto): Promise<ApiRecord<'organizations'>[]> {
    return this.admin.list('organizations', q.offset, q.limit);
  }

  @Get('organizations/:id')
  getOrganization(@Param('id') id: string): Promise<ApiRecord<'organizations'>> {
    return this.admin.get('organizations', id);
  }

  @Post('organizations')
  @ApiConflictResponse({ description: 'The id is taken' })
  async createOrganization(
    @Body() dto: CreateOrganizationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'organizations'>> {
    return this.audited(
      user,
      'create',
      'organizations',
      await this.admin.create('organizations', dto),
    );
  }

  @Put('organizations/:id')
  async updateOrganization(
    @Param('id') id: string,
    @Body() dto: UpdateOrganizationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'organizations'>> {
    return this.audited(
      user,
      'update',
      'organizations',
      await this.admin.update('organizations', id, dto),
    );
  }

  @Delete('organizations/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Still has services or locations' })
  async removeOrganization(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.removeAudited(user, 'organizations', id);
  }

  @Get('services')
  listServices(@Query() q: ListQueryDto): Promise<ApiRecord<'services'>[]> {
    return this.admin.list('services', q.offset, q.limit);
  }

  @Get('services/:id')
  getService(@Param('id') id: string): Promise<ApiRecord<'services'>> {
    return this.admin.get('services', id);
  }

  @Post('services')
  @ApiConflictResponse({ description: 'The id is taken' })
  async createService(
    @Body() dto: CreateServiceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'services'>> {
    return this.audited(user, 'create', 'services', await this.admin.create('services', dto));
  }

  @Put('services/:id')
  async updateService(
    @Param('id') id: string,
    @Body() dto: UpdateServiceDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'services'>> {
    return this.audited(user, 'update', 'services', await this.admin.update('services', id, dto));
  }

  @Delete('services/:id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted with its service_at_locations, phones and schedules',
  })
  async removeService(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.removeAudited(user, 'services', id);
  }

  @Get('locations')
  listLocations(@Query() q: ListQueryDto): Promise<ApiRecord<'locations'>[]> {
    return this.admin.list('locations', q.offset, q.limit);
  }

  @Get('locations/:id')
  getLocation(@Param('id') id: string): Promise<ApiRecord<'locations'>> {
    return this.admin.get('locations', id);
  }

  @Post('locations')
  @ApiOperation({
    summary:
      'Region, cercle and coordinates are filled from the commune when the gazetteer knows it',
  })
  @ApiConflictResponse({ description: 'The id is taken' })
  async createLocation(
    @Body() dto: CreateLocationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'locations'>> {
    return this.audited(user, 'create', 'locations', await this.admin.create('locations', dto));
  }

  @Put('locations/:id')
  async updateLocation(
    @Param('id') id: string,
    @Body() dto: UpdateLocationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ApiRecord<'locations'>> {
    return this.audited(user, 'update', 'locations', await this.admin.update('locations', id, dto));
  }

  @Delete('locations/:id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted with its service_at_locations, phones and schedules',
  })
  async removeLocation(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.removeAudited(user, 'locations', id);
  }

  private async audited<R extends { id: string }>(
    user: AuthUser,
    verb: string,
    entity: AdminEntity,
    record: R,
  ): Promise<R> {
    await this.audit.record(user, `directory.${entity}.${verb}`, { type: entity, id: record.id });
    return record;
  }

  private async removeAudited(user: AuthUser, entity: AdminEntity, id: string): Promise<void> {
    await this.admin.remove(entity, id);
    await this.audit.record(user, `directory.${entity}.delete`, { type: entity, id });
  }
}
