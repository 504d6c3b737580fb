import { detectKeyword } from './keywords';

describe('detectKeyword', () => {
  it.each([
    ['STOP', 'stop'],
    ['  stop. ', 'stop'],
    ['ARRÊT', 'stop'],
    ['Arret !', 'stop'],
    ['arrêter', 'stop'],
    ['Dabila', 'stop'],
    ['START', 'start'],
    ['oui', 'yes'],
    ['Awɔ', 'yes'],
    ['HELP', 'help'],
    ['aide ?', 'help'],
    ['Dɛmɛ', 'help'],
  ])('recognises %j as %s', (text, kind) => {
    expect(detectKeyword(text)?.kind).toBe(kind);
  });

  it('tells the language when the word does', () => {
    expect(detectKeyword('AIDE')?.lang).toBe('fr');
    expect(detectKeyword('dɛmɛ')?.lang).toBe('bm');
    expect(detectKeyword('STOP')?.lang).toBeNull();
  });

  it('leaves sentences to the bot', () => {
    expect(detectKeyword("je veux arrêter l'école")).toBeNull();
    expect(detectKeyword('stop the bus')).toBeNull();
    expect(detectKeyword('')).toBeNull();
    expect(detectKeyword(undefined)).toBeNull();
  });
});
