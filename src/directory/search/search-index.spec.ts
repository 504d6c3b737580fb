import { GeographyService } from '../../geography/geography.service';
import {
  DirectorySnapshot,
  LocationRecord,
  ScheduleRecord,
  ServiceRecord,
} from '../hsds/hsds.types';
import { HoursLabels } from './opening-hours';
import { IndexQuery, SearchIndex } from './search-index';

const geography = new GeographyService();
const labels = (always: string): HoursLabels => ({
  days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
  always,
  unknown: '?',
});
const LABELS = { fr: labels('24h/24'), en: labels('24/7'), bm: labels('tuma bɛɛ') };
// Monday 10:00 and Saturday 10:00 in Bamako
const MONDAY = new Date('2026-11-23T10:00:00Z');
const SATURDAY = new Date('2026-11-28T10:00:00Z');

function empty(): DirectorySnapshot {
  return {
    organizations: [{ _id: 'org', name: 'Org' }],
    locations: [],
    services: [],
    service_at_locations: [],
    phones: [],
    schedules: [],
  };
}

function addService(
  snapshot: DirectorySnapshot,
  id: string,
  communes: string[],
  extra: Partial<ServiceRecord> = {},
  schedule?: Partial<ScheduleRecord>,
) {
  snapshot.services.push({
    _id: id,
    organization_id: 'org',
    name: id,
    status: 'active',
    needs: ['employment'],
    languages: ['fr'],
    returnees_only: false,
    required_documents: [],
    national: false,
    ...extra,
  });
  for (const name of communes) {
    const place = geography.lookup(name)!;
    const location: LocationRecord = {
      _id: `loc-${id}-${name}`,
      location_type: 'physical',
      region: place.region,
      latitude: place.lat,
      longitude: place.lon,
      ...(place.cercle ? { cercle: place.cercle } : {}),
      ...(place.commune ? { commune: place.commune } : {}),
    };
    snapshot.locations.push(location);
    snapshot.service_at_locations.push({
      _id: `sal-${id}-${name}`,
      service_id: id,
      location_id: location._id,
    });
  }
  snapshot.phones.push({
    _id: `ph-${id}`,
    number: `+2230000${String(snapshot.phones.length).padStart(4, '0')}`,
    service_id: id,
  });
  snapshot.schedules.push({
    _id: `sch-${id}`,
    service_id: id,
    freq: 'WEEKLY',
    byday: 'MO,TU,WE,TH,FR',
    opens_at: '08:00',
    closes_at: '16:00',
    ...schedule,
  });
}

function query(overrides: Partial<IndexQuery> = {}): IndexQuery {
  return {
    needs: ['employment'],
    place: geography.lookup('Kati'),
    openNow: false,
    at: MONDAY,
    limit: 10,
    ...overrides,
  };
}

describe('SearchIndex', () => {
  it('ranks commune > cercle > region > nearest (by distance) > national, with a reason each', () => {
    const snapshot = empty();
    addService(snapshot, 'far', ['Kayes']);
    addService(snapshot, 'national', [], { national: true });
    addService(snapshot, 'region', ['Koulikoro']);
    addService(snapshot, 'near', ['Commune IV']);
    addService(snapshot, 'cercle', ['Kalaban Coro']);
    addService(snapshot, 'commune', ['Kati']);
    const sut = SearchIndex.build(snapshot, LABELS);

    const results = sut.search(query());

    expect(results.map((r) => [r.serviceId, r.reason])).toEqual([
      ['commune', 'commune'],
      ['cercle', 'cercle'],
      ['region', 'region'],
      ['near', 'nearest'],
      ['far', 'nearest'],
      ['national', 'national'],
    ]);
    expect(results[3].distanceKm!).toBeLessThan(results[4].distanceKm!);
    expect(results[0]).toMatchObject({
      place: 'Kati',
      region: 'Koulikoro',
      phone: expect.stringMatching(/^\+223/),
      hours: 'MO-FR 08:00-16:00',
    });
    expect(results[5]).toMatchObject({ place: 'Mali', distanceKm: null });
  });

  it('takes the best site of a service with several locations', () => {
    const snapshot = empty();
    addService(snapshot, 'network', ['Kayes', 'Kati', 'Gao']);
    const [result] = SearchIndex.build(snapshot, LABELS).search(query());
    expect(result).toMatchObject({ reason: 'commune', place: 'Kati' });
  });

  it('prefers a service speaking the person’s language within a tier', () => {
    const snapshot = empty();
    addService(snapshot, 'a-french', ['Kati'], { languages: ['fr'] });
    addService(snapshot, 'b-bambara', ['Kati'], { languages: ['fr', 'bm'] });
    const sut = SearchIndex.build(snapshot, LABELS);
    expect(sut.search(query({ lang: 'bm' })).map((r) => r.serviceId)).toEqual([
      'b-bambara',
      'a-french',
    ]);
    expect(sut.search(query({ lang: 'fr' })).map((r) => r.serviceId)).toEqual([
      'a-french',
      'b-bambara',
    ]);
  });

  it('leaves out services the person is not eligible for', () => {
    const snapshot = empty();
    addService(snapshot, 'women', ['Kati'], { sex: 'female' });
    addService(snapshot, 'youth', ['Kati'], { minimum_age: 15, maximum_age: 35 });
    addService(snapshot, 'returnees', ['Kati'], { returnees_only: true });
    addService(snapshot, 'everyone', ['Kati']);
    const sut = SearchIndex.build(snapshot, LABELS);
    const ids = (person: IndexQuery['person']) =>
      sut
        .search(query({ person }))
        .map((r) => r.serviceId)
        .sort();

    expect(ids({ sex: 'male', age: 50, returnee: false })).toEqual(['everyone']);
    expect(ids({ sex: 'female', age: 20, returnee: true })).toEqual([
      'everyone',
      'returnees',
      'women',
      'youth',
    ]);
    expect(ids(undefined)).toEqual(['everyone', 'returnees', 'women', 'youth']);
    // a returnee sees the returnee-only service first
    expect(sut.search(query({ person: { returnee: true } }))[0].serviceId).toBe('returnees');
  });

  it('filters on opening hours when asked, and ranks open services first otherwise', () => {
    const snapshot = empty();
    addService(snapshot, 'a-weekdays', ['Kati']);
    addService(
      snapshot,
      'b-saturday',
      ['Kati'],
      {},
      { byday: 'SA', opens_at: '09:00', closes_at: '12:00' },
    );
    addService(
      snapshot,
      'c-always',
      ['Kati'],
      {},
      { byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' },
    );
    const sut = SearchIndex.build(snapshot, LABELS);

    expect(sut.search(query({ openNow: true, at: SATURDAY })).map((r) => r.serviceId)).toEqual([
      'b-saturday',
      'c-always',
    ]);
    expect(sut.search(query({ openNow: true, at: MONDAY })).map((r) => r.serviceId)).toEqual([
      'a-weekdays',
      'c-always',
    ]);
    expect(sut.search(query({ at: SATURDAY })).map((r) => r.serviceId)).toEqual([
      'b-saturday',
      'c-always',
      'a-weekdays',
    ]);
    expect(sut.search(query({ lang: 'en' })).find((r) => r.serviceId === 'c-always')!.hours).toBe(
      '24/7',
    );
  });

  it('skips inactive services, honours the limit and lists a multi-need service once', () => {
    const snapshot = empty();
    addService(snapshot, 'closed', ['Kati'], { status: 'inactive' });
    addService(snapshot, 'both', ['Kati'], { needs: ['employment', 'business_support'] });
    for (let i = 0; i < 5; i++) addService(snapshot, `other-${i}`, ['Kayes']);
    const sut = SearchIndex.build(snapshot, LABELS);

    const results = sut.search(query({ needs: ['business_support', 'employment'], limit: 3 }));
    expect(results.map((r) => r.serviceId)).toEqual(['both', 'other-0', 'other-1']);
    expect(results[0].need).toBe('business_support');
    expect(sut.search(query({ limit: 50 })).some((r) => r.serviceId === 'closed')).toBe(false);
    expect(sut.details('closed', 'fr')).toMatchObject({ status: 'inactive' });
  });

  it('without a place lists national services first', () => {
    const snapshot = empty();
    addService(snapshot, 'local', ['Kati']);
    addService(snapshot, 'national', [], { national: true });
    const results = SearchIndex.build(snapshot, LABELS).search(query({ place: null }));
    expect(results.map((r) => [r.serviceId, r.reason, r.distanceKm])).toEqual([
      ['national', 'national', null],
      ['local', 'nearest', null],
    ]);
  });

  it('returns the first results of the exhaustive ranking, whatever it skips', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const communes = geography.places('commune');
    const snapshot = empty();
    for (let i = 0; i < 45; i++) {
      addService(
        snapshot,
        `s${i}`,
        Array.from({ length: Math.floor(random() * 3) }, () => pick(communes).name),
        {
          needs: [pick(['employment', 'health', 'food'] as const)],
          languages: random() < 0.5 ? ['fr'] : ['fr', 'bm'],
          national: random() < 0.1,
          returnees_only: random() < 0.2,
        },
        random() < 0.5 ? {} : { byday: 'SA,SU', opens_at: '09:00', closes_at: '13:00' },
      );
    }
    const sut = SearchIndex.build(snapshot, LABELS);
    const places = [...communes, ...geography.places('region')];
    for (let i = 0; i < 300; i++) {
      const q = query({
        needs:
          random() < 0.2
            ? ['employment', 'food']
            : [pick(['employment', 'health', 'food'] as const)],
        place: random() < 0.9 ? pick(places) : null,
        lang: pick(['fr', 'bm'] as const),
        openNow: random() < 0.3,
        at: random() < 0.5 ? MONDAY : SATURDAY,
        person: random() < 0.5 ? { returnee: random() < 0.5 } : undefined,
        limit: 1 + Math.floor(random() * 4),
      });
      const exhaustive = sut.search({ ...q, limit: 50 }).slice(0, q.limit);
      expect(sut.search(q).map((r) => [r.serviceId, r.score])).toEqual(
        exhaustive.map((r) => [r.serviceId, r.score]),
      );
    }
  });
});
