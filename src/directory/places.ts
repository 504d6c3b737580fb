import type { Place } from '../geography/place';

export type { Place } from '../geography/place';
import { placeKey } from '../geography/place-key';

// The part of the gazetteer (GeographyService) the directory needs; tests may pass a Gazetteer.
export interface PlaceLookup {
  lookup(name: string): Place | null;
}

// Comparison key of an admin name (spelling variants of the gazetteer fold together).
export function adminKey(name: string | undefined): string {
  return name ? placeKey(name) : '';
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Mali's bounding box with a small margin: coordinates outside it are a data error.
export const MALI_BOUNDS = { minLat: 10, maxLat: 25.1, minLon: -12.3, maxLon: 4.3 };
