import type { NeedCode } from '../../common/needs';

// The six HSDS 3 tables Sira stores, in the order an import must process them (parents first).
export const ENTITIES = [
  'organizations',
  'locations',
  'services',
  'service_at_locations',
  'phones',
  'schedules',
] as const;

export type Entity = (typeof ENTITIES)[number];

export function isEntity(value: string): value is Entity {
  return (ENTITIES as readonly string[]).includes(value);
}

// Taxonomies of the attributes Sira reads on a service (HSDS attribute.taxonomy_term.taxonomy).
export const NEED_TAXONOMY = 'sira-need';
export const ELIGIBILITY_TAXONOMY = 'sira-eligibility';
export const ELIGIBILITY_CODES = ['female', 'male', 'returnees'] as const;
// A service area with this name marks a service reachable from the whole country.
export const NATIONAL_AREA = 'Mali';

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const PHONE_TYPES = ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// Stored records: HSDS field names, `_id` is the HSDS id, optional fields are absent rather than null
// so that an import of an exported file compares equal field by field.
export interface OrganizationRecord {
  _id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  email?: string;
  website?: string;
}

export interface ServiceRecord {
  _id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: ServiceStatus;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  // attributes of taxonomy sira-need
  needs: NeedCode[];
  // ISO 639 codes spoken (HSDS language.code)
  languages: string[];
  // attributes of taxonomy sira-eligibility
  sex?: 'female' | 'male';
  returnees_only: boolean;
  // HSDS required_document.document
  required_documents: string[];
  // HSDS service_area named "Mali"
  national: boolean;
}

export interface LocationRecord {
  _id: string;
  organization_id?: string;
  name?: string;
  alternate_name?: string;
  description?: string;
  location_type: LocationType;
  latitude?: number;
  longitude?: number;
  // HSDS address: address_1; city = commune; cercle (Sira extension); state_province = region
  address_1?: string;
  commune?: string;
  cercle?: string;
  region: string;
}

export interface ServiceAtLocationRecord {
  _id: string;
  service_id: string;
  location_id: string;
  description?: string;
}

export interface PhoneRecord {
  _id: string;
  // E.164
  number: string;
  extension?: number;
  type?: PhoneType;
  description?: string;
  organization_id?: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
}

export interface ScheduleRecord {
  _id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  freq: 'WEEKLY';
  // "MO,TU,WE" in week order
  byday: string;
  // HH:MM, Africa/Bamako local time
  opens_at: string;
  closes_at: string;
  valid_from?: string;
  valid_to?: string;
  description?: string;
}

export interface EntityRecords {
  organizations: OrganizationRecord;
  locations: LocationRecord;
  services: ServiceRecord;
  service_at_locations: ServiceAtLocationRecord;
  phones: PhoneRecord;
  schedules: ScheduleRecord;
}

export type DirectorySnapshot = { [E in Entity]: EntityRecords[E][] };
