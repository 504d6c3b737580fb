import { segmentCount, toGsm7 } from '../src/channels/sms-text';

import { ServiceHit } from './ports';

const BAMAKO = 'Bamako';
// A site of another cercle of the region this far away is worth a warning too.
const FAR_IN_REGION_KM = 25;
// Shortest a service name is cut to so that its message keeps to one SMS.
const MIN_NAME = 16;

// Where a site is, as a person reads it: a commune of the district says it is in Bamako.
export function placeLabel(place: string, region?: string): string {
  return region === BAMAKO && place !== BAMAKO && !place.startsWith(BAMAKO)
    ? `${BAMAKO} ${place}`
    : place;
}

// The distance to show when a site is away from the person's cercle, rounded as people say it.
export function awayKm(hit: ServiceHit): number | null {
  const km = hit.distanceKm;
  if (km === undefined || km === null) return null;
  const far = hit.reason === 'nearest' || (hit.reason === 'region' && km >= FAR_IN_REGION_KM);
  if (!far) return null;
  return km < 20 ? Math.max(1, Math.round(km)) : Math.round(km / 10) * 10;
}

export function smsSegments(text: string): number {
  return segmentCount(toGsm7(text));
}

// Composes a message around a service name, cutting the name at a word (with "...") until the
// message fits one SMS; a name too long to cut that far is kept whole (the shaper splits).
export function fitOneSms(compose: (name: string) => string, name: string): string {
  const full = compose(name);
  if (smsSegments(full) <= 1) return full;
  const words = name.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const cut = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:(-]+$/, '');
    if (cut.length < MIN_NAME) break;
    const text = compose(`${cut}...`);
    if (smsSegments(text) <= 1) return text;
  }
  return full;
}
