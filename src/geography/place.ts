export type PlaceLevel = 'region' | 'cercle' | 'commune';

// A named place of Mali; `region` is one of the 19 regions or "Bamako" (the district).
export interface Place {
  level: PlaceLevel;
  name: string;
  region: string;
  cercle?: string;
  commune?: string;
  lat: number;
  lon: number;
}

export interface LatLon {
  lat: number;
  lon: number;
}
