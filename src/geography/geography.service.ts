import { Injectable } from '@nestjs/common';
import { Gazetteer } from './gazetteer';
import { LatLon, Place, PlaceLevel } from './place';

// Nest face of the gazetteer; the Gazetteer class itself stays usable without Nest (CLI, NLU).
@Injectable()
export class GeographyService {
  private readonly gazetteer = Gazetteer.default();

  lookup(name: string): Place | null {
    return this.gazetteer.lookup(name);
  }

  extract(text: string): Place | null {
    return this.gazetteer.extract(text);
  }

  regions(): string[] {
    return this.gazetteer.regions();
  }

  places(level?: PlaceLevel): Place[] {
    return this.gazetteer.places(level);
  }

  distanceKm(a: LatLon, b: LatLon): number {
    return this.gazetteer.distanceKm(a, b);
  }
}
