import type { Lang } from '../../common/i18n/lang';
import type { SearchPerson, SearchReason } from '../directory.types';
import { haversineKm, Place, adminKey } from '../places';
import type { LocalTime, WeeklyHours } from './opening-hours';

// Geography decides the tier; within a tier the bonuses order results. A nearest site loses
// about one point per 2 km, so language (40) is worth roughly 80 km.
export const TIER_POINTS: Record<SearchReason, number> = {
  commune: 5000,
  cercle: 4000,
  region: 3000,
  nearest: 2000,
  national: 1000,
};
export const LANGUAGE_BONUS = 40;
export const OPEN_BONUS = 20;
export const RETURNEE_BONUS = 10;
const NEAREST_SPAN_KM = 1800;
const UNPLACED_POINTS = 500;
const NEAREST_POINTS = 899;

export interface RankedSite {
  regionKey: string;
  cercleKey: string;
  communeKey: string;
  lat: number | null;
  lon: number | null;
  hours: WeeklyHours | null;
}

export interface Rankable<S extends RankedSite = RankedSite> {
  languages: readonly string[];
  sex?: 'female' | 'male';
  minAge?: number;
  maxAge?: number;
  returneesOnly: boolean;
  national: boolean;
  hours: WeeklyHours | null;
  // every site keeps the service's hours: "open now" can be decided before looking at sites
  uniformHours: boolean;
  sites: readonly S[];
}

// The place asked for, reduced to comparison keys once per query.
export interface PlaceKeys {
  level: Place['level'];
  regionKey: string;
  cercleKey: string;
  communeKey: string;
  lat: number;
  lon: number;
}

// Places come from the directory's lookup cache, so their keys are computed once per place.
const keysOf = new WeakMap<Place, PlaceKeys>();

export function placeKeys(place: Place): PlaceKeys {
  let keys = keysOf.get(place);
  if (!keys) {
    keys = {
      level: place.level,
      regionKey: adminKey(place.region),
      cercleKey: adminKey(place.cercle ?? (place.level === 'cercle' ? place.name : undefined)),
      communeKey: adminKey(place.commune ?? (place.level === 'commune' ? place.name : undefined)),
      lat: place.lat,
      lon: place.lon,
    };
    keysOf.set(place, keys);
  }
  return keys;
}

export function isEligible(service: Rankable, person: SearchPerson | undefined): boolean {
  if (!person) return true;
  if (service.sex && person.sex && service.sex !== person.sex) return false;
  if (person.age !== undefined) {
    if (service.minAge !== undefined && person.age < service.minAge) return false;
    if (service.maxAge !== undefined && person.age > service.maxAge) return false;
  }
  if (service.returneesOnly && person.returnee === false) return false;
  return true;
}

export function siteTier(site: RankedSite, place: PlaceKeys): SearchReason {
  if (site.regionKey !== place.regionKey) return 'nearest';
  if (place.level === 'commune' && place.communeKey && site.communeKey === place.communeKey)
    return 'commune';
  if (place.level !== 'region' && place.cercleKey && site.cercleKey === place.cercleKey)
    return 'cercle';
  return 'region';
}

export interface Ranking<S extends RankedSite> {
  reason: SearchReason;
  site: S | null;
  distanceKm: number | null;
  open: boolean;
  score: number;
}

export interface RankContext {
  place: PlaceKeys | null;
  lang?: Lang;
  person?: SearchPerson;
  now: LocalTime;
  openNow: boolean;
  // one answer per distinct timetable and query
  openMemo: Map<WeeklyHours, boolean>;
}

function isOpenAt(hours: WeeklyHours, ctx: RankContext): boolean {
  let open = ctx.openMemo.get(hours);
  if (open === undefined) {
    open = hours.isOpen(ctx.now);
    ctx.openMemo.set(hours, open);
  }
  return open;
}

function nearestPoints(distanceKm: number): number {
  return Math.round(NEAREST_POINTS * (1 - Math.min(distanceKm, NEAREST_SPAN_KM) / NEAREST_SPAN_KM));
}

// The highest score a site this far away can reach.
export function nearestScoreCeiling(distanceKm: number): number {
  return (
    TIER_POINTS.nearest + nearestPoints(distanceKm) + LANGUAGE_BONUS + OPEN_BONUS + RETURNEE_BONUS
  );
}

// Null when the service must not be shown (ineligible, or closed when open-now is required).
export function rank<S extends RankedSite>(
  service: Rankable<S>,
  ctx: RankContext,
): Ranking<S> | null {
  if (!isEligible(service, ctx.person)) return null;
  if (ctx.openNow && service.uniformHours && !(service.hours && isOpenAt(service.hours, ctx))) {
    return null;
  }
  let best: S | null = null;
  let bestTier: SearchReason = 'nearest';
  let bestDistance: number | null = null;
  for (const site of service.sites) {
    const tier = ctx.place ? siteTier(site, ctx.place) : 'nearest';
    const distance =
      ctx.place && site.lat !== null && site.lon !== null
        ? haversineKm(ctx.place.lat, ctx.place.lon, site.lat, site.lon)
        : null;
    if (
      !best ||
      TIER_POINTS[tier] > TIER_POINTS[bestTier] ||
      (tier === bestTier && closer(distance, bestDistance))
    ) {
      best = site;
      bestTier = tier;
      bestDistance = distance;
    }
  }
  const reason: SearchReason = service.national && bestTier === 'nearest' ? 'national' : bestTier;
  const hours = best?.hours ?? service.hours;
  const open = hours ? isOpenAt(hours, ctx) : false;
  if (ctx.openNow && !open) return null;
  // Without a place nothing is near: services reaching the whole country come first.
  let score = !ctx.place && reason === 'nearest' ? UNPLACED_POINTS : TIER_POINTS[reason];
  if (reason === 'nearest' && bestDistance !== null) {
    score += nearestPoints(bestDistance);
  }
  if (ctx.lang && service.languages.includes(ctx.lang)) score += LANGUAGE_BONUS;
  if (open) score += OPEN_BONUS;
  if (service.returneesOnly && ctx.person?.returnee) score += RETURNEE_BONUS;
  return {
    reason,
    site: best,
    distanceKm: bestDistance === null ? null : Math.round(bestDistance * 10) / 10,
    open,
    score,
  };
}

function closer(a: number | null, b: number | null): boolean {
  return a !== null && (b === null || a < b);
}
