import { LANGS, Lang } from '../../common/i18n/lang';
import { NEED_CODES, NeedCode } from '../../common/needs';
import type { SearchPerson, SearchResult, ServiceDetails, ServiceSite } from '../directory.types';
import type {
  DirectorySnapshot,
  LocationRecord,
  PhoneRecord,
  ScheduleRecord,
  ServiceRecord,
} from '../hsds/hsds.types';
import { NATIONAL_AREA } from '../hsds/hsds.types';
import { Place, adminKey } from '../places';
import { describeHours, HoursLabels, localTime, WeeklyHours } from './opening-hours';
import { placeKeys, rank, Rankable, RankedSite } from './ranking';

type Texts = Record<Lang, string>;

interface IndexedSite extends RankedSite {
  locationId: string;
  name: string | null;
  address: string | null;
  place: string;
  commune: string | null;
  cercle: string | null;
  region: string;
  phone: string | null;
  hoursText: Texts;
}

interface IndexedService extends Rankable<IndexedSite> {
  record: ServiceRecord;
  id: string;
  name: string;
  organization: string;
  active: boolean;
  phone: string | null;
  organizationPhone: string | null;
  hoursText: Texts;
}

export interface IndexQuery {
  needs: NeedCode[];
  place: Place | null;
  lang?: Lang;
  person?: SearchPerson;
  openNow: boolean;
  at: Date;
  limit: number;
}

// The whole directory in memory, shaped for the search hot path: services per need, each with its
// sites' admin keys, coordinates, phone and parsed hours. Rebuilt from MongoDB after every change.
export class SearchIndex {
  private constructor(
    private readonly services: Map<string, IndexedService>,
    private readonly byNeed: Map<NeedCode, IndexedService[]>,
  ) {}

  get size(): number {
    return this.services.size;
  }

  static empty(): SearchIndex {
    return new SearchIndex(new Map(), new Map());
  }

  static build(snapshot: DirectorySnapshot, labels: Record<Lang, HoursLabels>): SearchIndex {
    const organizations = new Map(snapshot.organizations.map((o) => [o._id, o]));
    const locations = new Map(snapshot.locations.map((l) => [l._id, l]));
    const phoneOf = firstBy(snapshot.phones);
    const schedulesOf = groupSchedules(snapshot.schedules);
    const salsOf = new Map<string, DirectorySnapshot['service_at_locations']>();
    for (const sal of snapshot.service_at_locations) push(salsOf, sal.service_id, sal);

    const services = new Map<string, IndexedService>();
    const byNeed = new Map<NeedCode, IndexedService[]>(NEED_CODES.map((n) => [n, []]));
    for (const record of snapshot.services) {
      const organization = organizations.get(record.organization_id);
      const organizationPhone = phoneOf.organization.get(record.organization_id) ?? null;
      const servicePhone = phoneOf.service.get(record._id) ?? organizationPhone;
      const serviceHours = WeeklyHours.fromSchedules(schedulesOf.service.get(record._id) ?? []);
      const sites: IndexedSite[] = [];
      for (const sal of salsOf.get(record._id) ?? []) {
        const location = locations.get(sal.location_id);
        if (!location) continue;
        const hours =
          WeeklyHours.fromSchedules(schedulesOf.sal.get(sal._id) ?? []) ??
          serviceHours ??
          WeeklyHours.fromSchedules(schedulesOf.location.get(location._id) ?? []);
        const phone =
          phoneOf.sal.get(sal._id) ?? phoneOf.location.get(location._id) ?? servicePhone;
        sites.push(site(location, phone, hours, labels));
      }
      const indexed: IndexedService = {
        record,
        id: record._id,
        name: record.name,
        organization: organization?.name ?? '',
        active: record.status === 'active',
        languages: record.languages,
        sex: record.sex,
        minAge: record.minimum_age,
        maxAge: record.maximum_age,
        returneesOnly: record.returnees_only,
        // a service nobody can visit is reached by phone from anywhere
        national: record.national || sites.length === 0,
        hours: serviceHours,
        hoursText: texts(serviceHours, labels),
        phone: servicePhone,
        organizationPhone,
        sites,
      };
      services.set(record._id, indexed);
      if (!indexed.active) continue;
      for (const need of record.needs) byNeed.get(need)?.push(indexed);
    }
    return new SearchIndex(services, byNeed);
  }

  search(q: IndexQuery): SearchResult[] {
    const ctx = {
      place: q.place ? placeKeys(q.place) : null,
      lang: q.lang,
      person: q.person,
      now: localTime(q.at),
      openNow: q.openNow,
    };
    const lang = q.lang ?? 'fr';
    const top: SearchResult[] = [];
    const seen = q.needs.length > 1 ? new Set<string>() : null;
    for (const need of q.needs) {
      for (const service of this.byNeed.get(need) ?? []) {
        if (seen) {
          if (seen.has(service.id)) continue;
          seen.add(service.id);
        }
        const ranking = rank(service, ctx);
        if (!ranking) continue;
        if (
          top.length === q.limit &&
          !better(ranking.score, ranking.distanceKm, service.name, top[top.length - 1])
        )
          continue;
        const site = ranking.site;
        insertSorted(top, q.limit, {
          serviceId: service.id,
          name: service.name,
          organization: service.organization,
          need,
          place: site?.place ?? NATIONAL_AREA,
          region: site?.region ?? NATIONAL_AREA,
          phone: site?.phone ?? service.phone,
          hours: (site?.hoursText ?? service.hoursText)[lang],
          reason: ranking.reason,
          distanceKm: ranking.distanceKm,
          score: ranking.score,
        });
      }
    }
    return top;
  }

  details(id: string, lang: Lang): ServiceDetails | null {
    const service = this.services.get(id);
    if (!service) return null;
    const r = service.record;
    const sites: ServiceSite[] = service.sites.map((s) => ({
      locationId: s.locationId,
      name: s.name,
      address: s.address,
      place: s.place,
      commune: s.commune,
      cercle: s.cercle,
      region: s.region,
      lat: s.lat,
      lon: s.lon,
      phone: s.phone,
      hours: s.hoursText[lang],
    }));
    return {
      serviceId: r._id,
      name: r.name,
      status: r.status,
      organizationId: r.organization_id,
      organization: service.organization,
      needs: r.needs,
      description: r.description ?? null,
      languages: r.languages,
      phone: sites[0]?.phone ?? service.phone,
      organizationPhone: service.organizationPhone,
      email: r.email ?? null,
      url: r.url ?? null,
      feesDescription: r.fees_description ?? null,
      eligibilityDescription: r.eligibility_description ?? null,
      applicationProcess: r.application_process ?? null,
      requiredDocuments: r.required_documents,
      national: service.national,
      place: sites[0]?.place ?? NATIONAL_AREA,
      region: sites[0]?.region ?? NATIONAL_AREA,
      hours: sites[0]?.hours ?? service.hoursText[lang],
      sites,
    };
  }

  // Admin names present in the directory, for callers that want to know what a place filter can match.
  regions(): string[] {
    const names = new Map<string, string>();
    for (const service of this.services.values()) {
      for (const s of service.sites) names.set(s.regionKey, s.region);
    }
    return [...names.values()].sort();
  }
}

function site(
  location: LocationRecord,
  phone: string | null,
  hours: WeeklyHours | null,
  labels: Record<Lang, HoursLabels>,
): IndexedSite {
  return {
    locationId: location._id,
    name: location.name ?? null,
    address: location.address_1 ?? null,
    place: location.commune ?? location.cercle ?? location.region,
    commune: location.commune ?? null,
    cercle: location.cercle ?? null,
    region: location.region,
    regionKey: adminKey(location.region),
    cercleKey: adminKey(location.cercle),
    communeKey: adminKey(location.commune),
    lat: location.latitude ?? null,
    lon: location.longitude ?? null,
    phone,
    hours,
    hoursText: texts(hours, labels),
  };
}

function texts(hours: WeeklyHours | null, labels: Record<Lang, HoursLabels>): Texts {
  return Object.fromEntries(LANGS.map((lng) => [lng, describeHours(hours, labels[lng])])) as Texts;
}

function firstBy(phones: PhoneRecord[]) {
  const sorted = [...phones].sort((a, b) => a._id.localeCompare(b._id));
  const maps = {
    organization: new Map<string, string>(),
    service: new Map<string, string>(),
    location: new Map<string, string>(),
    sal: new Map<string, string>(),
  };
  for (const phone of sorted) {
    const set = (map: Map<string, string>, key: string | undefined) =>
      key && !map.has(key) && map.set(key, phone.number);
    set(maps.organization, phone.organization_id);
    set(maps.service, phone.service_id);
    set(maps.location, phone.location_id);
    set(maps.sal, phone.service_at_location_id);
  }
  return maps;
}

function groupSchedules(schedules: ScheduleRecord[]) {
  const groups = {
    service: new Map<string, ScheduleRecord[]>(),
    location: new Map<string, ScheduleRecord[]>(),
    sal: new Map<string, ScheduleRecord[]>(),
  };
  for (const s of schedules) {
    if (s.service_at_location_id) push(groups.sal, s.service_at_location_id, s);
    else if (s.service_id) push(groups.service, s.service_id, s);
    else if (s.location_id) push(groups.location, s.location_id, s);
  }
  return groups;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Order: score, then distance (unknown last), then name; stable for equal inputs.
function better(score: number, distance: number | null, name: string, than: SearchResult): boolean {
  if (score !== than.score) return score > than.score;
  if (distance !== than.distanceKm)
    return distance !== null && (than.distanceKm === null || distance < than.distanceKm);
  return name.localeCompare(than.name) < 0;
}

function insertSorted(top: SearchResult[], limit: number, result: SearchResult): void {
  let i = top.length;
  while (i > 0 && better(result.score, result.distanceKm, result.name, top[i - 1])) i--;
  top.splice(i, 0, result);
  if (top.length > limit) top.pop();
}
