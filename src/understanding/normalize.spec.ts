import { readFileSync } from 'fs';
import { join } from 'path';
import { foldAccents, normalize, tokenize, tokens } from './normalize';

describe('normalize', () => {
  it.each([
    // French SMS
    [
      'slt jsuis rentré de libye jai rien pr manger',
      'salut je suis rentre de libye je ai rien pour manger',
    ],
    ['Bjr, jcherche du travail svp', 'bonjour je cherche du travail si il vous plait'],
    ['bsr chui ds la rue', 'bonsoir je suis dans la rue'],
    ['g faim', 'je ai faim'],
    ['c pas facile', 'ce est pas facile'],
    ["c'est dur", 'ce est dur'],
    ['j ai besoin 2 travail', 'je ai besoin de travail'],
    ["j'ai besoin d'argent", 'je ai besoin de argent'],
    ['besoin d argent', 'besoin de argent'],
    ['je n ai rien', 'je ne ai rien'],
    ['kk1 peut m aider?', 'quelque un peut me aider'],
    ['d1 travail', 'de un travail'],
    ['tjrs pas de boulot', 'toujours pas de boulot'],
    ['pk personne repond', 'pourquoi personne repond'],
    ['bcp de pb', 'beaucoup de probleme'],
    ['qd je suis rentré', 'quand je suis rentre'],
    ['tt est fini', 'tout est fini'],
    ['mm pas 1000f', 'meme pas 1000f'],
    ["s'il vous plaît", 'si il vous plait'],
    ['stp', 'si il te plait'],
    ['svppp aidez moiiii', 'si il vous plait aidez moi'],
    ['AIDEEEE', 'aide'],
    ['meeerci', 'merci'],
    ['mon mari me frrappe', 'mon mari me frappe'],
    ['ÇA VA PAS', 'ca va pas'],
    ['jvoulais du travail', 'je voulais du travail'],
    ['jdors dehors', 'je dors dehors'],
    ['jsp koi faire', 'je sais pas quoi faire'],
    ['cv ?', 'ca va'],
    ['dacc merci', 'de accord merci'],
    ['i will b there', 'i will be there'],
    ['gr8 tnx', 'great thanks'],
    // English and West African English
    ['I need work pls, any work', 'i need work please any work'],
    ['plz help', 'please help'],
    ['can u help me', 'can you help me'],
    ['my kids r hungry', 'my kids are hungry'],
    ['d money don finish', 'the money don finish'],
    ['i want 2 work', 'i want to work'],
    ['4 my kids', 'for my kids'],
    ["I don't have money", 'i do not have money'],
    ["i can't sleep", 'i can not sleep'],
    ["i'm hungry", 'i am hungry'],
    ['im hungry tnx', 'i am hungry thanks'],
    ['i wanna go home', 'i want to go home'],
    ['pleaseeee', 'please'],
    ['I NEED TO SEE A DOCTOR', 'i need to see a doctor'],
    ['my husband is goooing to kill me', 'my husband is going to kill me'],
    ['nothing in ma pocket', 'nothing in my pocket'],
    ['hello ma', 'hello ma'],
    ['jai perdu contact avc ma mere', 'je ai perdu contact avec ma mere'],
    ['ya pa de travail', 'il y a pas de travail'],
    // Bambara
    ['n mago bɛ baara la', 'n mago be baara la'],
    ['N MAGO BÈ BAARA LA', 'n mago be baara la'],
    ['ɲɛnamaya', 'nyenamaya'],
    ['sɔrɔ', 'soro'],
    ['ŋaniya', 'nganiya'],
    ["ne b'a fɛ ka taa", 'ne be a fe ka taa'],
    ["n t'a fɛ", 'n te a fe'],
    ["a k'a fɔ", 'a ka a fo'],
    ['N B A FE KA MOULIN SORO', 'n be a fe ka moulin soro'],
    ['u ye n gɛn', 'u ye n gen'],
    ['BARIKAAAA', 'barika'],
    ['baaaara', 'baara'],
    ['nbe baara nyini', 'n be baara nyini'],
    ['inice', 'i ni ce'],
    ['doumouni tɛ', 'dumuni te'],
    ['an ka dumuni banna', 'an ka dumuni banna'],
    ['n ka ba bana', 'n ka ba bana'],
  ])('%p -> %p', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('keeps numbers that count things', () => {
    expect(normalize("j'ai 2 enfants")).toBe('je ai 2 enfants');
    expect(normalize('2 mois sans travail')).toBe('2 mois sans travail');
    expect(normalize('2 years ago')).toBe('2 years ago');
    expect(normalize('i have 4 kids')).toBe('i have 4 kids');
    expect(normalize('n ye san 2 ke libi')).toContain('2');
    expect(normalize('76 12 34 56')).toBe('76 12 34 56');
  });

  it('does not read Bambara pronouns as English SMS', () => {
    expect(normalize('u ye n bugo')).toBe('u ye n bugo');
    expect(normalize('n be n denw fe')).toBe('n be n denw fe');
  });

  it('reads the same short form by the language around it', () => {
    expect(normalize('c bon merci')).toBe('ce est bon merci');
    expect(normalize('i will c you')).toBe('i will see you');
    expect(normalize('u are good')).toBe('you are good');
  });

  it('returns an empty string for empty, emoji-only or punctuation-only text', () => {
    expect(normalize('')).toBe('');
    expect(normalize('🙏🙏')).toBe('');
    expect(normalize('?!...')).toBe('');
  });

  it('is idempotent on every message of the language dev list', () => {
    const texts = readFileSync(join(__dirname, 'data', 'language-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const unstable = texts.filter((t) => normalize(normalize(t)) !== normalize(t));
    expect(unstable).toEqual([]);
  });

  it('is idempotent on its own output', () => {
    for (const text of [
      'slt jsuis a bko jai faim',
      'u ye n gɛn',
      'I need work pls',
      'c pas facile',
    ]) {
      const once = normalize(text);
      expect(normalize(once)).toBe(once);
    }
  });
});

describe('tokenize / tokens', () => {
  it('splits folded words and drops punctuation and emoji', () => {
    expect(tokenize("Bonjour, J'AI FAIM!! 🙏")).toEqual(['bonjour', 'j', 'ai', 'faim']);
    expect(tokenize('')).toEqual([]);
  });

  it('tokens() normalises first', () => {
    expect(tokens('slt jsuis la')).toEqual(['salut', 'je', 'suis', 'la']);
  });
});

describe('foldAccents', () => {
  it('removes accents and maps Bambara letters, keeping case', () => {
    expect(foldAccents('Ségou Tombouctou Kolondiéba')).toBe('Segou Tombouctou Kolondieba');
    expect(foldAccents('ɛ ɔ ɲ ŋ Ɛ Ɔ Ɲ')).toBe('e o ny ng E O Ny');
    expect(foldAccents('cœur')).toBe('coeur');
  });
});
