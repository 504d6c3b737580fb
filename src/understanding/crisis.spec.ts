import { crisisKinds } from './crisis';
import { words } from './features';

const kinds = (text: string): string[] => crisisKinds(words(text));

describe('crisis patterns', () => {
  it.each([
    ['je veux plus vivre', 'suicide'],
    ['jvais en finir ce soir', 'suicide'],
    ["I don't see the point anymore", 'suicide'],
    ["n b'a fɛ ka sa", 'suicide'],
    ['n b a fe ka n yere faga', 'suicide'],
    ['he is beating me right now help', 'violence'],
    ['ils sont devant ma porte avec des couteaux', 'violence'],
    ['ma femme saigne beaucoup après l accouchement', 'medical'],
    ['my baby cant breathe', 'medical'],
    ['il y a un enfant tout seul à la gare', 'child'],
    ['my 10 year old daughter is missing since morning', 'missing_child'],
  ])('finds a crisis in %p', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    'je meurs de faim',
    'this job is killing me',
    'my phone is dead',
    'ce travail me tue, je veux changer de boulot',
    "j'ai été frappé en Libye l'année dernière, maintenant ça va",
    'I was beaten in Libya last year but I am fine now',
    'n ka telefɔni sara',
    'je dors dehors',
    'je suis triste depuis mon retour',
  ])('finds no crisis in %p', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('still reads a crisis said now after a recent return ("last week" is not a finished event)', () => {
    expect(
      kinds('I was deported from Algeria last week. accident, he is losing a lot of blood'),
    ).toContain('medical');
  });
});
