import type { Lang } from '../common/i18n/lang';
import type { NeedCode } from '../common/needs';
import type { Place } from './places';

export interface SearchPerson {
  sex?: 'female' | 'male';
  age?: number;
  returnee?: boolean;
}

export interface SearchQuery {
  needs: NeedCode[];
  // a name the gazetteer resolves, or a place it already resolved
  place?: string | Place;
  lang?: Lang;
  person?: SearchPerson;
  openNow?: boolean;
  at?: Date;
  limit?: number;
}

export type SearchReason = 'commune' | 'cercle' | 'region' | 'nearest' | 'national';

export interface SearchResult {
  serviceId: string;
  name: string;
  organization: string;
  need: NeedCode;
  place: string;
  region: string;
  phone: string | null;
  hours: string;
  reason: SearchReason;
  distanceKm: number | null;
  score: number;
}

export interface ServiceSite {
  locationId: string;
  name: string | null;
  address: string | null;
  place: string;
  commune: string | null;
  cercle: string | null;
  region: string;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  hours: string;
}

// What a caseworker or a referral needs about one service, including the provider's phone.
export interface ServiceDetails {
  serviceId: string;
  name: string;
  status: string;
  organizationId: string;
  organization: string;
  needs: NeedCode[];
  description: string | null;
  languages: string[];
  phone: string | null;
  organizationPhone: string | null;
  email: string | null;
  url: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  applicationProcess: string | null;
  requiredDocuments: string[];
  national: boolean;
  place: string;
  region: string;
  hours: string;
  sites: ServiceSite[];
}

export const SEARCH_LIMIT = { default: 5, min: 1, max: 50 } as const;
