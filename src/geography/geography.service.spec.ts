import { Test } from '@nestjs/testing';
import { GeographyModule } from './geography.module';
import { GeographyService } from './geography.service';

describe('GeographyService', () => {
  let sut: GeographyService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GeographyModule] }).compile();
    sut = moduleRef.get(GeographyService);
  });

  it('is provided by GeographyModule and answers from the shipped gazetteer', () => {
    expect(sut.lookup('kayi')).toMatchObject({ name: 'Kayes', region: 'Kayes' });
    expect(sut.extract('jsuis a bko')).toMatchObject({ name: 'Bamako', level: 'region' });
    expect(sut.extract('merci beaucoup')).toBeNull();
    expect(sut.regions()).toHaveLength(20);
    expect(sut.places('region')).toHaveLength(20);
  });

  it('measures distances', () => {
    expect(sut.distanceKm({ lat: 12.639, lon: -8.003 }, { lat: 12.639, lon: -8.003 })).toBe(0);
    expect(sut.distanceKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.2, 0);
  });
});
