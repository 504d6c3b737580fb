import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { I18nService } from '../common/i18n/i18n.service';
import { IntervalTask } from '../common/interval-task';
import { LANGS, Lang } from '../common/i18n/lang';
import { isNeedCode } from '../common/needs';
import { GeographyService } from '../geography/geography.service';
import { DirectoryException, DirectoryExceptionCode } from './directory.exception';
import { DirectoryChange, DirectoryDelta, DirectoryStore } from './directory.store';
import { SEARCH_LIMIT, SearchQuery, SearchResult, ServiceDetails } from './directory.types';
import { DirectorySnapshot, ENTITIES, Entity, EntityRecords, WEEKDAYS } from './hsds/hsds.types';
import { Place } from './places';
import { HoursLabels } from './search/opening-hours';
import { SearchIndex } from './search/search-index';

// How often an instance checks whether another one changed the directory.
export const VERSION_POLL_MS = 5000;
const PLACE_CACHE_SIZE = 2000;

// Search is answered from memory (the hot path of every conversation); MongoDB is read only to
// rebuild the index after a change made here or, seen through the change counter, elsewhere.
@Injectable()
export class DirectoryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DirectoryService.name);
  private index = SearchIndex.empty();
  private loadedVersion = -1;
  private mirror: Mirror | null = null;
  private reloads: Promise<void> = Promise.resolve();
  // Other instances' writes show up as a new version: poll it, never two checks at once.
  private readonly versionPoll = new IntervalTask({
    run: async () => {
      if ((await this.store.version()) !== this.loadedVersion) await this.reload();
    },
    logger: this.logger,
    failure: 'Directory version check failed',
    level: 'warn',
  });
  private readonly places = new Map<string, Place | null>();
  private readonly labels: Record<Lang, HoursLabels>;

  constructor(
    private readonly store: DirectoryStore,
    private readonly geography: GeographyService,
    private readonly i18n: I18nService,
  ) {
    this.labels = Object.fromEntries(
      LANGS.map((lng) => [
        lng,
        {
          days: WEEKDAYS.map((d) => i18n.t(lng, `directory:days.${d.toLowerCase()}`)),
          always: i18n.t(lng, 'directory:hours.always'),
          unknown: i18n.t(lng, 'directory:hours.unknown'),
        },
      ]),
    ) as unknown as Record<Lang, HoursLabels>;
    // A failed rebuild must not fail the write that triggered it: the version poll retries.
    this.store.onChange((change) =>
      this.follow(change).catch((error: Error) =>
        this.logger.warn(`Directory reload failed: ${error.message}`),
      ),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.versionPoll.start(VERSION_POLL_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.versionPoll.stop();
  }

  get size(): number {
    return this.index.size;
  }

  async search(query: SearchQuery): Promise<SearchResult[]> {
    return this.searchNow(query);
  }

  // Synchronous core of search (what the benchmark times).
  searchNow(query: SearchQuery): SearchResult[] {
    for (const need of query.needs) {
      if (!isNeedCode(need)) {
        const message = this.i18n.t(query.lang ?? 'fr', 'directory:errors.unknownNeed', {
          need: String(need),
        });
        throw new DirectoryException(DirectoryExceptionCode.UNKNOWN_NEED, message, { need });
      }
    }
    const named = typeof query.place === 'string' && query.place.trim() !== '';
    const place = named
      ? this.resolvePlace(query.place as string)
      : typeof query.place === 'object'
        ? query.place
        : null;
    if (named && !place) {
      const message = this.i18n.t(query.lang ?? 'fr', 'directory:errors.unknownPlace', {
        place: query.place,
      });
      throw new DirectoryException(DirectoryExceptionCode.UNKNOWN_PLACE, message, {
        place: query.place,
      });
    }
    const limit = Math.min(
      SEARCH_LIMIT.max,
      Math.max(SEARCH_LIMIT.min, Math.trunc(query.limit ?? SEARCH_LIMIT.default)),
    );
    return this.index.search({
      needs: query.needs,
      place,
      lang: query.lang,
      person: query.person,
      openNow: query.openNow ?? false,
      at: query.at ?? new Date(),
      limit,
    });
  }

  async getService(id: string, lang: Lang = 'fr'): Promise<ServiceDetails | null> {
    return this.index.details(id, lang);
  }

  resolvePlace(name: string): Place | null {
    const key = name.trim().toLowerCase();
    if (this.places.has(key)) return this.places.get(key) ?? null;
    const place = this.geography.lookup(name);
    if (this.places.size >= PLACE_CACHE_SIZE) this.places.clear();
    this.places.set(key, place);
    return place;
  }

  // Serialised: a reload requested during another one runs after it, on fresh data.
  reload(): Promise<void> {
    return this.serialised(() => this.rebuild());
  }

  // This process's own write: the next version patches the mirror without reading anything back;
  // a version that skips one (another instance wrote meanwhile) reads everything again.
  private follow(change: DirectoryChange): Promise<void> {
    return this.serialised(async () => {
      if (change.version <= this.loadedVersion) return;
      if (!this.mirror || change.version !== this.loadedVersion + 1) return this.rebuild();
      applyDelta(this.mirror, change.delta);
      await this.reindex(change.version, 'patched');
    });
  }

  private serialised(step: () => Promise<void>): Promise<void> {
    this.reloads = this.reloads.then(step, step);
    return this.reloads;
  }

  async reloadIfChanged(): Promise<void> {
    await this.versionPoll.runNow().catch(() => undefined);
  }

  private async rebuild(): Promise<void> {
    const version = await this.store.version();
    const snapshot = await this.store.snapshot();
    this.mirror = mirrorOf(snapshot);
    await this.reindex(version, 'loaded');
  }

  private async reindex(version: number, how: string): Promise<void> {
    const started = Date.now();
    this.index = await SearchIndex.buildYielding(snapshotOf(this.mirror!), this.labels);
    this.loadedVersion = version;
    this.logger.log(
      `Directory index ${how}: ${this.index.size} services (version ${version}) in ${Date.now() - started} ms`,
    );
  }
}

// The stored directory as this process last saw it, by table and id.
type Mirror = { [E in Entity]: Map<string, EntityRecords[E]> };

function mirrorOf(snapshot: DirectorySnapshot): Mirror {
  return Object.fromEntries(
    ENTITIES.map((e) => [e, new Map((snapshot[e] as { _id: string }[]).map((r) => [r._id, r]))]),
  ) as unknown as Mirror;
}

function snapshotOf(mirror: Mirror): DirectorySnapshot {
  return Object.fromEntries(
    ENTITIES.map((e) => [e, [...mirror[e].values()]]),
  ) as unknown as DirectorySnapshot;
}

function applyDelta(mirror: Mirror, delta: DirectoryDelta): void {
  for (const entity of ENTITIES) {
    const table = mirror[entity] as Map<string, { _id: string }>;
    for (const record of (delta.upserted[entity] ?? []) as { _id: string }[])
      table.set(record._id, record);
    for (const id of delta.removed[entity] ?? []) table.delete(id);
  }
}
