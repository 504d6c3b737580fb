import { words } from './features';
import { aboutAnAnimal, jokeOnly, thanksOnly } from './thanks';

describe('messages that name no need of the writer', () => {
  it.each([
    "merci, j'ai trouvé un travail dans une boulangerie",
    'thank you so much for the food kit, my children were happy',
    'i ni ce kosɛbɛ, n kɛnɛyara sisan',
  ])('reads %p as thanks for help already given', (text) => {
    expect(thanksOnly(text, words(text))).toBe(true);
  });

  it.each([
    "merci d'avance, je cherche du travail",
    'thank you, but we still have nothing to eat',
    'barika, n mago bɛ so la',
    'merci pour le centre, vous aidez aussi pour les papiers ?',
  ])('keeps %p a request', (text) => {
    expect(thanksOnly(text, words(text))).toBe(false);
  });

  it('reads a joke that asks for nothing as no need, not one that asks', () => {
    const joke = 'je meurs de faim lol, ma mère a pas fini le riz';
    const ask = 'je meurs de faim lol, no seriously please help with food';

    expect(jokeOnly(joke, words(joke))).toBe(true);
    expect(jokeOnly(ask, words(ask))).toBe(false);
  });

  it("tells an animal's illness from a person's", () => {
    const goat = 'ma chèvre est malade, elle mange plus rien, ya un vétérinaire ?';
    const child = 'mon enfant est malade et la chèvre est morte';

    expect(aboutAnAnimal(words(goat))).toBe(true);
    expect(aboutAnAnimal(words(child))).toBe(false);
  });
});
