import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import AdmZip from 'adm-zip';
import { DEMO_DIRECTORY_FILE } from '../../src/directory/directory-seeder';
import { DirectoryService } from '../../src/directory/directory.service';
import { DirectoryStore } from '../../src/directory/directory.store';
import { documentFromSnapshot } from '../../src/directory/hsds/hsds-json';
import {
  DirectoryImporter,
  ImportReport,
  MAX_REPORTED_ISSUES,
} from '../../src/directory/import/directory-importer';
import { startTestDatabase, TestDatabase } from '../harness/database';
import { sortedSnapshot, startDirectory } from './directory-test-module';

describe('directory import and export (real database)', () => {
  let db: TestDatabase;
  let dir: string;
  const apps: INestApplicationContext[] = [];

  const start = async () => {
    const app = await startDirectory(db);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    db = await startTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'sira-directory-'));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the demo file, exports it, and the export re-imports to the same database', async () => {
    const first = await start();
    const report = await first.get(DirectoryImporter).importPaths([DEMO_DIRECTORY_FILE]);
    expect(report.issues).toEqual([]);
    expect(report.counts.services).toMatchObject({ read: 95, inserted: 95, rejected: 0 });
    expect(first.get(DirectoryService).size).toBe(95);

    const exported = join(dir, 'export.json');
    writeFileSync(
      exported,
      JSON.stringify(documentFromSnapshot(await first.get(DirectoryStore).snapshot())),
    );

    const second = await start();
    const again = await second.get(DirectoryImporter).importPaths([exported]);
    expect(again.issueCount).toBe(0);
    expect(await sortedSnapshot(second)).toEqual(await sortedSnapshot(first));

    // re-importing changes nothing, not even the change counter
    const version = await first.get(DirectoryStore).version();
    const reimport = await first.get(DirectoryImporter).importPaths([exported]);
    expect(reimport.changed).toBe(false);
    for (const counts of Object.values(reimport.counts))
      expect(counts.inserted + counts.updated).toBe(0);
    expect(reimport.counts.schedules.unchanged).toBe(report.counts.schedules.inserted);
    expect(await first.get(DirectoryStore).version()).toBe(version);
  });

  it('imports CSV tables from a zip, updates changed rows and reports only what changed', async () => {
    const app = await start();
    const zip = new AdmZip();
    zip.addFile(
      'organization.csv',
      Buffer.from('\uFEFFid,name,description\norg-1,"Association ""Retour""","Ligne 1\nligne 2"\n'),
    );
    zip.addFile(
      'services.csv',
      Buffer.from(
        'id,organization_id,name,needs,languages,eligibility\nsvc-1,org-1,Emploi,employment,fr;bm,returnees\n',
      ),
    );
    zip.addFile(
      'locations.csv',
      Buffer.from(
        'id,organization_id,name,city,latitude,longitude\nloc-1,org-1,Bureau,Kayes,14.45,-11.44\n',
      ),
    );
    zip.addFile(
      'service_at_locations.csv',
      Buffer.from('id,service_id,location_id\nsal-1,svc-1,loc-1\n'),
    );
    zip.addFile('phones.csv', Buffer.from('id,service_id,number\nph-1,svc-1,+223 0000 9999\n'));
    zip.addFile(
      'schedules.csv',
      Buffer.from('id,service_id,byday,opens_at,closes_at\nsch-1,svc-1,"MO,TU",08:00,16:00\n'),
    );
    zip.addFile('README.txt', Buffer.from('not data'));
    const file = join(dir, 'tables.zip');
    zip.writeZip(file);

    const report = await app.get(DirectoryImporter).importPaths([file]);
    expect(report.issues).toEqual([
      {
        file: 'tables.zip/README.txt',
        row: 0,
        field: '',
        reason: 'was ignored (not .csv or .json)',
      },
    ]);
    expect(report.counts.organizations.inserted).toBe(1);
    const details = await app.get(DirectoryService).getService('svc-1');
    expect(details).toMatchObject({
      organization: 'Association "Retour"',
      place: 'Kayes',
      region: 'Kayes',
      phone: '+22300009999',
      hours: 'lun-mar 08:00-16:00',
    });

    zip.updateFile(
      'services.csv',
      Buffer.from(
        'id,organization_id,name,needs\nsvc-1,org-1,Emploi et formation,employment;vocational_training\n',
      ),
    );
    zip.writeZip(file);
    const second = await app.get(DirectoryImporter).importPaths([file]);
    expect(second.counts.services).toMatchObject({ updated: 1, inserted: 0 });
    expect(second.counts.locations).toMatchObject({ unchanged: 1 });
    expect((await app.get(DirectoryService).getService('svc-1'))!.name).toBe('Emploi et formation');
  });

  it('reports every bad row of a malformed file and imports every valid one', async () => {
    const app = await start();
    const doc = {
      organizations: [{ id: 'org-ok', name: 'Valide' }, { id: 'org-noname' }, 'not an object'],
      locations: [
        {
          id: 'loc-ok',
          organization_id: 'org-ok',
          latitude: 12.65,
          longitude: -8,
          addresses: [{ city: 'Commune IV', state_province: 'Bamako' }],
        },
        {
          id: 'loc-lat',
          latitude: 'north',
          longitude: -8,
          addresses: [{ state_province: 'Bamako' }],
        },
        {
          id: 'loc-paris',
          latitude: 48.85,
          longitude: 2.35,
          addresses: [{ state_province: 'Bamako' }],
        },
        { id: 'loc-region', addresses: [{ state_province: 'Atlantide' }] },
      ],
      services: [
        {
          id: 'svc-ok',
          organization_id: 'org-ok',
          name: 'Soins',
          attributes: [{ taxonomy_term: { code: 'health', taxonomy: 'sira-need' } }],
        },
        {
          id: 'svc-term',
          organization_id: 'org-ok',
          name: 'Inconnu',
          attributes: [{ taxonomy_term: { code: 'astrology', taxonomy: 'sira-need' } }],
        },
        {
          id: 'svc-types',
          organization_id: 'org-ok',
          name: 7,
          minimum_age: 'ten',
          attributes: 'health',
        },
        {
          id: 'svc-org',
          organization_id: 'org-noname',
          name: 'Orphelin',
          attributes: [{ taxonomy_term: { code: 'food' } }],
        },
        {
          organization_id: 'org-ok',
          name: 'Sans id',
          attributes: [{ taxonomy_term: { code: 'food' } }],
        },
      ],
      service_at_locations: [
        { id: 'sal-ok', service_id: 'svc-ok', location_id: 'loc-ok' },
        { id: 'sal-bad', service_id: 'svc-term', location_id: 'loc-ok' },
      ],
      phones: [
        { id: 'ph-ok', service_id: 'svc-ok', number: '+223 0000 0001' },
        { id: 'ph-bad', service_id: 'svc-ok', number: 'call us' },
      ],
      schedules: [
        {
          id: 'sch-bad',
          service_id: 'svc-ok',
          byday: 'MO',
          opens_at: 'morning',
          closes_at: '16:00',
        },
      ],
    };
    writeFileSync(join(dir, 'malformed.json'), JSON.stringify(doc));
    // 5 MB of binary garbage, and 5 MB of text garbage named like an HSDS table
    writeFileSync(join(dir, 'garbage.json'), randomBytes(5 * 1024 * 1024));
    const text = Array.from(
      { length: 80_000 },
      (_, i) => `${i},"x${i}",;;"${'z'.repeat(i % 40)}`,
    ).join('\n');
    writeFileSync(join(dir, 'schedules.csv'), `a,b,c\n${text}\n`);
    expect(readFileSync(join(dir, 'schedules.csv')).length).toBeGreaterThan(2 * 1024 * 1024);

    const report: ImportReport = await app
      .get(DirectoryImporter)
      .importPaths([
        join(dir, 'malformed.json'),
        join(dir, 'garbage.json'),
        join(dir, 'schedules.csv'),
      ]);

    const line = (file: string, row: number, field: string) =>
      report.issues
        .filter((i) => i.file === file && i.row === row && i.field === field)
        .map((i) => i.reason);
    expect(line('malformed.json#organizations', 2, 'name')).toEqual(['is required']);
    expect(line('malformed.json#organizations', 3, '')).toEqual(['must be an object']);
    expect(line('malformed.json#locations', 2, 'latitude')).toEqual(['must be a number']);
    expect(line('malformed.json#locations', 3, 'latitude')).toEqual([
      'coordinates 48.85, 2.35 are outside Mali',
    ]);
    expect(line('malformed.json#locations', 4, 'state_province')).toEqual([
      'unknown region "Atlantide"',
    ]);
    expect(line('malformed.json#services', 2, 'needs')).toEqual([
      'unknown taxonomy term "astrology"',
    ]);
    expect(line('malformed.json#services', 3, 'name')).toEqual(['must be a string']);
    expect(line('malformed.json#services', 3, 'minimum_age')).toEqual(['must be a number']);
    expect(line('malformed.json#services', 3, 'needs')).toEqual(['must be a list of attributes']);
    expect(line('malformed.json#services', 4, 'organization_id')).toEqual([
      'unknown organization "org-noname"',
    ]);
    expect(line('malformed.json#services', 5, 'id')).toEqual(['is required']);
    expect(line('malformed.json#service_at_locations', 2, 'service_id')).toEqual([
      'unknown service "svc-term"',
    ]);
    expect(line('malformed.json#phones', 2, 'number')).toEqual(['is not a possible phone number']);
    expect(line('malformed.json#schedules', 1, 'opens_at')).toEqual([
      'must be a time HH:MM in Africa/Bamako time (UTC+0)',
    ]);
    expect(line('garbage.json', 0, '')).toEqual(['is not a text file']);
    expect(report.issueCount).toBeGreaterThan(MAX_REPORTED_ISSUES);
    expect(report.issues).toHaveLength(MAX_REPORTED_ISSUES);

    const snapshot = await sortedSnapshot(app);
    const ids = (rows: { _id: string }[]) => rows.map((r) => r._id);
    expect(ids(snapshot.organizations)).toEqual(['org-ok']);
    expect(ids(snapshot.locations)).toEqual(['loc-ok']);
    expect(ids(snapshot.services)).toEqual(['svc-ok']);
    expect(ids(snapshot.service_at_locations)).toEqual(['sal-ok']);
    expect(ids(snapshot.phones)).toEqual(['ph-ok']);
    expect(snapshot.schedules).toEqual([]);
    const [result] = app
      .get(DirectoryService)
      .searchNow({ needs: ['health'], place: 'Commune IV' });
    expect(result).toMatchObject({ serviceId: 'svc-ok', reason: 'commune', phone: '+22300000001' });
  });
});
