import { createTestApp, TestApp } from '../harness/app';
import { authHeader, login, loginAs } from '../harness/auth';
import { NEED_CODES } from '../../src/common/needs';
import { DirectoryService } from '../../src/directory/directory.service';

// Monday 10:00 and Saturday 10:00 in Bamako (UTC+0)
const MONDAY = '2026-11-23T10:00:00Z';
const SATURDAY = '2026-11-28T10:00:00Z';

describe('directory search and admin API (full app)', () => {
  let t: TestApp;
  let admin: string;
  let caseworker: string;

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? authHeader(token) : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const search = async (query: string, token = caseworker) =>
    call('GET', `/api/services/search?${query}`, token);
  const ids = (body: { serviceId: string }[]) => body.map((r) => r.serviceId);

  const location = (id: string, commune: string) =>
    call('POST', '/api/directory/locations', admin, { id, organization_id: 'org', commune });
  const service = (id: string, locations: string[], extra: Record<string, unknown> = {}) =>
    call('POST', '/api/directory/services', admin, {
      id,
      organization_id: 'org',
      name: id,
      needs: ['employment'],
      languages: ['fr'],
      location_ids: locations,
      phone: '+223 0000 0100',
      schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '16:00' }],
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp({ DIRECTORY_DEMO_SEED: 'off' });
    admin = (await login(t.baseUrl, t.config.adminEmail, t.config.adminPassword)).token;
    caseworker = (await loginAs(t, 'caseworker')).token;
    expect(
      (
        await call('POST', '/api/directory/organizations', admin, {
          id: 'org',
          name: '[DEMO] Réseau test',
        })
      ).status,
    ).toBe(201);
    for (const [id, commune] of [
      ['loc-kati', 'Kati'],
      ['loc-kalaban', 'Kalaban Coro'],
      ['loc-koulikoro', 'Koulikoro'],
      ['loc-bamako', 'Commune IV'],
      ['loc-kayes', 'Kayes'],
    ]) {
      expect((await location(id, commune)).status).toBe(201);
    }
    const created = [
      await service('commune', ['loc-kati']),
      await service('cercle', ['loc-kalaban']),
      await service('region', ['loc-koulikoro']),
      await service('near', ['loc-bamako']),
      await service('far', ['loc-kayes']),
      await service('national', [], { national: true, languages: ['fr', 'bm', 'en'] }),
      await service('women', ['loc-kati'], { eligibility: ['female'], needs: ['protection'] }),
      await service('youth', ['loc-kati'], {
        minimum_age: 15,
        maximum_age: 35,
        needs: ['protection'],
      }),
      await service('returnees', ['loc-kati'], {
        eligibility: ['returnees'],
        needs: ['protection'],
      }),
      await service('b-bambara', ['loc-kati'], { languages: ['fr', 'bm'], needs: ['health'] }),
      await service('a-french', ['loc-kati'], { needs: ['health'] }),
      await service('saturday', ['loc-kati'], {
        needs: ['food'],
        schedules: [{ byday: 'SA', opens_at: '09:00', closes_at: '12:00' }],
      }),
      await service('weekdays', ['loc-kati'], { needs: ['food'] }),
    ];
    expect(created.map((c) => c.status)).toEqual(created.map(() => 201));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('requires a signed-in user', async () => {
    expect((await search('need=employment&place=Kati', '')).status).toBe(401);
  });

  it('falls back from commune to cercle, region, nearest and national, with a reason each', async () => {
    const { status, body } = await search('need=employment&place=Kati&lang=fr&limit=10');
    expect(status).toBe(200);
    expect(body.map((r: { serviceId: string; reason: string }) => [r.serviceId, r.reason])).toEqual(
      [
        ['commune', 'commune'],
        ['cercle', 'cercle'],
        ['region', 'region'],
        ['near', 'nearest'],
        ['far', 'nearest'],
        ['national', 'national'],
      ],
    );
    expect(body[0]).toEqual({
      serviceId: 'commune',
      name: 'commune',
      organization: '[DEMO] Réseau test',
      need: 'employment',
      place: 'Kati',
      region: 'Koulikoro',
      phone: '+22300000100',
      hours: 'lun-ven 08:00-16:00',
      reason: 'commune',
      distanceKm: expect.any(Number),
      score: expect.any(Number),
    });
    expect(body[3].distanceKm).toBeLessThan(body[4].distanceKm);
    expect(ids((await search('need=employment&place=Kati&limit=3')).body)).toEqual([
      'commune',
      'cercle',
      'region',
    ]);
  });

  it('prefers services speaking the person’s language', async () => {
    expect(ids((await search('need=health&place=Kati&lang=bm')).body)).toEqual([
      'b-bambara',
      'a-french',
    ]);
    expect(ids((await search('need=health&place=Kati&lang=fr')).body)).toEqual([
      'a-french',
      'b-bambara',
    ]);
  });

  it('keeps only services the person is eligible for', async () => {
    expect(
      ids((await search('need=protection&place=Kati&sex=male&age=50&returnee=false')).body),
    ).toEqual([]);
    expect(
      ids((await search('need=protection&place=Kati&sex=female&age=20&returnee=true')).body).sort(),
    ).toEqual(['returnees', 'women', 'youth']);
    expect(ids((await search('need=protection&place=Kati&sex=male&age=20')).body).sort()).toEqual([
      'returnees',
      'youth',
    ]);
  });

  it('filters on opening hours in Bamako time at a given instant', async () => {
    expect(ids((await search(`need=food&place=Kati&openNow=true&at=${SATURDAY}`)).body)).toEqual([
      'saturday',
    ]);
    expect(ids((await search(`need=food&place=Kati&openNow=true&at=${MONDAY}`)).body)).toEqual([
      'weekdays',
    ]);
    const en = await search(`need=food&place=Kati&lang=en&at=${MONDAY}`);
    expect(en.body.find((r: { serviceId: string }) => r.serviceId === 'saturday').hours).toBe(
      'Sat 09:00-12:00',
    );
  });

  it('answers 400 with a reason for bad parameters', async () => {
    const unknownNeed = await search('need=astrology&place=Kati');
    expect(unknownNeed.status).toBe(400);
    expect(JSON.stringify(unknownNeed.body.message)).toContain('need must be among');
    expect((await search('need=employment&limit=0')).status).toBe(400);
    expect((await search('need=employment&limit=51')).status).toBe(400);
    expect((await search('place=Kati')).status).toBe(400);
    expect((await search('need=employment&at=yesterday')).status).toBe(400);
    const place = await search('need=employment&place=Xyzville');
    expect(place).toEqual({
      status: 400,
      body: expect.objectContaining({
        code: 'UNKNOWN_PLACE',
        place: 'Xyzville',
        message: 'lieu inconnu : Xyzville',
      }),
    });
    expect((await search('need=employment&place[$ne]=x')).status).toBe(400);
  });

  it('gives one service with its sites and provider phone', async () => {
    const { status, body } = await call('GET', '/api/services/commune?lang=en', caseworker);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      serviceId: 'commune',
      phone: '+22300000100',
      sites: [expect.objectContaining({ place: 'Kati', cercle: 'Kati', region: 'Koulikoro' })],
    });
    expect((await call('GET', '/api/services/nope', caseworker)).status).toBe(404);
  });

  it('lets only admins change the directory, validates and keeps search in step', async () => {
    expect(
      (
        await call('POST', '/api/directory/services', caseworker, {
          organization_id: 'org',
          name: 'x',
          needs: ['food'],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/directory/services', admin, {
          organization_id: 'org',
          name: 'x',
          needs: ['astrology'],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/directory/services', admin, {
          organization_id: 'ghost',
          name: 'x',
          needs: ['food'],
        })
      ).body,
    ).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(
      (
        await call('POST', '/api/directory/services', admin, {
          organization_id: 'org',
          name: 'x',
          needs: ['food'],
          location_ids: ['ghost'],
        })
      ).body,
    ).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
    expect(
      (
        await call('POST', '/api/directory/locations', admin, {
          commune: 'Paris',
          region: 'Île-de-France',
        })
      ).body,
    ).toMatchObject({ code: 'INVALID_RECORD' });
    expect(
      (await call('POST', '/api/directory/organizations', admin, { id: 'org', name: 'again' }))
        .status,
    ).toBe(409);

    const location = await call('POST', '/api/directory/locations', admin, {
      organization_id: 'org',
      commune: 'Sévaré',
    });
    expect(location.body).toMatchObject({
      commune: 'Sévaré',
      cercle: 'Mopti',
      region: 'Mopti',
      latitude: expect.any(Number),
    });
    const created = await service('new-one', [location.body.id], { needs: ['legal'] });
    expect(created.status).toBe(201);
    expect(ids((await search('need=legal&place=Sevare')).body)).toEqual(['new-one']);

    const updated = await call('PUT', '/api/directory/services/new-one', admin, {
      organization_id: 'org',
      name: 'Renamed',
      needs: ['legal'],
      status: 'inactive',
    });
    expect(updated.status).toBe(200);
    expect(ids((await search('need=legal&place=Sevare')).body)).toEqual([]);
    expect((await call('GET', '/api/directory/services/new-one', admin)).body).toMatchObject({
      id: 'new-one',
      name: 'Renamed',
      status: 'inactive',
    });

    expect((await call('DELETE', '/api/directory/organizations/org', admin)).status).toBe(409);
    expect((await call('DELETE', '/api/directory/services/new-one', admin)).status).toBe(204);
    expect((await call('GET', '/api/directory/services/new-one', admin)).status).toBe(404);
    expect((await call('GET', '/api/directory/services?limit=2', admin)).body).toHaveLength(2);
  });

  it('documents the routes in OpenAPI', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    const doc = (await res.json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/services/search',
        '/api/services/{id}',
        '/api/directory/services/{id}',
        '/api/directory/locations',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['SearchResultDto', 'CreateServiceDto', 'ScheduleDto']),
    );
  });

  it('keeps a second instance on the same database in step through the change counter', async () => {
    const other = await createTestApp(
      { DIRECTORY_DEMO_SEED: 'off', TEST_DB_NAME: t.config.mongodbUri!.split('/').pop()! },
      t.db,
    );
    try {
      const before = other.app
        .get(DirectoryService)
        .searchNow({ needs: ['education'], place: 'Kati' });
      expect(before).toEqual([]);
      expect((await service('school', ['loc-kati'], { needs: ['education'] })).status).toBe(201);
      await other.app.get(DirectoryService).reloadIfChanged();
      expect(
        ids(other.app.get(DirectoryService).searchNow({ needs: ['education'], place: 'Kati' })),
      ).toEqual(['school']);

      // the writer patched its index in memory; a fresh read of the database agrees with it
      expect(other.app.get(DirectoryService).size).toBe(t.app.get(DirectoryService).size);
      expect(await t.app.get(DirectoryService).getService('new-one')).toBeNull();
      for (const need of NEED_CODES) {
        for (const place of ['Kati', 'Kayes', 'Sévaré', undefined]) {
          const query = { needs: [need], place, limit: 50, at: new Date(MONDAY) };
          expect(other.app.get(DirectoryService).searchNow(query)).toEqual(
            t.app.get(DirectoryService).searchNow(query),
          );
        }
      }
    } finally {
      await other.close();
    }
  });
});
