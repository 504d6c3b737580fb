// Benchmark of directory search over 20 000 generated services on the embedded database:
// npm run bench:directory [-- --services 20000 --queries 5000]
process.env.DOTENV_CONFIG_QUIET = 'true';

import { loadavg, cpus } from 'node:os';
import { Controller, Get, INestApplication, Logger, Module, Query } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { I18nModule } from '../src/common/i18n/i18n.module';
import { LANGS } from '../src/common/i18n/lang';
import { NEED_CODES } from '../src/common/needs';
import { EmbeddedMongoServer } from '../src/database/embedded/server';
import { DirectoryCoreModule } from '../src/directory/directory-core.module';
import { DirectoryService } from '../src/directory/directory.service';
import type { SearchQuery } from '../src/directory/directory.types';
import { DirectoryImporter } from '../src/directory/import/directory-importer';
import { GeographyService } from '../src/geography/geography.service';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const SERVICES = arg('services', 20_000);
const QUERIES = arg('queries', 5_000);
const HTTP_QUERIES = arg('http', 1_000);

// Deterministic pseudo-random numbers, so two runs search the same directory with the same queries.
let seed = 20_261_123;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

function generateDirectory(geography: GeographyService) {
  const communes = geography.places('commune');
  const organizations = Array.from({ length: 200 }, (_, i) => ({
    id: `o${i}`,
    name: `[DEMO] Organisation ${i}`,
  }));
  const locations = Array.from({ length: 4000 }, (_, i) => {
    const place = pick(communes);
    return {
      id: `l${i}`,
      organization_id: pick(organizations).id,
      latitude: Math.round((place.lat + (random() - 0.5) * 0.05) * 1e4) / 1e4,
      longitude: Math.round((place.lon + (random() - 0.5) * 0.05) * 1e4) / 1e4,
      addresses: [
        { city: place.commune ?? place.name, cercle: place.cercle, state_province: place.region },
      ],
    };
  });
  const services = [];
  const sals = [];
  const phones = [];
  const schedules = [];
  for (let i = 0; i < SERVICES; i++) {
    const id = `s${i}`;
    const needs = [...new Set([pick(NEED_CODES), ...(random() < 0.3 ? [pick(NEED_CODES)] : [])])];
    const eligibility = [
      ...(random() < 0.1 ? [pick(['female', 'male'])] : []),
      ...(random() < 0.2 ? ['returnees'] : []),
    ];
    services.push({
      id,
      organization_id: pick(organizations).id,
      name: `Service ${i}`,
      status: random() < 0.97 ? 'active' : 'inactive',
      attributes: [
        ...needs.map((code) => ({ taxonomy_term: { code, taxonomy: 'sira-need' } })),
        ...eligibility.map((code) => ({ taxonomy_term: { code, taxonomy: 'sira-eligibility' } })),
      ],
      languages: [
        { code: 'fr' },
        ...(random() < 0.7 ? [{ code: 'bm' }] : []),
        ...(random() < 0.1 ? [{ code: 'en' }] : []),
      ],
      ...(random() < 0.2 ? { minimum_age: 15, maximum_age: 35 } : {}),
      ...(random() < 0.01 ? { service_areas: [{ name: 'Mali' }] } : {}),
    });
    const sites = 1 + Math.floor(random() * 3);
    for (let s = 0; s < sites; s++)
      sals.push({ id: `${id}-${s}`, service_id: id, location_id: pick(locations).id });
    phones.push({
      id: `p${i}`,
      service_id: id,
      number: `+223 0000 ${String(i % 10_000).padStart(4, '0')}`,
    });
    schedules.push({
      id: `h${i}`,
      service_id: id,
      byday: 'MO,TU,WE,TH',
      opens_at: '08:00',
      closes_at: '16:00',
    });
    if (random() < 0.5)
      schedules.push({
        id: `h${i}b`,
        service_id: id,
        byday: 'FR',
        opens_at: '08:00',
        closes_at: '12:30',
      });
  }
  return { organizations, locations, services, service_at_locations: sals, phones, schedules };
}

function queries(geography: GeographyService): SearchQuery[] {
  const names = [
    ...geography.places('commune'),
    ...geography.places('cercle'),
    ...geography.places('region'),
  ].map((p) => p.name);
  const start = Date.parse('2026-11-23T00:00:00Z');
  return Array.from({ length: QUERIES }, () => ({
    needs: [pick(NEED_CODES)],
    place: pick(names),
    lang: pick(LANGS),
    openNow: random() < 0.3,
    at: new Date(start + Math.floor(random() * 7 * 24 * 60) * 60_000),
    person:
      random() < 0.3
        ? {
            sex: pick(['female', 'male'] as const),
            age: 18 + Math.floor(random() * 40),
            returnee: true,
          }
        : undefined,
    limit: 3,
  }));
}

function percentiles(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(3);
  console.log(
    `${label.padEnd(34)} n=${sorted.length}  p50 ${at(0.5)} ms  p90 ${at(0.9)} ms  p99 ${at(0.99)} ms  max ${sorted[sorted.length - 1].toFixed(3)} ms`,
  );
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// The search endpoint's work without authentication: what HTTP adds on top of the service.
@Controller('bench')
class BenchController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('search')
  search(@Query('need') need: string, @Query('place') place: string) {
    return this.directory.search({
      needs: [need as SearchQuery['needs'][number]],
      place,
      limit: 3,
    });
  }
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const server = new EmbeddedMongoServer();
  const { uri } = await server.start({ dataDir: null });
  @Module({
    imports: [I18nModule, MongooseModule.forRoot(`${uri}/bench_directory`), DirectoryCoreModule],
    controllers: [BenchController],
  })
  class BenchModule {}
  const moduleRef = await Test.createTestingModule({ imports: [BenchModule] }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const geography = app.get(GeographyService);
  const directory = app.get(DirectoryService);

  const doc = generateDirectory(geography);
  let start = process.hrtime.bigint();
  const report = await app.get(DirectoryImporter).importDocument(doc, 'generated.json');
  console.log(
    `import of ${SERVICES} services, ${doc.locations.length} locations, ${doc.service_at_locations.length} service_at_locations: ${(elapsedMs(start) / 1000).toFixed(1)} s (${report.issueCount} issues)`,
  );
  start = process.hrtime.bigint();
  await directory.reload();
  console.log(
    `index rebuild from the database: ${elapsedMs(start).toFixed(0)} ms (${directory.size} services)`,
  );

  // Wall-clock figures: a busy machine shows in the tail, so say how busy it was.
  const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`;
  console.log(load());
  const batch = queries(geography);
  for (const q of batch.slice(0, 500)) directory.searchNow(q);
  const service: number[] = [];
  // CPU time of this process: what the search costs when it is not waiting for a core
  const cpu: number[] = [];
  let results = 0;
  for (const q of batch) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    results += (await directory.search(q)).length;
    service.push(elapsedMs(t0));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  percentiles('DirectoryService.search', service);
  percentiles('  same, CPU time', cpu);
  console.log(`  (${(results / batch.length).toFixed(2)} results per query on average)`);

  // Searches keep being answered from the previous index while a rebuild runs.
  const during: number[] = [];
  let rebuilding = true;
  const rebuild = directory.reload().then(() => (rebuilding = false));
  for (let i = 0; rebuilding; i++) {
    const t0 = process.hrtime.bigint();
    await directory.search(batch[i % batch.length]);
    during.push(elapsedMs(t0));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await rebuild;
  percentiles('search during an index rebuild', during);

  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}/bench/search`;
  const http: number[] = [];
  for (let i = 0; i < HTTP_QUERIES + 100; i++) {
    const q = batch[i % batch.length];
    const t0 = process.hrtime.bigint();
    const res = await fetch(
      `${base}?need=${q.needs[0]}&place=${encodeURIComponent(String(q.place))}`,
    );
    await res.json();
    if (i >= 100) http.push(elapsedMs(t0));
  }
  percentiles('GET search over HTTP (no auth)', http);
  console.log(load());

  await app.close();
  await server.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
