import {
  DirectorySnapshot,
  ELIGIBILITY_TAXONOMY,
  Entity,
  ENTITIES,
  LocationRecord,
  NATIONAL_AREA,
  NEED_TAXONOMY,
  ServiceRecord,
} from './hsds.types';
import { InvalidField } from './row-reader';

// One raw row before validation: its position in the source and its flat fields.
export interface RawRow {
  row: number;
  data: Record<string, unknown>;
}

export interface RawTable {
  entity: Entity;
  file: string;
  rows: RawRow[];
}

export interface ImportIssue {
  file: string;
  row: number;
  field: string;
  reason: string;
}

export const HSDS_VERSION = '3.0';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Nested HSDS objects that are rows of another table, with the field that links them to their parent.
const CHILDREN: Partial<Record<Entity, Record<string, [Entity, string]>>> = {
  organizations: {
    phones: ['phones', 'organization_id'],
    locations: ['locations', 'organization_id'],
    services: ['services', 'organization_id'],
  },
  services: {
    phones: ['phones', 'service_id'],
    schedules: ['schedules', 'service_id'],
    service_at_locations: ['service_at_locations', 'service_id'],
  },
  locations: { phones: ['phones', 'location_id'], schedules: ['schedules', 'location_id'] },
  service_at_locations: {
    phones: ['phones', 'service_at_location_id'],
    schedules: ['schedules', 'service_at_location_id'],
  },
};
// A single nested parent-side object: a service's organization, a service_at_location's location.
const REFERENCED: Partial<Record<Entity, Record<string, [Entity, string]>>> = {
  services: { organization: ['organizations', 'organization_id'] },
  service_at_locations: { location: ['locations', 'location_id'] },
};

// An HSDS JSON document becomes flat rows per table. It may hold one array per table (the tabular
// package as JSON) or HSDS's nested objects (a service with its organization, phones, schedules and
// service_at_locations with their location...), or both; an object repeated identically is read once.
// Nested attributes, languages, documents, service areas and addresses become list columns.
export function tablesFromDocument(
  doc: unknown,
  file: string,
): { tables: RawTable[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  if (!isObject(doc)) {
    return {
      tables: [],
      issues: [
        { file, row: 0, field: '', reason: 'must be a JSON object with one array per HSDS table' },
      ],
    };
  }
  const tables = new Map<string, RawTable>();
  const emitted = new Map<string, string>();
  const add = (entity: Entity, label: string, row: number, item: Json, links: Json) => {
    const id = item.id;
    const seen = typeof id === 'string' ? `${entity}/${id}` : null;
    const content = JSON.stringify(item);
    if (seen && emitted.get(seen) === content) return;
    if (seen && !emitted.has(seen)) emitted.set(seen, content);
    const own: Json = {};
    for (const [key, value] of Object.entries(item)) {
      const child = CHILDREN[entity]?.[key];
      const parent = REFERENCED[entity]?.[key];
      if (child && Array.isArray(value)) {
        value.forEach((nested, index) => {
          const where = `${label}[${row}].${key}`;
          if (isObject(nested))
            add(
              child[0],
              where,
              index + 1,
              nested,
              typeof id === 'string' ? { [child[1]]: id } : {},
            );
          else issues.push({ file: where, row: index + 1, field: '', reason: 'must be an object' });
        });
      } else if (parent && isObject(value)) {
        add(parent[0], `${label}[${row}].${key}`, 1, value, {});
        if (own[parent[1]] === undefined && item[parent[1]] === undefined)
          own[parent[1]] = value.id;
      } else {
        own[key] = value;
      }
    }
    for (const [key, value] of Object.entries(links)) if (own[key] === undefined) own[key] = value;
    let table = tables.get(`${entity} ${label}`);
    if (!table) tables.set(`${entity} ${label}`, (table = { entity, file: label, rows: [] }));
    table.rows.push({ row, data: flatten(entity, own) });
  };
  let found = false;
  for (const entity of ENTITIES) {
    const items = doc[entity];
    if (items === undefined) continue;
    found = true;
    if (!Array.isArray(items)) {
      issues.push({ file, row: 0, field: entity, reason: 'must be an array' });
      continue;
    }
    const label = `${file}#${entity}`;
    if (!tables.has(`${entity} ${label}`))
      tables.set(`${entity} ${label}`, { entity, file: label, rows: [] });
    items.forEach((item, index) => {
      if (isObject(item)) add(entity, label, index + 1, item, {});
      else issues.push({ file: label, row: index + 1, field: '', reason: 'must be an object' });
    });
  }
  if (!found) {
    issues.push({
      file,
      row: 0,
      field: '',
      reason: `has none of the HSDS tables (${ENTITIES.join(', ')})`,
    });
  }
  return { tables: [...tables.values()], issues };
}

function flatten(entity: Entity, item: Json): Json {
  if (entity === 'services') return flattenService(item);
  if (entity === 'locations') return flattenLocation(item);
  return item;
}

function flattenService(item: Json): Json {
  const { attributes, languages, required_documents, service_areas, ...rest } = item;
  const flat: Json = { ...rest };
  if (attributes !== undefined) {
    if (Array.isArray(attributes)) {
      const needs: unknown[] = [];
      const eligibility: unknown[] = [];
      for (const attribute of attributes) {
        const term =
          isObject(attribute) && isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : null;
        const code = term
          ? term.code
          : isObject(attribute)
            ? attribute.taxonomy_term_id
            : attribute;
        const taxonomy = term?.taxonomy ?? NEED_TAXONOMY;
        if (taxonomy === NEED_TAXONOMY) needs.push(code);
        else if (taxonomy === ELIGIBILITY_TAXONOMY) eligibility.push(code);
      }
      flat.needs = needs;
      flat.eligibility = eligibility;
    } else {
      flat.needs = new InvalidField('must be a list of attributes');
    }
  }
  if (languages !== undefined) flat.languages = pluck(languages, 'code');
  if (required_documents !== undefined)
    flat.required_documents = pluck(required_documents, 'document');
  if (service_areas !== undefined) flat.service_areas = pluck(service_areas, 'name');
  return flat;
}

function flattenLocation(item: Json): Json {
  const { addresses, ...rest } = item;
  if (addresses === undefined) return rest;
  if (!Array.isArray(addresses) || (addresses.length && !isObject(addresses[0]))) {
    return {
      ...rest,
      state_province: new InvalidField('addresses must be a list of address objects'),
    };
  }
  const address = (addresses[0] ?? {}) as Json;
  return {
    ...rest,
    address_1: address.address_1,
    city: address.city,
    cercle: address.cercle,
    state_province: address.state_province,
    country: address.country,
  };
}

// Lists of objects keep the named field; anything but a list is reported by the validator.
function pluck(value: unknown, field: string): unknown {
  if (!Array.isArray(value)) return new InvalidField('must be a list');
  return value.map((item) => (isObject(item) ? item[field] : item));
}

// The export: the same document shape the importer reads, tables sorted by id.
export function documentFromSnapshot(snapshot: DirectorySnapshot): Json {
  const byId = <T extends { _id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const plain = <T extends { _id: string }>(rows: T[]) =>
    byId(rows).map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  return {
    hsds_version: HSDS_VERSION,
    organizations: plain(snapshot.organizations),
    locations: byId(snapshot.locations).map(locationToJson),
    services: byId(snapshot.services).map(serviceToJson),
    service_at_locations: plain(snapshot.service_at_locations),
    phones: plain(snapshot.phones),
    schedules: plain(snapshot.schedules),
  };
}

function serviceToJson(service: ServiceRecord): Json {
  const { _id, needs, languages, sex, returnees_only, required_documents, national, ...rest } =
    service;
  const eligibility = [...(sex ? [sex] : []), ...(returnees_only ? ['returnees'] : [])];
  const attribute = (taxonomy: string, code: string) => ({
    id: `${_id}:${taxonomy}:${code}`,
    link_id: _id,
    link_entity: 'service',
    taxonomy_term_id: `${taxonomy}:${code}`,
    taxonomy_term: { id: `${taxonomy}:${code}`, code, name: code, taxonomy },
  });
  return {
    id: _id,
    ...rest,
    attributes: [
      ...needs.map((code) => attribute(NEED_TAXONOMY, code)),
      ...eligibility.map((code) => attribute(ELIGIBILITY_TAXONOMY, code)),
    ],
    languages: languages.map((code) => ({ id: `${_id}:lang:${code}`, service_id: _id, code })),
    required_documents: required_documents.map((document, i) => ({
      id: `${_id}:doc:${i + 1}`,
      service_id: _id,
      document,
    })),
    service_areas: national
      ? [{ id: `${_id}:area:national`, service_id: _id, name: NATIONAL_AREA, extent_type: 'text' }]
      : [],
  };
}

function locationToJson(location: LocationRecord): Json {
  const { _id, address_1, commune, cercle, region, ...rest } = location;
  const address = Object.fromEntries(
    Object.entries({
      id: `${_id}:address`,
      location_id: _id,
      address_1,
      city: commune,
      cercle,
      state_province: region,
      country: 'ML',
      address_type: 'physical',
    }).filter(([, v]) => v !== undefined),
  );
  return { id: _id, ...rest, addresses: [address] };
}
