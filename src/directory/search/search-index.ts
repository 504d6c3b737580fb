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
import { adminKey, haversineKm, Place } from '../places';
import { describeHours, HoursLabels, localTime, WeeklyHours } from './opening-hours';
import { nearestScoreCeiling, placeKeys, rank, Rankable, RankContext, RankedSite } from './ranking';

type Texts = Record<Lang, string>;

const BUILD_SLICE = 250;

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
  // number of the last query that ranked it (dedupe without a Set on the hot path)
  seenBy: number;
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
    private readonly needs: Map<NeedCode, NeedIndex>,
  ) {}

  get size(): number {
    return this.services.size;
  }

  static empty(): SearchIndex {
    return new SearchIndex(new Map(), new Map());
  }

  static build(snapshot: DirectorySnapshot, labels: Record<Lang, HoursLabels>): SearchIndex {
    const steps = SearchIndex.steps(snapshot, labels);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  // The same, giving the event loop back every few hundred services so searches keep being
  // answered from the previous index while a large directory is rebuilt.
  static async buildYielding(
    snapshot: DirectorySnapshot,
    labels: Record<Lang, HoursLabels>,
  ): Promise<SearchIndex> {
    const steps = SearchIndex.steps(snapshot, labels);
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    return step.value;
  }

  private static *steps(
    snapshot: DirectorySnapshot,
    labels: Record<Lang, HoursLabels>,
  ): Generator<void, SearchIndex> {
    const organizations = new Map(snapshot.organizations.map((o) => [o._id, o]));
    const locations = new Map(snapshot.locations.map((l) => [l._id, l]));
    const phoneOf = firstBy(snapshot.phones);
    const schedulesOf = groupSchedules(snapshot.schedules);
    const salsOf = new Map<string, DirectorySnapshot['service_at_locations']>();
    for (const sal of snapshot.service_at_locations) push(salsOf, sal.service_id, sal);

    const services = new Map<string, IndexedService>();
    const needs = new Map<NeedCode, NeedIndex>(
      NEED_CODES.map((n) => [n, { all: [], regions: new Map(), national: [] }]),
    );
    const interned = new Map<string, WeeklyHours>();
    const hoursOf = (schedules: ScheduleRecord[] | undefined) => intern(interned, schedules ?? []);
    const described = new Map<WeeklyHours | null, Texts>();
    const textsOf = (hours: WeeklyHours | null) => {
      let found = described.get(hours);
      if (!found) described.set(hours, (found = texts(hours, labels)));
      return found;
    };
    for (const [n, record] of snapshot.services.entries()) {
      if (n % BUILD_SLICE === BUILD_SLICE - 1) yield;
      const organization = organizations.get(record.organization_id);
      const organizationPhone = phoneOf.organization.get(record.organization_id) ?? null;
      const servicePhone = phoneOf.service.get(record._id) ?? organizationPhone;
      const serviceHours = hoursOf(schedulesOf.service.get(record._id));
      const sites: IndexedSite[] = [];
      for (const sal of salsOf.get(record._id) ?? []) {
        const location = locations.get(sal.location_id);
        if (!location) continue;
        const hours =
          hoursOf(schedulesOf.sal.get(sal._id)) ??
          serviceHours ??
          hoursOf(schedulesOf.location.get(location._id));
        const phone =
          phoneOf.sal.get(sal._id) ?? phoneOf.location.get(location._id) ?? servicePhone;
        sites.push(site(location, phone, hours, textsOf(hours)));
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
        uniformHours: sites.every((site) => site.hours === serviceHours),
        hoursText: textsOf(serviceHours),
        phone: servicePhone,
        organizationPhone,
        sites,
        seenBy: 0,
      };
      services.set(record._id, indexed);
      if (!indexed.active) continue;
      for (const need of record.needs) {
        const index = needs.get(need)!;
        index.all.push(indexed);
        if (indexed.national) index.national.push(indexed);
        for (const site of sites) addToRegion(index.regions, site, indexed);
      }
    }
    return new SearchIndex(services, needs);
  }

  // Services with a site in the place's region are ranked first: when they fill the limit nothing
  // elsewhere can outrank them (every region-tier score is above every nearest-tier score). Else the
  // other regions follow nearest first, until one is too far to beat the results held, then the
  // national services. Without a place every service of the need is ranked.
  search(q: IndexQuery): SearchResult[] {
    const ctx: RankContext = {
      place: q.place ? placeKeys(q.place) : null,
      lang: q.lang,
      person: q.person,
      now: localTime(q.at),
      openNow: q.openNow,
      openMemo: new Map(),
    };
    const top = new TopResults(q.limit, q.lang ?? 'fr', ctx);
    const indexes = q.needs.map((need) => [need, this.needs.get(need)] as const);
    const place = ctx.place;
    if (!place) {
      for (const [need, index] of indexes) for (const s of index?.all ?? []) top.offer(s, need);
      return top.results;
    }
    for (const [need, index] of indexes) {
      for (const s of index?.regions.get(place.regionKey)?.services ?? []) top.offer(s, need);
    }
    if (top.full) return top.results;
    const others: { need: NeedCode; bucket: RegionBucket; boundKm: number }[] = [];
    for (const [need, index] of indexes) {
      for (const [key, bucket] of index?.regions ?? []) {
        if (key !== place.regionKey)
          others.push({ need, bucket, boundKm: lowerBoundKm(place, bucket) });
      }
    }
    others.sort((a, b) => a.boundKm - b.boundKm);
    for (const { need, bucket, boundKm } of others) {
      if (top.full && top.worstScore > nearestScoreCeiling(boundKm)) break;
      for (const s of bucket.services) top.offer(s, need);
    }
    for (const [need, index] of indexes) for (const s of index?.national ?? []) top.offer(s, need);
    return top.results;
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
}

function site(
  location: LocationRecord,
  phone: string | null,
  hours: WeeklyHours | null,
  hoursText: Texts,
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
    hoursText,
  };
}

function texts(hours: WeeklyHours | null, labels: Record<Lang, HoursLabels>): Texts {
  return Object.fromEntries(LANGS.map((lng) => [lng, describeHours(hours, labels[lng])])) as Texts;
}

function firstBy(phones: PhoneRecord[]) {
  const sorted = [...phones].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
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

interface RegionBucket {
  services: IndexedService[];
  // bounding box of the bucket's sites that have coordinates
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

interface NeedIndex {
  all: IndexedService[];
  regions: Map<string, RegionBucket>;
  national: IndexedService[];
}

function addToRegion(
  regions: Map<string, RegionBucket>,
  site: IndexedSite,
  service: IndexedService,
): void {
  let bucket = regions.get(site.regionKey);
  if (!bucket) {
    bucket = {
      services: [],
      minLat: Infinity,
      maxLat: -Infinity,
      minLon: Infinity,
      maxLon: -Infinity,
    };
    regions.set(site.regionKey, bucket);
  }
  if (bucket.services[bucket.services.length - 1] !== service) bucket.services.push(service);
  if (site.lat !== null && site.lon !== null) {
    bucket.minLat = Math.min(bucket.minLat, site.lat);
    bucket.maxLat = Math.max(bucket.maxLat, site.lat);
    bucket.minLon = Math.min(bucket.minLon, site.lon);
    bucket.maxLon = Math.max(bucket.maxLon, site.lon);
  }
}

// Distance to the nearest point of the bucket's box: no site of the bucket is closer.
function lowerBoundKm(place: { lat: number; lon: number }, bucket: RegionBucket): number {
  if (bucket.minLat > bucket.maxLat) return Infinity;
  const lat = Math.min(Math.max(place.lat, bucket.minLat), bucket.maxLat);
  const lon = Math.min(Math.max(place.lon, bucket.minLon), bucket.maxLon);
  return haversineKm(place.lat, place.lon, lat, lon);
}

// Same schedules, same object: "open now" is then computed once per distinct timetable and query.
function intern(cache: Map<string, WeeklyHours>, schedules: ScheduleRecord[]): WeeklyHours | null {
  if (!schedules.length) return null;
  const key = schedules
    .map((s) => `${s.byday} ${s.opens_at} ${s.closes_at} ${s.valid_from ?? ''} ${s.valid_to ?? ''}`)
    .sort()
    .join('|');
  let hours = cache.get(key);
  if (!hours) {
    hours = WeeklyHours.fromSchedules(schedules)!;
    cache.set(key, hours);
  }
  return hours;
}

// The best `limit` results so far, ordered by score, then distance (unknown last), then name.
class TopResults {
  private static queries = 0;
  readonly results: SearchResult[] = [];
  private readonly query = ++TopResults.queries;

  constructor(
    private readonly limit: number,
    private readonly lang: Lang,
    private readonly ctx: RankContext,
  ) {}

  get full(): boolean {
    return this.results.length >= this.limit;
  }

  get worstScore(): number {
    return this.results[this.results.length - 1].score;
  }

  offer(service: IndexedService, need: NeedCode): void {
    if (service.seenBy === this.query) return;
    service.seenBy = this.query;
    const ranking = rank(service, this.ctx);
    if (!ranking) return;
    if (
      this.full &&
      !better(
        ranking.score,
        ranking.distanceKm,
        service.name,
        this.results[this.results.length - 1],
      )
    )
      return;
    const site = ranking.site;
    const result: SearchResult = {
      serviceId: service.id,
      name: service.name,
      organization: service.organization,
      need,
      place: site?.place ?? NATIONAL_AREA,
      region: site?.region ?? NATIONAL_AREA,
      phone: site?.phone ?? service.phone,
      hours: (site?.hoursText ?? service.hoursText)[this.lang],
      reason: ranking.reason,
      distanceKm: ranking.distanceKm,
      score: ranking.score,
    };
    let i = this.results.length;
    while (i > 0 && better(result.score, result.distanceKm, result.name, this.results[i - 1])) i--;
    this.results.splice(i, 0, result);
    if (this.results.length > this.limit) this.results.pop();
  }
}

function better(score: number, distance: number | null, name: string, than: SearchResult): boolean {
  if (score !== than.score) return score > than.score;
  if (distance !== than.distanceKm) {
    return distance !== null && (than.distanceKm === null || distance < than.distanceKm);
  }
  return name.localeCompare(than.name) < 0;
}
