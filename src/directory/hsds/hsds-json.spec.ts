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
