import { GeographyException, GeographyErrorCode } from './geography.exception';

// 'locative': also an ordinary word, extracted only with a place context;
// 'strict': a very common word, extracted only with an explicit context.
export type Ambiguity = 'locative' | 'strict';

export interface RawNamed {
  name: string;
  lat: number;
  lon: number;
  variants?: string[];
  ambiguity?: Ambiguity;
}

export interface RawQuartierParent extends RawNamed {
  quartiers?: RawNamed[];
}

export interface RawCercle extends RawNamed {
  communes?: RawNamed[];
}

export interface RawRegion extends RawNamed {
  district?: boolean;
  cercles?: RawCercle[];
  communes?: RawQuartierParent[];
}

export interface GazetteerData {
  version: number;
  notes?: string[];
  regions: RawRegion[];
}

function fail(path: string, reason: string): never {
  throw new GeographyException(GeographyErrorCode.INVALID_DATA, `${path}: ${reason}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseNamed(value: unknown, path: string): RawNamed {
  if (!isObject(value)) fail(path, 'not an object');
  const { name, lat, lon, variants, ambiguity } = value;
  if (typeof name !== 'string' || name.trim() === '') fail(path, 'name missing');
  if (typeof lat !== 'number' || lat < 10 || lat > 25.5)
    fail(`${path}.${name}`, 'lat outside Mali');
  if (typeof lon !== 'number' || lon < -12.5 || lon > 4.5)
    fail(`${path}.${name}`, 'lon outside Mali');
  if (
    variants !== undefined &&
    !(Array.isArray(variants) && variants.every((v) => typeof v === 'string'))
  ) {
    fail(`${path}.${name}`, 'variants must be strings');
  }
  if (ambiguity !== undefined && ambiguity !== 'locative' && ambiguity !== 'strict') {
    fail(`${path}.${name}`, 'unknown ambiguity');
  }
  return { name, lat, lon, variants: (variants as string[] | undefined) ?? [], ambiguity };
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'not an array');
  return value;
}

// Validates the JSON shape so that a hand-edited data file fails loudly at load time.
export function parseGazetteerData(raw: unknown): GazetteerData {
  if (!isObject(raw) || !Array.isArray(raw.regions)) fail('gazetteer', 'regions missing');
  const regions = raw.regions.map((r, i): RawRegion => {
    const region = parseNamed(r, `regions[${i}]`);
    const obj = r as Record<string, unknown>;
    const where = `regions.${region.name}`;
    return {
      ...region,
      district: obj.district === true,
      cercles: list(obj.cercles, `${where}.cercles`).map((c, j): RawCercle => {
        const cercle = parseNamed(c, `${where}.cercles[${j}]`);
        const communes = list((c as Record<string, unknown>).communes, `${where}.${cercle.name}`);
        return {
          ...cercle,
          communes: communes.map((m, k) => parseNamed(m, `${where}.${cercle.name}[${k}]`)),
        };
      }),
      communes: list(obj.communes, `${where}.communes`).map((c, j): RawQuartierParent => {
        const commune = parseNamed(c, `${where}.communes[${j}]`);
        const quartiers = list(
          (c as Record<string, unknown>).quartiers,
          `${where}.${commune.name}`,
        );
        return {
          ...commune,
          quartiers: quartiers.map((q, k) => parseNamed(q, `${where}.${commune.name}[${k}]`)),
        };
      }),
    };
  });
  return {
    version: typeof raw.version === 'number' ? raw.version : 1,
    notes: Array.isArray(raw.notes)
      ? raw.notes.filter((n): n is string => typeof n === 'string')
      : [],
    regions,
  };
}
