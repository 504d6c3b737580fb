import { ServiceHit } from './ports';
import { awayKm, fitOneSms, placeLabel, smsSegments } from './service-text';

describe('service text', () => {
  it('says a commune of the district is in Bamako', () => {
    expect(placeLabel('Commune I', 'Bamako')).toBe('Bamako Commune I');
    expect([
      placeLabel('Bamako', 'Bamako'),
      placeLabel('Kayes', 'Kayes'),
      placeLabel('Gao'),
    ]).toEqual(['Bamako', 'Kayes', 'Gao']);
  });

  it('cuts a long service name at a word so that the message keeps to one SMS', () => {
    const name =
      'Centre de formation professionnelle et d apprentissage des metiers du batiment et des travaux';
    const compose = (n: string) =>
      `C'est fait: ${n}, Bamako Commune VI, tel +223 76 12 34 56. Code: K7M4P2. MENU: un autre besoin.`;
    expect(smsSegments(compose(name))).toBe(2);
    const sut = fitOneSms(compose, name);
    expect(smsSegments(sut)).toBe(1);
    expect(sut).toMatch(
      /^C'est fait: Centre de formation .+\.\.\., Bamako Commune VI, tel \+223 76 12 34 56\. Code: K7M4P2/,
    );
    expect(fitOneSms(compose, 'Guichet emploi')).toBe(compose('Guichet emploi'));
  });

  it('gives a rounded distance only for a site away from the person', () => {
    const hit = (reason: ServiceHit['reason'], distanceKm: number | null): ServiceHit => ({
      serviceId: 's',
      name: 'n',
      organization: 'o',
      place: 'p',
      phone: null,
      hours: '',
      reason,
      distanceKm,
    });
    expect(
      [
        hit('nearest', 217.1),
        hit('nearest', 14),
        hit('nearest', 0.2),
        hit('region', 95.3),
        hit('region', 7.2),
      ].map(awayKm),
    ).toEqual([220, 14, 1, 100, null]);
    expect(
      [hit('commune', 300), hit('national', null), hit('nearest', null), hit(undefined, 50)].map(
        awayKm,
      ),
    ).toEqual([null, null, null, null]);
  });
});
