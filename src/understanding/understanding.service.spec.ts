import { Test } from '@nestjs/testing';
import { UnderstandingModule } from './understanding.module';
import { UnderstandingService } from './understanding.service';

describe('UnderstandingService', () => {
  let sut: UnderstandingService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [UnderstandingModule] }).compile();
    await moduleRef.init();
    sut = moduleRef.get(UnderstandingService);
  });

  it('reads needs, language and place from an SMS-style message', () => {
    const result = sut.analyze('slt jsuis rentré de libye jai rien pr manger, je suis à Kayes');

    expect(result.needs).toEqual(['food']);
    expect(result.language).toBe('fr');
    expect(result.urgent).toBe(false);
    expect(result.location).toEqual({ region: 'Kayes', place: 'Kayes' });
    expect(result.place?.region).toBe('Kayes');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('sends money tied to a purpose to that purpose', () => {
    expect(sut.analyze("je n'arrive pas à payer le loyer").needs).toContain('shelter');
    expect(sut.analyze('school fees for my children').needs).toEqual(['education']);
    expect(sut.analyze('wari tɛ n bolo').needs).toEqual(['cash']);
    expect(sut.analyze('wari tɛ n bolo ka so sara').needs).toEqual(['shelter']);
    expect(sut.analyze("pas d'argent pour les frais de scolarité").needs).toEqual(['education']);
    expect(sut.analyze("je suis fauché et mes enfants ne vont plus à l'école").needs).toEqual([
      'cash',
      'education',
    ]);
  });

  it.each([
    ['work', 'employment'],
    ['baara', 'employment'],
    ['wari', 'cash'],
    ['papiers', 'documents'],
    ['carte', 'documents'],
    ['bus', 'transport'],
  ])('reads a one-word answer %p as its need', (text, need) => {
    expect(sut.analyze(text).needs).toEqual([need]);
  });

  it('does not read a need told as background as a request', () => {
    expect(
      sut.analyze(
        'my new passport is ready at the office, I only need the bus fare to go and get it',
      ).needs,
    ).toEqual(['transport']);
  });

  it('finds several needs in one message', () => {
    const result = sut.analyze('I need work please and my kids are out of school');

    expect(result.needs).toEqual(expect.arrayContaining(['employment', 'education']));
  });

  it('marks an indirect suicidal message urgent, an idiom not', () => {
    expect(sut.analyze("n b'a fɛ ka sa").urgent).toBe(true);
    expect(sut.analyze('je meurs de faim').urgent).toBe(false);
  });

  it('gives greetings no need and no place', () => {
    const result = sut.analyze('i ni ce');

    expect(result.needs).toEqual([]);
    expect(result.location).toBeNull();
  });

  it('answers an empty message with an empty analysis', () => {
    expect(sut.analyze('   ')).toEqual({
      language: 'unknown',
      needs: [],
      urgent: false,
      location: null,
      confidence: 0,
      place: null,
    });
  });
});
