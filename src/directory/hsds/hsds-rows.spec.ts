import { GeographyService } from '../../geography/geography.service';
import { validateRow } from './hsds-rows';

const ctx = { places: new GeographyService() };
const service = {
  id: 's1',
  organization_id: 'o1',
  name: 'Guichet emploi',
  needs: 'employment;business_support',
};

describe('validateRow', () => {
  it('reads a CSV service row with list columns', () => {
    const sut = validateRow(
      'services',
      {
        ...service,
        languages: 'fr;BM',
        eligibility: 'female;returnees',
        minimum_age: '18',
        service_areas: 'Mali',
      },
      ctx,
    );
    expect(sut.record).toEqual({
      _id: 's1',
      organization_id: 'o1',
      name: 'Guichet emploi',
      status: 'active',
      needs: ['employment', 'business_support'],
      languages: ['fr', 'bm'],
      sex: 'female',
      returnees_only: true,
      minimum_age: 18,
      required_documents: [],
      national: true,
    });
  });

  it('names every bad field of a row', () => {
    const sut = validateRow(
      'services',
      { id: 's 1', name: 42, needs: ['employment', 'jobs'], minimum_age: 'ten', status: 'open' },
      ctx,
    );
    expect(sut.record).toBeNull();
    expect(sut.issues).toEqual(
      expect.arrayContaining([
        { field: 'id', reason: 'must use only letters, digits and . _ : -' },
        { field: 'organization_id', reason: 'is required' },
        { field: 'name', reason: 'must be a string' },
        { field: 'needs', reason: 'unknown taxonomy term "jobs"' },
        { field: 'minimum_age', reason: 'must be a number' },
        {
          field: 'status',
          reason: 'must be one of: active, inactive, defunct, temporarily closed',
        },
      ]),
    );
  });

  it('requires at least one need', () => {
    expect(validateRow('services', { ...service, needs: '' }, ctx).issues).toEqual([
      { field: 'needs', reason: 'is required (at least one need code)' },
    ]);
  });

  it('fills the admin hierarchy and coordinates of a location from the gazetteer', () => {
    const sut = validateRow('locations', { id: 'l1', city: 'Kalaban Coro' }, ctx);
    expect(sut.record).toMatchObject({
      commune: 'Kalaban Coro',
      cercle: 'Kati',
      region: 'Koulikoro',
      location_type: 'physical',
    });
    expect(sut.record!.latitude).toBeCloseTo(12.56, 1);
  });

  it('rejects coordinates out of range or outside Mali, and unknown regions', () => {
    expect(
      validateRow(
        'locations',
        { id: 'l1', state_province: 'Kayes', latitude: 95, longitude: 0 },
        ctx,
      ).issues,
    ).toEqual([{ field: 'latitude', reason: 'must be at most 90' }]);
    expect(
      validateRow(
        'locations',
        { id: 'l1', state_province: 'Kayes', latitude: 48.85, longitude: 2.35 },
        ctx,
      ).issues,
    ).toEqual([{ field: 'latitude', reason: 'coordinates 48.85, 2.35 are outside Mali' }]);
    expect(validateRow('locations', { id: 'l1', state_province: 'Atlantis' }, ctx).issues).toEqual([
      { field: 'state_province', reason: 'unknown region "Atlantis"' },
    ]);
  });

  it('normalises phones to E.164 and requires an owner', () => {
    expect(
      validateRow('phones', { id: 'p1', number: '76 12 34 56', service_id: 's1' }, ctx).record,
    ).toMatchObject({ number: '+22376123456', type: 'voice' });
    expect(validateRow('phones', { id: 'p1', number: '12' }, ctx).issues).toEqual([
      { field: 'number', reason: 'is not a possible phone number' },
      {
        field: 'organization_id',
        reason:
          'one of organization_id, service_id, location_id, service_at_location_id is required',
      },
    ]);
  });

  it('reads weekly schedules and refuses other frequencies or foreign offsets', () => {
    expect(
      validateRow(
        'schedules',
        { id: 'h1', service_id: 's1', byday: 'fr,mo', opens_at: '08:00:00Z', closes_at: '16:00' },
        ctx,
      ).record,
    ).toEqual({
      _id: 'h1',
      service_id: 's1',
      freq: 'WEEKLY',
      byday: 'MO,FR',
      opens_at: '08:00',
      closes_at: '16:00',
    });
    const bad = validateRow(
      'schedules',
      {
        id: 'h1',
        service_id: 's1',
        freq: 'MONTHLY',
        byday: 'XX',
        opens_at: '09:00-05:00',
        closes_at: '25:00',
      },
      ctx,
    );
    expect(bad.issues.map((i) => i.field)).toEqual(['freq', 'byday', 'opens_at', 'closes_at']);
  });
});
