import { DirectoryService } from '../../src/directory/directory.service';
import { DirectoryStore } from '../../src/directory/directory.store';
import { NEED_CODES } from '../../src/common/needs';
import { createTestApp, TestApp } from '../harness/app';
import { authHeader, loginAs } from '../harness/auth';

describe('demo directory seed', () => {
  const apps: TestApp[] = [];

  afterAll(async () => {
    for (const t of apps.reverse()) await t.close();
  });

  it('is not loaded in tests unless asked', async () => {
    const t = await createTestApp();
    apps.push(t);
    expect(await t.app.get(DirectoryStore).count('services')).toBe(0);
  });

  it('fills an empty directory on first start, once, and answers the documented search', async () => {
    const first = await createTestApp({ DIRECTORY_DEMO_SEED: 'on' });
    apps.push(first);
    const directory = first.app.get(DirectoryService);
    expect(directory.size).toBeGreaterThanOrEqual(80);
    for (const need of NEED_CODES)
      expect(directory.searchNow({ needs: [need], limit: 1 })).toHaveLength(1);
    const version = await first.app.get(DirectoryStore).version();

    // a second start on the same database finds services and imports nothing
    const dbName = first.config.mongodbUri!.split('/').pop()!;
    const second = await createTestApp(
      { DIRECTORY_DEMO_SEED: 'on', TEST_DB_NAME: dbName },
      first.db,
    );
    apps.push(second);
    expect(await second.app.get(DirectoryStore).version()).toBe(version);
    expect(second.app.get(DirectoryService).size).toBe(directory.size);

    const { token } = await loginAs(first, 'caseworker');
    const res = await fetch(
      `${first.baseUrl}/api/services/search?need=employment&place=Kayes&lang=fr&openNow=true&limit=3&at=2026-11-23T10:00:00Z`,
      { headers: authHeader(token) },
    );
    expect(res.status).toBe(200);
    const results = (await res.json()) as {
      organization: string;
      phone: string;
      reason: string;
      place: string;
    }[];
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ reason: 'commune', place: 'Kayes' });
    for (const r of results) {
      expect(r.organization).toMatch(/^\[DEMO\] /);
      expect(r.phone).toMatch(/^\+2230000\d{4}$/);
    }
  });
});
