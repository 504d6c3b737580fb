import {
  isCourtesy,
  isGreeting,
  isOther,
  normalizeReply,
  parseCommand,
  parseNumbers,
  parseYesNo,
} from './replies';

describe('replies', () => {
  it.each([
    ['MENU', 'menu'],
    ['Retour', 'back'],
    ['back!', 'back'],
    ['segin', 'back'],
    ['AIDE', 'help'],
    ['dɛmɛ', 'help'],
    ['0', 'agent'],
    ['Conseiller', 'agent'],
    ['ladilikɛla', 'agent'],
  ])('reads "%s" as the %s command', (text, kind) => {
    expect(parseCommand(text)?.kind).toBe(kind);
  });

  it('reads language switches and ignores commands inside sentences', () => {
    expect(parseCommand('EN')).toEqual({ kind: 'language', lang: 'en' });
    expect(parseCommand('bamanankan')).toEqual({ kind: 'language', lang: 'bm' });
    expect(parseCommand('je veux retour au menu')).toBeNull();
  });

  it('reads yes and no in three languages', () => {
    expect(['1', 'Oui', 'yes', 'awɔ', "d'accord"].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['2', 'NON', 'no', 'ayi'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo('peut-être')).toBeNull();
  });

  it('reads several numbers and refuses out-of-range or mixed replies', () => {
    expect(parseNumbers('1 3', 14)).toEqual([1, 3]);
    expect(parseNumbers('1,3 et 14', 14)).toEqual([1, 3, 14]);
    expect(parseNumbers('15', 14)).toBeNull();
    expect(parseNumbers('1 travail', 14)).toBeNull();
    expect(parseNumbers('', 14)).toBeNull();
  });

  it('reads a message that is only a greeting, in three languages', () => {
    expect(['Bonjour !', 'bjr', 'Salam', 'Hello', 'i ni cɛ', 'Allô'].map(isGreeting)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['bonjour je cherche du travail', '1', 'kayes'].map(isGreeting)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('reads thanks, ok or a greeting alone as courtesy, never a request', () => {
    expect(
      ['merci', 'Ok merci beaucoup !', 'Thank you', 'barika', 'bonjour'].map(isCourtesy),
    ).toEqual([true, true, true, true, true]);
    expect(['merci je cherche du travail', '1', 'kayes', 'MENU'].map(isCourtesy)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads "other" and folds Bambara letters', () => {
    expect([isOther('AUTRE'), isOther('other'), isOther('wɛrɛ'), isOther('1')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(normalizeReply('  Ɲɔgɔn  É! ')).toBe('nyogon e');
    expect(normalizeReply('Sœur, d’accord')).toBe('soeur d accord');
  });
});
