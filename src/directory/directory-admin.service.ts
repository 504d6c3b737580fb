import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { I18nService } from '../common/i18n/i18n.service';
import { GeographyService } from '../geography/geography.service';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';
import { DirectoryStore } from './directory.store';
import { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { CreateServiceDto, UpdateServiceDto } from './dto/service.dto';
import { validateRow } from './hsds/hsds-rows';
import { EntityRecords, NATIONAL_AREA } from './hsds/hsds.types';
import { FieldIssue } from './hsds/row-reader';

export type AdminEntity = 'organizations' | 'services' | 'locations';

type Dto<E extends AdminEntity> = E extends 'organizations'
  ? CreateOrganizationDto | UpdateOrganizationDto
  : E extends 'services'
    ? CreateServiceDto | UpdateServiceDto
    : CreateLocationDto | UpdateLocationDto;

export type ApiRecord<E extends AdminEntity> = Omit<EntityRecords[E], '_id'> & { id: string };

const DEFAULT_PAGE = 100;

interface ServiceLinks {
  sals?: EntityRecords['service_at_locations'][];
  phones?: EntityRecords['phones'][];
  schedules?: EntityRecords['schedules'][];
}

// Admin writes go through the importer's row validation (same rules, gazetteer included), then the
// store, then the change counter, so the search index of every instance follows.
@Injectable()
export class DirectoryAdminService {
  constructor(
    private readonly store: DirectoryStore,
    private readonly geography: GeographyService,
    private readonly i18n: I18nService,
  ) {}

  async list<E extends AdminEntity>(
    entity: E,
    offset = 0,
    limit = DEFAULT_PAGE,
  ): Promise<ApiRecord<E>[]> {
    const docs = await this.store
      .model(entity)
      .find({})
      .sort({ _id: 1 })
      .skip(offset)
      .limit(limit)
      .lean()
      .exec();
    return (docs as unknown as EntityRecords[E][]).map(toApi);
  }

  async get<E extends AdminEntity>(entity: E, id: string): Promise<ApiRecord<E>> {
    const record = await this.store.findById(entity, id);
    if (!record) throw this.notFound(entity, id);
    return toApi(record);
  }

  async create<E extends AdminEntity>(
    entity: E,
    dto: Dto<E> & { id?: string },
  ): Promise<ApiRecord<E>> {
    const id = dto.id ?? randomUUID();
    if (await this.store.findById(entity, id)) {
      throw new DirectoryException(
        DirectoryExceptionCode.ALREADY_EXISTS,
        this.t('alreadyExists', { entity, id }),
        { id },
      );
    }
    return this.save(entity, id, dto);
  }

  async update<E extends AdminEntity>(entity: E, id: string, dto: Dto<E>): Promise<ApiRecord<E>> {
    if (!(await this.store.findById(entity, id))) throw this.notFound(entity, id);
    return this.save(entity, id, dto);
  }

  // Deleting a service or location takes its service_at_locations, phones and schedules with it;
  // an organization still providing services or locations cannot be deleted.
  async remove(entity: AdminEntity, id: string): Promise<void> {
    if (!(await this.store.findById(entity, id))) throw this.notFound(entity, id);
    if (entity === 'organizations') {
      const used = [
        ...(await this.store.idsWhere('services', 'organization_id', id)),
        ...(await this.store.idsWhere('locations', 'organization_id', id)),
      ];
      if (used.length) {
        throw new DirectoryException(
          DirectoryExceptionCode.IN_USE,
          this.t('inUse', { entity, id, count: used.length }),
          { id },
        );
      }
      await this.store.removeWhere('phones', 'organization_id', [id]);
    } else {
      const owner = entity === 'services' ? 'service_id' : 'location_id';
      const sals = await this.store.idsWhere('service_at_locations', owner, id);
      for (const table of ['phones', 'schedules'] as const) {
        await this.store.removeWhere(table, owner, [id]);
        await this.store.removeWhere(table, 'service_at_location_id', sals);
      }
      await this.store.removeWhere('service_at_locations', owner, [id]);
    }
    await this.store.remove(entity, id);
    await this.store.changed();
  }

  private async save<E extends AdminEntity>(
    entity: E,
    id: string,
    dto: Dto<E>,
  ): Promise<ApiRecord<E>> {
    const result = validateRow(entity, toRow(entity, id, dto), { places: this.geography });
    if (!result.record) throw this.invalid(entity, result.issues);
    const organizationId = (result.record as { organization_id?: string }).organization_id;
    if (organizationId) await this.mustExist('organizations', 'organization_id', [organizationId]);
    const links =
      entity === 'services' ? await this.serviceLinks(id, dto as CreateServiceDto) : null;
    await this.store.upsert(entity, [result.record]);
    if (links) await this.replaceLinks(id, links);
    await this.store.changed();
    return toApi(result.record);
  }

  // Where a service is delivered, its phone and its hours, given with the service in the admin API.
  private async serviceLinks(id: string, dto: CreateServiceDto): Promise<ServiceLinks> {
    const links: ServiceLinks = {};
    if (dto.location_ids) {
      const locationIds = [...new Set(dto.location_ids)];
      await this.mustExist('locations', 'location_ids', locationIds);
      links.sals = locationIds.map((locationId) => ({
        _id: `${id}@${locationId}`,
        service_id: id,
        location_id: locationId,
      }));
    }
    if (dto.phone !== undefined) {
      const phone = validateRow(
        'phones',
        { id: `${id}:phone`, service_id: id, number: dto.phone },
        { places: null },
      );
      if (!phone.record)
        throw this.invalid(
          'services',
          phone.issues.map((i) => ({ ...i, field: 'phone' })),
        );
      links.phones = [phone.record];
    }
    if (dto.schedules) {
      links.schedules = dto.schedules.map((schedule, n) => {
        const row = validateRow(
          'schedules',
          { ...schedule, id: `${id}:schedule:${n + 1}`, service_id: id },
          { places: null },
        );
        if (!row.record)
          throw this.invalid(
            'services',
            row.issues.map((i) => ({ ...i, field: `schedules[${n}].${i.field}` })),
          );
        return row.record;
      });
    }
    return links;
  }

  private async replaceLinks(id: string, links: ServiceLinks): Promise<void> {
    const tables = [
      ['service_at_locations', links.sals],
      ['phones', links.phones],
      ['schedules', links.schedules],
    ] as const;
    for (const [table, records] of tables) {
      if (!records) continue;
      const keep = new Set(records.map((r) => r._id));
      const stale = (await this.store.idsWhere(table, 'service_id', id)).filter(
        (x) => !keep.has(x),
      );
      await this.store.removeWhere(table, '_id', stale);
      await this.store.upsert(table, records as never[]);
    }
  }

  private async mustExist(
    entity: 'organizations' | 'locations',
    field: string,
    ids: string[],
  ): Promise<void> {
    const found = await this.store.existingIds(entity, ids);
    const missing = ids.find((x) => !found.has(x));
    if (missing) {
      throw new DirectoryException(
        DirectoryExceptionCode.UNKNOWN_REFERENCE,
        this.t('unknownReference', { field, id: missing }),
        { field },
      );
    }
  }

  private invalid(entity: string, issues: FieldIssue[]): DirectoryException {
    return new DirectoryException(
      DirectoryExceptionCode.INVALID_RECORD,
      this.t('invalidRecord', { entity }),
      { issues },
    );
  }

  private notFound(entity: string, id: string): DirectoryException {
    return new DirectoryException(
      DirectoryExceptionCode.NOT_FOUND,
      this.t('notFound', { entity, id }),
      { id },
    );
  }

  private t(key: string, vars: Record<string, unknown>): string {
    return this.i18n.t('en', `directory:errors.${key}`, vars);
  }
}

// The admin API speaks the stored shape with Mali names; validation reads the HSDS row shape.
function toRow(entity: AdminEntity, id: string, dto: object): Record<string, unknown> {
  const row: Record<string, unknown> = { ...dto, id };
  if (entity === 'services') {
    const {
      national,
      location_ids: _locations,
      phone: _phone,
      schedules: _schedules,
      ...rest
    } = row;
    return { ...rest, service_areas: national ? [NATIONAL_AREA] : [] };
  }
  if (entity === 'locations') {
    const { commune, region, ...rest } = row;
    return { ...rest, city: commune, state_province: region };
  }
  return row;
}

function toApi<R extends { _id: string }>(record: R): Omit<R, '_id'> & { id: string } {
  const { _id, ...rest } = record;
  return { id: _id, ...rest };
}
