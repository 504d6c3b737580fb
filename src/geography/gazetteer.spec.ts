import { Gazetteer } from './gazetteer';
import { parseGazetteerData } from './gazetteer-data';
import { GeographyException } from './geography.exception';
import rawGazetteer from './data/mali-gazetteer.json';

const NEW_REGIONS_2023 = [
  'Taoudénit',
  'Ménaka',
  'Nioro',
  'Kita',
  'Dioïla',
  'Nara',
  'Bougouni',
  'Koutiala',
  'San',
  'Douentza',
  'Bandiagara',
];
const OLD_REGIONS = [
  'Kayes',
  'Koulikoro',
  'Sikasso',
  'Ségou',
  'Mopti',
  'Tombouctou',
  'Gao',
  'Kidal',
];

describe('Gazetteer', () => {
  const sut = Gazetteer.default();

  describe('data', () => {
    it('has the Bamako district and the 19 regions of 2023', () => {
      expect(sut.regions().sort()).toEqual(['Bamako', ...OLD_REGIONS, ...NEW_REGIONS_2023].sort());
    });

    it('holds at least 150 places with coordinates inside Mali', () => {
      const places = sut.places();
      expect(places.length).toBeGreaterThanOrEqual(150);
      for (const p of places) {
        expect(p.lat).toBeGreaterThan(10);
        expect(p.lat).toBeLessThan(25.5);
        expect(p.lon).toBeGreaterThan(-12.5);
        expect(p.lon).toBeLessThan(4.5);
        expect(sut.regions()).toContain(p.region);
      }
    });

    it('puts every place near the capital of its region (catches swapped coordinates)', () => {
      const capitals = new Map(sut.places('region').map((p) => [p.region, p]));
      for (const place of sut.places()) {
        const capital = capitals.get(place.region);
        if (!capital) throw new Error(`no capital for ${place.region}`);
        const limit = place.region === 'Bamako' ? 25 : place.region === 'Taoudénit' ? 500 : 300;
        expect([place.name, sut.distanceKm(place, capital) < limit]).toEqual([place.name, true]);
      }
    });

    it('keeps the six communes of Bamako', () => {
      const communes = sut
        .places('commune')
        .filter((p) => p.region === 'Bamako' && p.commune === p.name)
        .map((p) => p.name);
      expect(communes.sort()).toEqual(
        ['Commune I', 'Commune II', 'Commune III', 'Commune IV', 'Commune V', 'Commune VI'].sort(),
      );
    });

    it.each([
      ['Nioro du Sahel', 'Nioro'],
      ['Diéma', 'Nioro'],
      ['Yélimané', 'Kayes'],
      ['Kéniéba', 'Kayes'],
      ['Bafoulabé', 'Kayes'],
      ['Kita', 'Kita'],
      ['Kati', 'Koulikoro'],
      ['Kolokani', 'Koulikoro'],
      ['Banamba', 'Koulikoro'],
      ['Kangaba', 'Koulikoro'],
      ['Dioïla', 'Dioïla'],
      ['Nara', 'Nara'],
      ['Bougouni', 'Bougouni'],
      ['Yanfolila', 'Bougouni'],
      ['Kolondiéba', 'Bougouni'],
      ['Ouélessébougou', 'Bougouni'],
      ['Koutiala', 'Koutiala'],
      ['Yorosso', 'Koutiala'],
      ['Kadiolo', 'Sikasso'],
      ['San', 'San'],
      ['Tominian', 'San'],
      ['Macina', 'Ségou'],
      ['Niono', 'Ségou'],
      ['Barouéli', 'Ségou'],
      ['Djenné', 'Mopti'],
      ['Ténenkou', 'Mopti'],
      ['Youwarou', 'Mopti'],
      ['Bankass', 'Bandiagara'],
      ['Koro', 'Bandiagara'],
      ['Douentza', 'Douentza'],
      ['Diré', 'Tombouctou'],
      ['Goundam', 'Tombouctou'],
      ['Niafunké', 'Tombouctou'],
      ['Gourma-Rharous', 'Tombouctou'],
      ['Ansongo', 'Gao'],
      ['Bourem', 'Gao'],
      ['Ménaka', 'Ménaka'],
      ['Tessalit', 'Kidal'],
      ['Abeïbara', 'Kidal'],
      ['Araouane', 'Taoudénit'],
    ])('puts the cercle of %s in the region of %s', (cercle, region) => {
      const found = sut.places('cercle').find((p) => p.name === cercle);
      expect(found?.region).toBe(region);
    });

    it('rejects a malformed data file with a clear error', () => {
      expect(() => parseGazetteerData({ regions: [{ name: 'X', lat: 48.8, lon: 2.3 }] })).toThrow(
        GeographyException,
      );
      expect(() => parseGazetteerData({})).toThrow(/regions missing/);
    });

    it('builds from the raw JSON without duplicates of the same place', () => {
      const built = new Gazetteer(parseGazetteerData(rawGazetteer));
      const ids = built
        .places()
        .map((p) => `${p.level}|${p.region}|${p.cercle}|${p.commune}|${p.name}`);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('lookup', () => {
    it.each([
      ['Kayes', 'Kayes', 'Kayes'],
      ['kayi', 'Kayes', 'Kayes'],
      ['KAYES', 'Kayes', 'Kayes'],
      ['bko', 'Bamako', 'Bamako'],
      ['bamakò', 'Bamako', 'Bamako'],
      ['Bamakɔ', 'Bamako', 'Bamako'],
      ['segu', 'Ségou', 'Ségou'],
      ['sgou', 'Ségou', 'Ségou'],
      ['segou', 'Ségou', 'Ségou'],
      ['tombuctu', 'Tombouctou', 'Tombouctou'],
      ['timbuktu', 'Tombouctou', 'Tombouctou'],
      ['tumbutu', 'Tombouctou', 'Tombouctou'],
      ['Tombouctoo', 'Tombouctou', 'Tombouctou'],
      ['mopti', 'Mopti', 'Mopti'],
      ['moti', 'Mopti', 'Mopti'],
      ['sikaso', 'Sikasso', 'Sikasso'],
      ['sikasssso', 'Sikasso', 'Sikasso'],
      ['kutiala', 'Koutiala', 'Koutiala'],
      ['koutiyala', 'Koutiala', 'Koutiala'],
      ['gawo', 'Gao', 'Gao'],
      ['kidal', 'Kidal', 'Kidal'],
      ['taoudeni', 'Taoudénit', 'Taoudénit'],
      ['menaka', 'Ménaka', 'Ménaka'],
      ['nioro', 'Nioro du Sahel', 'Nioro'],
      ['dioila', 'Dioïla', 'Dioïla'],
      ['bandjagara', 'Bandiagara', 'Bandiagara'],
      ['douenza', 'Douentza', 'Douentza'],
      ['kati', 'Kati', 'Koulikoro'],
      ['Kalaban Coro', 'Kalaban Coro', 'Koulikoro'],
      ['kalabancoro', 'Kalaban Coro', 'Koulikoro'],
      ['kalaban-koro', 'Kalaban Coro', 'Koulikoro'],
      ['Kalaban Coura', 'Kalaban Coura', 'Bamako'],
      ['sebenikoro', 'Sébénikoro', 'Bamako'],
      ['Sébénikoro', 'Sébénikoro', 'Bamako'],
      ['djenne', 'Djenné', 'Mopti'],
      ['jenne', 'Djenné', 'Mopti'],
      ['Yelimane', 'Yélimané', 'Kayes'],
      ['kolondieba', 'Kolondiéba', 'Bougouni'],
      ['n tomikorobougou', "N'Tomikorobougou", 'Bamako'],
      ['faladie', 'Faladié', 'Bamako'],
      ['Sévaré', 'Sévaré', 'Mopti'],
      ['sevare', 'Sévaré', 'Mopti'],
      ['tessalit', 'Tessalit', 'Kidal'],
      ['point g', 'Point G', 'Bamako'],
      ['Yirimadio', 'Yirimadio', 'Bamako'],
      ['kaye', 'Kayes', 'Kayes'],
      ['bamak', 'Bamako', 'Bamako'],
      ['sikkasso', 'Sikasso', 'Sikasso'],
      ['Segouu', 'Ségou', 'Ségou'],
      ['je suis a bamako commune 4', 'Commune IV', 'Bamako'],
      ['pas loin de Ségou', 'Ségou', 'Ségou'],
    ])('finds %s as %s (%s)', (input, name, region) => {
      const place = sut.lookup(input);
      expect(place?.name).toBe(name);
      expect(place?.region).toBe(region);
    });

    it('prefers the town over the region and cercle of the same name', () => {
      expect(sut.lookup('Kayes')).toMatchObject({
        level: 'commune',
        cercle: 'Kayes',
        commune: 'Kayes',
      });
    });

    it('honours an explicit level', () => {
      expect(sut.lookup('région de Kayes')).toMatchObject({ level: 'region', name: 'Kayes' });
      expect(sut.lookup('region de segou')).toMatchObject({ level: 'region', name: 'Ségou' });
      expect(sut.lookup('cercle de Kati')).toMatchObject({ level: 'cercle', name: 'Kati' });
      expect(sut.lookup('ville de Kati')).toMatchObject({ level: 'commune', name: 'Kati' });
    });

    it('reads Bamako communes written with digits or roman numerals', () => {
      for (const input of ['commune 4', 'Commune IV', 'commune IV', 'commune4']) {
        expect(sut.lookup(input)).toMatchObject({ name: 'Commune IV', region: 'Bamako' });
      }
      expect(sut.lookup('Sébénikoro')).toMatchObject({ commune: 'Commune IV' });
      const numbered = ['I', 'II', 'III', 'IV', 'V', 'VI'].map((n) => `Commune ${n}`);
      for (const [i, name] of numbered.entries()) {
        expect(sut.lookup(name)).toMatchObject({ name });
        expect(sut.lookup(`commune ${i + 1}`)).toMatchObject({ name });
      }
    });

    it('accepts ambiguous names when the text answers a place question', () => {
      expect(sut.lookup('san')).toMatchObject({ name: 'San', region: 'San' });
      expect(sut.lookup('Diré')).toMatchObject({ name: 'Diré', region: 'Tombouctou' });
      expect(sut.lookup('koro')).toMatchObject({ name: 'Koro', region: 'Bandiagara' });
    });

    it('finds a place inside a short answer', () => {
      expect(sut.lookup('jsuis a kalaban coro')).toMatchObject({ name: 'Kalaban Coro' });
      expect(sut.lookup('je suis à Ségou')).toMatchObject({ name: 'Ségou' });
      expect(sut.lookup('n bɛ Sikasso')).toMatchObject({ name: 'Sikasso' });
    });

    it.each([
      '',
      '   ',
      'merci',
      'bonjour',
      'oui',
      'non',
      'travail',
      'machine',
      'maison',
      'hello',
      'thanks',
      'n mago bɛ baara la',
      'aw ni ce',
      '12345',
      '😀',
      'Paris',
      'Abidjan',
      'Tripoli',
      'je ne sais pas',
      '1',
      'gafe ni kaye',
    ])('returns null for %p', (input) => {
      expect(sut.lookup(input)).toBeNull();
    });
  });

  describe('extract', () => {
    it.each([
      ['slt jsuis a kayes jai besoin de travail', 'Kayes'],
      ['Bonjour, je suis à Ségou et je cherche du travail', 'Ségou'],
      ['JE SUIS A SIKASSO SVP AIDEZ MOI', 'Sikasso'],
      ['i need work in segou please', 'Ségou'],
      ['I am in Kati now, no money', 'Kati'],
      ['n mago bɛ baara la Kayes', 'Kayes'],
      ['n bɛ Bamako, n mago bɛ dumuni na', 'Bamako'],
      ['ne be sikaso', 'Sikasso'],
      ['je suis rentré à Gao depuis 2 mois', 'Gao'],
      ['jsuis a bko commune 4', 'Commune IV'],
      ['jhabite a sebenikoro', 'Sébénikoro'],
      ['Sébénikoro, Bamako', 'Sébénikoro'],
      ['Bamako Sébénikoro', 'Sébénikoro'],
      ['je vis à Kalaban Coro près de Bamako', 'Kalaban Coro'],
      ['I live in Kalaban-Coro', 'Kalaban Coro'],
      ['mon frère est à Tombouctou', 'Tombouctou'],
      ['on est a timbuktu', 'Tombouctou'],
      ['a tumbutu', 'Tombouctou'],
      ['jsuis a moti', 'Mopti'],
      ['je suis a Sévaré', 'Sévaré'],
      ['kutiala, besoin de formation', 'Koutiala'],
      ['gawo n be', 'Gao'],
      ['Je suis de Kayes mais je vis à Bamako', 'Bamako'],
      ['rentré de Libye, maintenant à Niono', 'Niono'],
      ['je suis a Djenné', 'Djenné'],
      ['im in yorosso', 'Yorosso'],
      ['a kolokani', 'Kolokani'],
      ['ma famille est a Yelimane', 'Yélimané'],
      ['slt chui a faladie', 'Faladié'],
      ['je suis à Koutiyala', 'Koutiala'],
      ['I stay for Kadiolo side', 'Kadiolo'],
      ['je suis à San', 'San'],
      ['je suis a san', 'San'],
      ['jsuis a san jai pas de travail', 'San'],
      ['I am in San', 'San'],
      ['San ville', 'San'],
      ['ville de San', 'San'],
      ['n bɛ San na', 'San'],
      ['je vis à Kita', 'Kita'],
      ['je suis a kita', 'Kita'],
      ['je suis a nara', 'Nara'],
      ['je vis à Diré', 'Diré'],
      ['cercle de dire', 'Diré'],
      ['je suis à Bla', 'Bla'],
      ['ville de Bla', 'Bla'],
      ['ville de Koro', 'Koro'],
      ['cercle de fana', 'Fana'],
      ['I live in Dire town', 'Diré'],
      ['je suis à Boré', 'Boré'],
      ['san', 'San'],
      ['ne bɛ kucala yan', 'Koutiala'],
      ['n sigilen bɛ Bugunin', 'Bougouni'],
      ['i dey kita, no work', 'Kita'],
      ['N SIGILEN BE SAN', 'San'],
      ['ne be kita yan', 'Kita'],
      ['jsui a menaka, je dors a la gare', 'Ménaka'],
      ["j'habite siksso", 'Sikasso'],
      ['bloqué à Tinzaouaten', 'Tinzaouaten'],
      ['we are stuck in In Khalil', 'In Khalil'],
      ['je suis a diboli a la frontiere', 'Diboli'],
      ['jsuis a kalaban', 'Kalaban Coro'],
      ['je suis à Bamako mais je veux rentrer à Kayes', 'Bamako'],
      ['I am in Gao, I want to go back to Mopti', 'Gao'],
      ["n bɛ Bamako, n b'a fɛ ka taa Kayes", 'Bamako'],
      ['je veux rentrer à Kayes', 'Kayes'],
      ['je suis rentré à Kayes la semaine passée', 'Kayes'],
      ['I came back to Sikasso from Libya', 'Sikasso'],
      ["n b'a fɛ ka taa San", 'San'],
      ['n bɛ Tumutu', 'Tombouctou'],
      ['n bɛ Ɲonon', 'Niono'],
      ['n bɛ Ɲɔrɔ', 'Nioro du Sahel'],
      ['n bɛ Jɛnnɛ', 'Djenné'],
      ['n bɛ Mɔti', 'Mopti'],
      ['n bɛ Jɔyila', 'Dioïla'],
      ['n bɛ Bajagara', 'Bandiagara'],
      ['n bɛ Dwɛnza', 'Douentza'],
      ['n bɛ Masina', 'Macina'],
      ['n bɛ Kulikɔrɔ', 'Koulikoro'],
    ])('finds the place in %p', (text, name) => {
      expect(sut.extract(text)?.name).toBe(name);
    });

    it.each([
      'slt jsuis rentré de libye jai rien pr manger',
      'I need work please any work',
      'n mago bɛ baara la',
      "j'ai rien à dire",
      "c'est à dire que je suis malade",
      'je veux dire merci',
      'dire la vérité',
      'a dire vrai je suis perdu',
      'n ye a san kunu',
      'n ye moto san',
      'san fila ni kɔ n bɛ Libi',
      'san kura',
      'n sera san saba',
      'sans travail depuis 3 mois',
      'je suis sans argent',
      'a nara kunu',
      'n balima nara',
      'bla bla bla',
      'Bla bla bla il ne répond pas',
      'n kɔrɔ ye baara sɔrɔ',
      'n koro bɛ Libi',
      'ma fana n mago bɛ wari la',
      'ne fana',
      'n dɔgɔ muso bana',
      'n dogo ka kan ka taa lekoli',
      'ils ont tapé sur moi à coups de bâton, koro',
      'Moussa Sy',
      'je m appelle Amadou Bamba',
      'je suis a san pedro',
      'I was in San Pedro before',
      'so kura',
      'a be ma fo',
      'je cherche une machine a coudre',
      'la machine est cassée',
      'je veux travailler dans le commerce',
      'aw ni ce',
      'merci beaucoup',
      'thank you very much',
      'BONJOUR JE CHERCHE DU TRAVAIL',
      'lɛrɛ joli',
      'duuru',
      'je veux rentrer à la maison',
      'I went to Tripoli',
      'il est à Paris',
      'je suis au Niger',
      'on me menace depuis que je suis rentrée',
      'il menace de me tuer',
      'help me start my own business selling clothes',
      'gafe ni kaye tɛ n denw bolo',
      "u b'a fɛ ka n denmuso furu a sago kɔ",
      'les enfants ont besoin de cahiers',
      'n ye nyenaaya sɔrɔ',
      'my cat is catty',
      'I ate curry',
      'i ka nimɔrɔ ye joli ye',
      'n mago bɛ masin na',
      'it is the same',
    ])('finds no place in %p', (text) => {
      expect(sut.extract(text)).toBeNull();
    });

    describe('when two places are named, the one where the writer is now', () => {
      it.each([
        ['je suis coincé à Bamako, je dois rentrer au village à Kita', 'Bamako'],
        ['je voudrais retourner chez moi à Kita mais je suis bloqué à Kati', 'Kati'],
        ['need bus money to reach my village near Kita, I am stuck in Kayes', 'Kayes'],
        ['pls how much be bus to Mopti? I dey Sévaré', 'Sévaré'],
        ["n bɛ Ségou, n b'a fɛ ka taa Nioro", 'Ségou'],
        ['je suis à la gare routière de Bamako, je veux rentrer à Gao', 'Bamako'],
        ['I was born in Nioro but I live in Kayes now', 'Kayes'],
        ['je suis née à Diéma, maintenant je vis à Kati', 'Kati'],
        ['ma soeur vit à Koutiala et moi à Sikasso', 'Sikasso'],
        ['my brother is in Kidal and I am stuck in Gao', 'Gao'],
        ['I dey Ségou, my people dey for Gao', 'Ségou'],
        ['n fa bɛ Kita, ne bɛ Kati', 'Kati'],
        ['n ba bɛ Nioro, n bɛ Kayes yan', 'Kayes'],
        ['je veux amener ma femme de Nioro à Kayes où je travaille', 'Kayes'],
        ['jsui a fana, le docteur est à Ségou', 'Fana'],
        ["l'ambassade est à Bamako mais je n'ai pas le transport depuis Ségou", 'Ségou'],
        ['mes papiers sont restés à Gao, je suis à Mopti', 'Mopti'],
        ['comment aller de Mopti à Bamako ?', 'Mopti'],
        ['I need fare from Kayes to Bamako', 'Kayes'],
        ['arrivé ce matin de Gao à Bamako, je cherche un logement', 'Bamako'],
        ["I'm going to Kayes tomorrow from Bamako", 'Bamako'],
        ['we moved to Ségou from Mopti', 'Ségou'],
        ['n tun bɛ Gao, sisan n bɛ Mopti', 'Mopti'],
        ['I was stuck in Gao for 2 weeks, now I am in Bamako', 'Bamako'],
        ["mon patron m'a envoyé à Kayes, je suis à Bamako", 'Bamako'],
        ['my passport dey for Kayes office, but i dey Bamako', 'Bamako'],
        ["expulsé d'Algérie, arrivé à Gao puis venu à Bamako", 'Bamako'],
        ['mes enfants sont restés au village à Bandiagara et moi je suis à Mopti', 'Mopti'],
        ['I born for Sikasso but I dey stay Bamako now', 'Bamako'],
        ['je dors à la gare de Bamako, je veux aller à Kita chez mon oncle', 'Bamako'],
        ['bjr, à la gare de Bamako, il me faut le car pour Kita', 'Bamako'],
      ])('%p -> %p', (text, name) => {
        expect(sut.extract(text)?.name).toBe(name);
      });
    });

    describe('ordinary words spelled like a place', () => {
      it.each([
        'n senw bɛ dimi kosɛbɛ',
        'ma soeur est menacée par son mari',
        'u ko n fatora',
        'a ma kende',
        'n ka ko ɲɛna',
        'so dɔgɔman bɛ yen wa',
        'pèlerinage à la Mecque et Médine',
        'n bɛ sunɔgɔ misiri la',
        'je suis menacée',
        'ayi, fatora, n tɛ se',
      ])('are not places in %p', (text) => {
        expect(sut.extract(text)).toBeNull();
      });

      it.each([
        ['je suis a Tombuctoo', 'Tombouctou'],
        ['n bɛ Duwɛnza', 'Douentza'],
        ['Duwenza, pas de travail ici', 'Douentza'],
        ['I dey Sikassso', 'Sikasso'],
        ['Jsuis a Bamakoo', 'Bamako'],
        ['je vis a Niamakorro', 'Niamakoro'],
        ["je suis à Ménaka, on m'a menacée", 'Ménaka'],
        ['ici niamakorro pas de travail', 'Niamakoro'],
        ['je suis bamakoo', 'Bamako'],
        ['n bɛ Gosi', 'Gossi'],
      ])('still reads a misspelt place where a place is expected: %p', (text, name) => {
        expect(sut.extract(text)?.name).toBe(name);
      });
    });

    it.each([
      ['mon fils est hospitalisé à Gabriel Touré', 'Bamako'],
      ['on a volé mon sac au marché de Médine', 'Bamako'],
    ])('reads a landmark as the place it is in: %p', (text, region) => {
      expect(sut.extract(text)?.region).toBe(region);
    });

    it('returns the full hierarchy of the place', () => {
      expect(sut.extract('je suis a kalaban coro')).toEqual({
        level: 'commune',
        name: 'Kalaban Coro',
        region: 'Koulikoro',
        cercle: 'Kati',
        commune: 'Kalaban Coro',
        lat: expect.any(Number),
        lon: expect.any(Number),
      });
    });

    it('returns copies that callers cannot use to corrupt the gazetteer', () => {
      const place = sut.extract('je suis a Gao');
      if (place) place.region = 'Paris';
      expect(sut.extract('je suis a Gao')?.region).toBe('Gao');
    });
  });

  describe('real-style messages (region of the place named, or none)', () => {
    const REAL_STYLE: [string, string | null][] = [
      ['bonsoir je suis a bamako niamakoro', 'Bamako'],
      ['jsuis o mali depuis 1 semaine', null],
      ['slt je suis à Sévaré chez mon oncle', 'Mopti'],
      ['I am at Kayes N Di', 'Kayes'],
      ['i dey for sikasso', 'Sikasso'],
      ['n bɛ Segu ka baara ɲini', 'Ségou'],
      ['ne sigilen bɛ Kati', 'Koulikoro'],
      ['an bɛ Gao', 'Gao'],
      ['je vis a kati ville', 'Koulikoro'],
      ['je suis a faladie sokoro', 'Bamako'],
      ['I stay at Banconi', 'Bamako'],
      ['je suis au quartier mali', 'Bamako'],
      ['je suis à Koutiala au marché', 'Koutiala'],
      ['on est à djenné', 'Mopti'],
      ['nous sommes a tombouctou ville', 'Tombouctou'],
      ['i am from kita but live in bamako', 'Bamako'],
      ['BKO COMMUNE 6', 'Bamako'],
      ['je suis a yirimadio', 'Bamako'],
      ['jsuis a magnambougou', 'Bamako'],
      ['n be kalabankoro', 'Koulikoro'],
      ['je suis rentré au village a Diéma', 'Nioro'],
      ['mon village c est bafoulabe', 'Kayes'],
      ['we are in Menaka', 'Ménaka'],
      ['i live at bougouni', 'Bougouni'],
      ['n bɛ Nioro', 'Nioro'],
      ['je suis à nioro du sahel', 'Nioro'],
      ['à bandiagara', 'Bandiagara'],
      ['suis a ansongo', 'Gao'],
      ['kidal', 'Kidal'],
      ['Je suis à Mopti', 'Mopti'],
      ['je suis bien arrivé', null],
      ['ma mere est malade', null],
      ['I need work', null],
      ['n ma dumuni sɔrɔ', null],
      ['je veux une machine', null],
      ['il me faut une formation', null],
      ['ya pas de travail ici', null],
      ['on ne me paye pas', null],
      ['je dors sous un hangar', null],
      ['je veux retourner en Libye', null],
      ['I was in Algeria for 3 years', null],
      ['a ye n gɛn ka bɔ so', null],
      ['n ba bɛ kasi', null],
      ['san kelen ni kɔ', null],
      ['dire merci', null],
      ['ne fana', null],
      ['n dɔgɔ bɛ lakɔli la', null],
      ['bla bla', null],
      ['ton frère est où', null],
      ['mon frère est a la maison', null],
      ['le bus est parti', null],
      ['je suis sans rien', null],
      ['i want to see a doctor', null],
      ['my boss is bad', null],
      ['I feel lonely', null],
      ['my kids', null],
      ['aidez moi svp', null],
      ['koro ye n bugɔ', null],
      ['bara', null],
      ['Sira ye mun ye', null],
    ];

    it.each(REAL_STYLE)('%p -> %p', (text, region) => {
      expect(sut.extract(text)?.region ?? null).toBe(region);
    });
  });

  describe('distanceKm', () => {
    it('measures great-circle distances between towns', () => {
      const bamako = sut.lookup('Bamako');
      const kayes = sut.lookup('Kayes');
      const gao = sut.lookup('Gao');
      if (!bamako || !kayes || !gao) throw new Error('missing towns');
      expect(sut.distanceKm(bamako, kayes)).toBeGreaterThan(380);
      expect(sut.distanceKm(bamako, kayes)).toBeLessThan(450);
      expect(sut.distanceKm(bamako, gao)).toBeGreaterThan(900);
      expect(sut.distanceKm(bamako, gao)).toBeLessThan(1050);
      expect(sut.distanceKm(gao, gao)).toBe(0);
    });
  });
});
