import { GeographyService } from '../../geography/geography.service';
import { DEMO_DIRECTORY_FILE } from '../directory-seeder';
import { readImportSource } from './hsds-files';
import { documentFromSnapshot, RawTable, tablesFromDocument } from './hsds-json';
import { validateRow } from './hsds-rows';
import { DirectorySnapshot, ENTITIES } from './hsds.types';

const ctx = { places: new GeographyService() };

function toSnapshot(tables: RawTable[]): { snapshot: DirectorySnapshot; rejected: number } {
  const snapshot = Object.fromEntries(ENTITIES.map((e) => [e, []])) as unknown as DirectorySnapshot;
  let rejected = 0;
  for (const table of tables) {
    for (const row of table.rows) {
      const result = validateRow(table.entity, row.data, ctx);
      if (result.record) (snapshot[table.entity] as unknown[]).push(result.record);
      else rejected++;
    }
  }
  return { snapshot, rejected };
}

describe('HSDS JSON', () => {
  it('reads the demo directory without a problem and exports it back to the same records', () => {
    const read = readImportSource(DEMO_DIRECTORY_FILE);
    expect(read.issues).toEqual([]);
    const { snapshot, rejected } = toSnapshot(read.tables);
    expect(rejected).toBe(0);

    const exported = JSON.parse(JSON.stringify(documentFromSnapshot(snapshot)));
    const again = toSnapshot(tablesFromDocument(exported, 'export.json').tables);

    const byId = (s: DirectorySnapshot) =>
      Object.fromEntries(
        ENTITIES.map((e) => [e, [...s[e]].sort((a, b) => a._id.localeCompare(b._id))]),
      );
    expect(byId(again.snapshot)).toEqual(byId(snapshot));
  });

  it('reads HSDS nested objects: a service with its organization, phones, schedules and locations', () => {
    const organization = { id: 'o1', name: 'Org' };
    const nested = (id: string) => ({
      id,
      name: `Service ${id}`,
      organization,
      attributes: [{ taxonomy_term: { code: 'food', taxonomy: 'sira-need' } }],
      phones: [{ id: `${id}-ph`, number: '+223 0000 0001' }],
      schedules: [{ id: `${id}-h`, byday: 'MO', opens_at: '08:00', closes_at: '12:00' }],
      service_at_locations: [
        {
          id: `${id}-sal`,
          location: {
            id: 'l1',
            organization_id: 'o1',
            addresses: [{ city: 'Kayes', state_province: 'Kayes' }],
          },
        },
      ],
    });
    const { tables, issues } = tablesFromDocument(
      { services: [nested('s1'), nested('s2')] },
      'feed.json',
    );
    expect(issues).toEqual([]);
    const { snapshot, rejected } = toSnapshot(tables);
    expect(rejected).toBe(0);
    expect(snapshot.organizations).toEqual([{ _id: 'o1', name: 'Org' }]);
    expect(snapshot.locations).toEqual([
      expect.objectContaining({ _id: 'l1', commune: 'Kayes', region: 'Kayes' }),
    ]);
    expect(snapshot.services.map((x) => [x._id, x.organization_id])).toEqual([
      ['s1', 'o1'],
      ['s2', 'o1'],
    ]);
    expect(snapshot.service_at_locations).toEqual([
      { _id: 's1-sal', service_id: 's1', location_id: 'l1' },
      { _id: 's2-sal', service_id: 's2', location_id: 'l1' },
    ]);
    expect(snapshot.phones.map((x) => [x._id, x.service_id])).toEqual([
      ['s1-ph', 's1'],
      ['s2-ph', 's2'],
    ]);
    expect(snapshot.schedules.map((x) => [x._id, x.service_id])).toEqual([
      ['s1-h', 's1'],
      ['s2-h', 's2'],
    ]);
    const phoneTable = tables.find(
      (t) => t.entity === 'phones' && t.rows.some((r) => r.data.id === 's2-ph'),
    );
    expect(phoneTable?.file).toBe('feed.json#services[2].phones');
  });

  it('reports a document that is not HSDS', () => {
    expect(tablesFromDocument([1, 2], 'x.json').issues).toEqual([
      {
        file: 'x.json',
        row: 0,
        field: '',
        reason: 'must be a JSON object with one array per HSDS table',
      },
    ]);
    expect(tablesFromDocument({ services: {}, phones: [3] }, 'x.json').issues).toEqual([
      { file: 'x.json', row: 0, field: 'services', reason: 'must be an array' },
      { file: 'x.json#phones', row: 1, field: '', reason: 'must be an object' },
    ]);
  });

  it('exports services with HSDS attributes, languages and service areas', () => {
    const doc = documentFromSnapshot({
      organizations: [],
      locations: [],
      service_at_locations: [],
      phones: [],
      schedules: [],
      services: [
        {
          _id: 's1',
          organization_id: 'o1',
          name: 'S',
          status: 'active',
          needs: ['health'],
          languages: ['fr'],
          sex: 'female',
          returnees_only: false,
          required_documents: [],
          national: true,
        },
      ],
    });
    const [service] = doc.services as Record<string, unknown>[];
    expect(service.attributes).toEqual([
      expect.objectContaining({
        link_id: 's1',
        taxonomy_term: expect.objectContaining({ code: 'health', taxonomy: 'sira-need' }),
      }),
      expect.objectContaining({
        taxonomy_term: expect.objectContaining({ code: 'female', taxonomy: 'sira-eligibility' }),
      }),
    ]);
    expect(service.languages).toEqual([expect.objectContaining({ code: 'fr' })]);
    expect(service.service_areas).toEqual([expect.objectContaining({ name: 'Mali' })]);
  });
});
