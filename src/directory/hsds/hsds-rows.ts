import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isNeedCode, NeedCode } from '../../common/needs';
import { MALI_BOUNDS, PlaceLookup, adminKey } from '../places';
import {
  ELIGIBILITY_CODES,
  Entity,
  EntityRecords,
  LOCATION_TYPES,
  LocationRecord,
  NATIONAL_AREA,
  OrganizationRecord,
  PHONE_TYPES,
  PhoneRecord,
  ScheduleRecord,
  SERVICE_STATUSES,
  ServiceAtLocationRecord,
  ServiceRecord,
  WEEKDAYS,
} from './hsds.types';
import { FieldIssue, RowReader } from './row-reader';

const ID = {
  required: true,
  max: 128,
  pattern: /^[A-Za-z0-9._:-]+$/,
  patternReason: 'must use only letters, digits and . _ : -',
};
const REF = { max: 128, pattern: ID.pattern, patternReason: ID.patternReason };
const EMAIL = {
  max: 254,
  pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  patternReason: 'must be an e-mail address',
};
const URL = { max: 2000, pattern: /^https?:\/\/\S+$/i, patternReason: 'must be an http(s) URL' };
const TIME = /^([01]\d|2[0-4]):([0-5]\d)(:[0-5]\d)?(Z|[+-]00:?00)?$/;
const DATE = {
  max: 10,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  patternReason: 'must be a date YYYY-MM-DD',
};

export type RowResult<E extends Entity> =
  { record: EntityRecords[E]; issues: [] } | { record: null; issues: FieldIssue[] };

export interface RowContext {
  places: PlaceLookup | null;
}

// Turns one raw row into a stored record, or the list of reasons it cannot be stored.
export function validateRow<E extends Entity>(
  entity: E,
  data: Record<string, unknown>,
  ctx: RowContext,
): RowResult<E> {
  const reader = new RowReader(data);
  const record = READERS[entity](reader, ctx) as EntityRecords[E];
  return reader.issues.length ? { record: null, issues: reader.issues } : { record, issues: [] };
}

const READERS: { [E in Entity]: (r: RowReader, ctx: RowContext) => EntityRecords[E] } = {
  organizations: readOrganization,
  locations: readLocation,
  services: readService,
  service_at_locations: readServiceAtLocation,
  phones: readPhone,
  schedules: readSchedule,
};

function readOrganization(r: RowReader): OrganizationRecord {
  return compact({
    _id: r.str('id', ID)!,
    name: r.str('name', { required: true, max: 300 })!,
    alternate_name: r.str('alternate_name', { max: 300 }),
    description: r.str('description'),
    email: r.str('email', EMAIL),
    website: r.str('website', URL),
  });
}

function readService(r: RowReader): ServiceRecord {
  const minimumAge = r.num('minimum_age', { min: 0, max: 120, integer: true });
  const maximumAge = r.num('maximum_age', { min: 0, max: 120, integer: true });
  if (minimumAge !== undefined && maximumAge !== undefined && minimumAge > maximumAge) {
    r.fail('maximum_age', 'must not be below minimum_age');
  }
  const needs: NeedCode[] = [];
  for (const term of r.list('needs', { commas: true })) {
    if (isNeedCode(term)) {
      if (!needs.includes(term)) needs.push(term);
    } else {
      r.fail('needs', `unknown taxonomy term "${term}"`);
    }
  }
  if (!needs.length && !r.issues.some((i) => i.field === 'needs'))
    r.fail('needs', 'is required (at least one need code)');
  const languages = [...new Set(r.list('languages', { commas: true }).map((l) => l.toLowerCase()))];
  for (const code of languages) {
    if (!/^[a-z]{2,3}$/.test(code))
      r.fail('languages', `"${code}" is not an ISO 639 language code`);
  }
  const eligibility = r.list('eligibility', { commas: true }).map((e) => e.toLowerCase());
  for (const code of eligibility) {
    if (!(ELIGIBILITY_CODES as readonly string[]).includes(code))
      r.fail('eligibility', `unknown taxonomy term "${code}"`);
  }
  if (eligibility.includes('female') && eligibility.includes('male'))
    r.fail('eligibility', 'cannot be both female and male');
  const sex = eligibility.includes('female')
    ? 'female'
    : eligibility.includes('male')
      ? 'male'
      : undefined;
  return compact({
    _id: r.str('id', ID)!,
    organization_id: r.str('organization_id', { ...REF, required: true })!,
    name: r.str('name', { required: true, max: 300 })!,
    alternate_name: r.str('alternate_name', { max: 300 }),
    description: r.str('description'),
    url: r.str('url', URL),
    email: r.str('email', EMAIL),
    status: r.oneOf('status', SERVICE_STATUSES, 'active')!,
    application_process: r.str('application_process'),
    fees_description: r.str('fees_description'),
    eligibility_description: r.str('eligibility_description'),
    minimum_age: minimumAge,
    maximum_age: maximumAge,
    needs,
    languages,
    sex: sex as ServiceRecord['sex'],
    returnees_only: eligibility.includes('returnees'),
    required_documents: r.list('required_documents'),
    national: r.list('service_areas').some((area) => adminKey(area) === adminKey(NATIONAL_AREA)),
  });
}

function readLocation(r: RowReader, ctx: RowContext): LocationRecord {
  const latitude = r.num('latitude', { min: -90, max: 90 });
  const longitude = r.num('longitude', { min: -180, max: 180 });
  if ((latitude === undefined) !== (longitude === undefined) && !r.issues.length) {
    r.fail(latitude === undefined ? 'latitude' : 'longitude', 'latitude and longitude go together');
  }
  if (latitude !== undefined && longitude !== undefined && !insideMali(latitude, longitude)) {
    r.fail('latitude', `coordinates ${latitude}, ${longitude} are outside Mali`);
  }
  const country = r.str('country', { max: 2 });
  if (country && country.toUpperCase() !== 'ML') r.fail('country', 'must be ML');
  const admin = resolveAdmin(r, ctx.places, {
    region: r.str('state_province', { max: 100 }),
    cercle: r.str('cercle', { max: 100 }),
    commune: r.str('city', { max: 100 }),
  });
  return compact({
    _id: r.str('id', ID)!,
    organization_id: r.str('organization_id', REF),
    name: r.str('name', { max: 300 }),
    alternate_name: r.str('alternate_name', { max: 300 }),
    description: r.str('description'),
    location_type: r.oneOf('location_type', LOCATION_TYPES, 'physical')!,
    latitude: latitude ?? admin?.lat,
    longitude: longitude ?? admin?.lon,
    address_1: r.str('address_1', { max: 300 }),
    commune: admin?.commune,
    cercle: admin?.cercle,
    region: admin?.region ?? '',
  });
}

function readServiceAtLocation(r: RowReader): ServiceAtLocationRecord {
  return compact({
    _id: r.str('id', ID)!,
    service_id: r.str('service_id', { ...REF, required: true })!,
    location_id: r.str('location_id', { ...REF, required: true })!,
    description: r.str('description'),
  });
}

function readPhone(r: RowReader): PhoneRecord {
  const raw = r.str('number', { required: true, max: 40 });
  let number: string | undefined;
  if (raw !== undefined) {
    const parsed = parsePhoneNumberFromString(raw, 'ML');
    if (parsed?.isPossible()) number = parsed.number;
    else r.fail('number', 'is not a possible phone number');
  }
  const owners = readOwners(r, [
    'organization_id',
    'service_id',
    'location_id',
    'service_at_location_id',
  ]);
  return compact({
    _id: r.str('id', ID)!,
    number: number ?? '',
    extension: r.num('extension', { min: 0, integer: true }),
    type: r.oneOf('type', PHONE_TYPES, 'voice'),
    description: r.str('description'),
    ...owners,
  });
}

function readSchedule(r: RowReader): ScheduleRecord {
  const freq = r.str('freq');
  if (freq !== undefined && freq.toUpperCase() !== 'WEEKLY')
    r.fail('freq', 'only WEEKLY schedules are supported');
  const days = r.list('byday', { commas: true }).map((d) => d.toUpperCase());
  if (!days.length && !r.has('byday')) r.fail('byday', 'is required');
  for (const day of days) {
    if (!(WEEKDAYS as readonly string[]).includes(day))
      r.fail('byday', `"${day}" is not a weekday code (MO..SU)`);
  }
  const owners = readOwners(r, ['service_id', 'location_id', 'service_at_location_id']);
  const validFrom = r.str('valid_from', DATE);
  const validTo = r.str('valid_to', DATE);
  if (validFrom && validTo && validFrom > validTo)
    r.fail('valid_to', 'must not be before valid_from');
  return compact({
    _id: r.str('id', ID)!,
    ...owners,
    freq: 'WEEKLY' as const,
    byday: WEEKDAYS.filter((d) => days.includes(d)).join(','),
    opens_at: readTime(r, 'opens_at'),
    closes_at: readTime(r, 'closes_at'),
    valid_from: validFrom,
    valid_to: validTo,
    description: r.str('description'),
  });
}

function readTime(r: RowReader, field: string): string {
  const text = r.str(field, { required: true, max: 14 });
  if (text === undefined) return '';
  const match = TIME.exec(text);
  if (!match) {
    r.fail(field, 'must be a time HH:MM in Africa/Bamako time (UTC+0)');
    return '';
  }
  if (match[1] === '24' && match[2] !== '00') r.fail(field, 'must be a time of day');
  return `${match[1]}:${match[2]}`;
}

function readOwners<F extends string>(r: RowReader, fields: F[]): Partial<Record<F, string>> {
  const owners: Partial<Record<F, string>> = {};
  for (const field of fields) owners[field] = r.str(field, REF);
  if (
    fields.every((f) => owners[f] === undefined) &&
    !r.issues.some((i) => fields.includes(i.field as F))
  ) {
    r.fail(fields[0], `one of ${fields.join(', ')} is required`);
  }
  return owners;
}

function insideMali(lat: number, lon: number): boolean {
  return (
    lat >= MALI_BOUNDS.minLat &&
    lat <= MALI_BOUNDS.maxLat &&
    lon >= MALI_BOUNDS.minLon &&
    lon <= MALI_BOUNDS.maxLon
  );
}

interface Admin {
  region: string;
  cercle?: string;
  commune?: string;
  lat?: number;
  lon?: number;
}

// Canonical spelling and missing parents from the gazetteer; an unknown region is an error, an
// unknown commune or cercle is kept as written (the gazetteer holds only the main communes).
function resolveAdmin(
  r: RowReader,
  places: PlaceLookup | null,
  given: { region?: string; cercle?: string; commune?: string },
): Admin | undefined {
  if (!places) {
    if (!given.region) return r.fail('state_province', 'is required (the region)');
    return compact({ region: given.region, cercle: given.cercle, commune: given.commune });
  }
  // The gazetteer knows the 2023 regions: a known commune or cercle wins over a region written
  // the pre-2023 way ("Kayes" for Nioro du Sahel).
  const commune = given.commune ? places.lookup(given.commune) : null;
  if (commune?.level === 'commune') {
    return compact({
      region: commune.region,
      cercle: commune.cercle,
      commune: commune.commune ?? commune.name,
      lat: commune.lat,
      lon: commune.lon,
    });
  }
  const cercle = given.cercle ? places.lookup(given.cercle) : null;
  if (cercle && cercle.level !== 'region' && cercle.cercle) {
    return compact({
      region: cercle.region,
      cercle: cercle.cercle,
      commune: given.commune,
      lat: cercle.lat,
      lon: cercle.lon,
    });
  }
  if (!given.region) {
    return r.fail(
      given.commune || given.cercle ? 'city' : 'state_province',
      'is required (the region) unless the commune or cercle is known',
    );
  }
  const region = places.lookup(given.region);
  if (!region) return r.fail('state_province', `unknown region "${given.region}"`);
  return compact({
    region: region.region,
    cercle: given.cercle,
    commune: given.commune,
    lat: region.level === 'region' ? region.lat : undefined,
    lon: region.level === 'region' ? region.lon : undefined,
  });
}

// Drops undefined fields so records compare equal however they were produced.
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
