import { crisisKinds, hasDangerCue } from './crisis';
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
    // Families of meaning, each in more than one wording
    ["j'ai pris toute la boite de cachets", 'suicide'],
    ['he took a whole bottle of tablets', 'suicide'],
    ['n ye furakise bee kunun', 'suicide'],
    ['il y a une corde au plafond, ce soir je le fais', 'suicide'],
    ['I want to sleep forever', 'suicide'],
    ['je veux plus exister', 'suicide'],
    ['elle accouche depuis hier, le bebe ne sort pas', 'medical'],
    ['she has been in labour since morning and she is very weak', 'medical'],
    ['il est tombé et ne répond plus', 'medical'],
    ['my uncle is not responding', 'medical'],
    ['a binna, a te kuma', 'medical'],
    ['a snake bit my daughter', 'medical'],
    ['un homme me suit depuis la gare', 'violence'],
    ['they took my passport and will not let me leave', 'violence'],
    ['on m empeche de sortir de la maison', 'violence'],
    ['a be ka n gosi sisan', 'violence'],
    ['mon petit frere est perdu au marche', 'missing_child'],
    ['my son did not come home from school', 'missing_child'],
    ['a small girl is walking by herself on the highway', 'child'],
    ['i took 20 paracetamol', 'suicide'],
    ['g pri tt les medoc', 'suicide'],
    // Indirect: a burden, better off without, missed by no one, goodbyes (said of oneself or another)
    ['mes enfants seraient mieux sans moi', 'suicide'],
    ['honestly they are better off without me', 'suicide'],
    ['je suis un fardeau pour ma famille', 'suicide'],
    ['nobody go miss me when i am gone', 'suicide'],
    ['elle dit que personne ne la pleurera', 'suicide'],
    ['si demain je ne suis plus la demain, pardon', 'suicide'],
    ['tell my mother i am sorry', 'suicide'],
    ["j'ai des idées noires depuis mon retour", 'suicide'],
    ['I have been giving away my things to my friends', 'suicide'],
    ['snake don bite my papa for farm', 'medical'],
    ['mon fils est parti avec des passeurs hier soir', 'missing_child'],
    ['si je mourais ce serait mieux pour tout le monde', 'suicide'],
    ['ni n sara, o ka fisa', 'suicide'],
    ['it would be better if i die', 'suicide'],
    ['tasuma ye n denmuso minɛ sisan, a farikolo jenina kosɛbɛ', 'medical'],
    ["ma soeur s'est renversé l'eau bouillante sur le ventre, elle hurle", 'medical'],
    ['my grandma is burnt on her back and arms, the skin is peeling', 'medical'],
    ['je ne serai plus un poids pour personne', 'suicide'],
    ['i gave my phone to my brother, i wont need it anymore', 'suicide'],
    ["donnez ma montre à mon frère, je n'en aurai plus besoin", 'suicide'],
    ['ni n sara, mɔgɔ si tɛ n ɲini', 'suicide'],
    ['ni n salen tun don, mɔgɔ si tɛna n ko ɲini', 'suicide'],
    ['n denw bena nye ni n te yen tun', 'suicide'],
    ['parfois je me dis que personne ne remarquerait si je disparaissais', 'suicide'],
    ['cɛ fila bɛ n kɔ fɛ sisan, n siranna', 'violence'],
    ["mon ami a bu de l'esprit de sel, il crache", 'medical'],
    ['ma famille serait mieux si je n étais plus là', 'suicide'],
    ['everyone would be happier if i was gone', 'suicide'],
    ['sometimes I think make I just disappear forever', 'suicide'],
    ['the river would be peaceful, i stand at the edge every night', 'suicide'],
    ['my uncle dey shake for ground, foam dey comot for im mouth', 'medical'],
    ['my younger brother 12 yrs old is alone at the bus station, he dey cry', 'missing_child'],
    ['ma fille de 13 ans est partie seule hier soir', 'missing_child'],
    ['pardon maman, je pars ce soir', 'suicide'],
    ['je suis au bord du fleuve et je regarde l eau', 'suicide'],
    ['my daughter was taken by strangers at the market', 'missing_child'],
    ['mon ptit frere est perdu', 'missing_child'],
    ["n b'a fɛ ka sunɔgɔ pewu, fura bɛɛ bɛ n bolo", 'suicide'],
    ['tomorrow I will walk into the desert and not come back', 'suicide'],
    ["je suis cachée sous le lit, il casse la porte, j'ai peur", 'violence'],
    ['I am hiding behind the shop, they are looking for me, I am so scared', 'violence'],
    ["j'ai peur qu'ils me trouvent, ils crient dans la cour", 'violence'],
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
    'ma batterie est morte',
    'il me repond plus au telephone',
    'un homme me suit chaque soir en rentrant',
    'on a failli se noyer, Dieu merci on est vivants',
    'I was locked up in Libya for a year, now I am free',
    'u tun be an bugo tile o tile, sisan n sera so',
    'kongo be n faga',
    'my son lost his job',
    'I have a knife sharpening business idea',
    'je veux ouvrir un commerce de poisson fumé, il me faut un crédit',
    'ni n ye n nyɛ datugu, n bɛ u ye',
    'je suis seule avec 3 enfants et le bébé est malade',
    'mon petit frère et moi avons abandonné l école, on veut reprendre',
    'Libi kasobon kɔnɔ n tun b a fɛ ka sa, nka sisan n ka kɛnɛ, n bɛ baara kɛ',
    'I wanted to die in prison in Libya, but I am fine now and I work',
    "J'avais des idées noires en prison, maintenant je vais mieux",
    'my goat gave birth and the kid is not breathing well, any vet?',
    'the landlord chased us, we sleep in the street',
    'je cherche mon petit frère, on s est perdus à Agadez en 2024',
    'a bɛ n datugu bon kɔnɔ ani ka n bugɔ tile o tile',
    'they call me every day say they go kill me',
    'mon fils de 15 ans est parti vers l Algérie le mois dernier',
    "Je voulais en finir quand j'étais dans la prison de Zaouia. Aujourd'hui je vends des beignets et ça va",
    "ne tɔgɔ ye Mariam, n b'a fɛ ka jago kɛ",
    'my sister fainted at the market this morning, she is fine now',
    'a dog bit my leg last week but now it is fine',
    'le car a fait un accident, heureusement personne n est blessé',
    'mon oncle ne répond plus depuis 3 mois, on ne sait pas où il est',
    'il est revenu depuis deux semaines, il ne parle plus, il reste assis toute la journée',
    "n dusu kasilen don, nka n tɛna n yɛrɛ faga, n b'a fɛ ka kuma mɔgɔ fɛ",
    "I won't kill myself, I just need someone to talk to",
    'haha nobody noticed I was gone for two days',
    'la nuit je revois les hommes armés de la prison',
    'a ko ni n taara pɔlisi fɛ a bɛna n faga',
  ])('finds no crisis in %p', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('still reads a crisis said now after a recent return ("last week" is not a finished event)', () => {
    expect(
      kinds('I was deported from Algeria last week. accident, he is losing a lot of blood'),
    ).toContain('medical');
  });

  it.each([
    "j'ai faim à mourir",
    'je suis mort de fatigue',
    'this job is killing me',
    'kɔngɔ bɛ n faga',
  ])('reads no danger word in the figure of speech %p', (text) => {
    expect(hasDangerCue(words(text))).toBe(false);
  });

  it('still reads a danger word said plainly', () => {
    expect(hasDangerCue(words('je vais mourir'))).toBe(true);
  });
});
