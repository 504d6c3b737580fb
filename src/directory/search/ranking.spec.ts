import { Gazetteer } from '../../geography/gazetteer';
import {
  isEligible,
  LANGUAGE_BONUS,
  nearestScoreCeiling,
  OPEN_BONUS,
  placeKeys,
  RETURNEE_BONUS,
  siteTier,
  TIER_POINTS,
} from './ranking';

const gazetteer = Gazetteer.default();
const siteAt = (name: string) => {
  const p = gazetteer.lookup(name)!;
  return { ...placeKeys(p), lat: p.lat, lon: p.lon, hours: null };
};

describe('ranking', () => {
  it('keeps the tiers apart whatever the bonuses', () => {
    const bonuses = LANGUAGE_BONUS + OPEN_BONUS + RETURNEE_BONUS;
    expect(TIER_POINTS.cercle + bonuses).toBeLessThan(TIER_POINTS.commune);
    expect(TIER_POINTS.region + bonuses).toBeLessThan(TIER_POINTS.cercle);
    expect(nearestScoreCeiling(0)).toBeLessThan(TIER_POINTS.region);
    expect(TIER_POINTS.national + bonuses).toBeLessThan(nearestScoreCeiling(Infinity) - bonuses);
    expect(nearestScoreCeiling(100)).toBeGreaterThan(nearestScoreCeiling(300));
  });

  it('places a site in the commune, cercle or region of the place asked for', () => {
    const kati = placeKeys(gazetteer.lookup('Kati')!);
    expect(siteTier(siteAt('Kati'), kati)).toBe('commune');
    expect(siteTier(siteAt('Kalaban Coro'), kati)).toBe('cercle');
    expect(siteTier(siteAt('Koulikoro'), kati)).toBe('region');
    expect(siteTier(siteAt('Commune IV'), kati)).toBe('nearest');
    // a region asked for matches every site of the region at region level
    const region = placeKeys({ ...gazetteer.lookup('Koulikoro')!, level: 'region' });
    expect(siteTier(siteAt('Kati'), region)).toBe('region');
  });

  it('checks sex, age range and returnees-only, and lets unknowns through', () => {
    const service = {
      languages: [],
      returneesOnly: true,
      sex: 'female' as const,
      minAge: 18,
      maxAge: 35,
      national: false,
      hours: null,
      uniformHours: true,
      sites: [],
    };
    expect(isEligible(service, undefined)).toBe(true);
    expect(isEligible(service, {})).toBe(true);
    expect(isEligible(service, { sex: 'female', age: 18, returnee: true })).toBe(true);
    expect(isEligible(service, { sex: 'male' })).toBe(false);
    expect(isEligible(service, { age: 17 })).toBe(false);
    expect(isEligible(service, { age: 36 })).toBe(false);
    expect(isEligible(service, { returnee: false })).toBe(false);
  });
});
