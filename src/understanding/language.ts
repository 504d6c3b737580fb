import { foldAccents } from '../geography/place-key';

export type DetectedLanguage = 'fr' | 'en' | 'bm' | 'unknown';
type Lang = Exclude<DetectedLanguage, 'unknown'>;

const LANGS: Lang[] = ['fr', 'en', 'bm'];

// Lexicons of folded words with a weight: grammar words (pronouns, auxiliaries, articles,
// postpositions) weigh most, so that a code-mixed text goes to its matrix language.
// Words shared by two languages carry a weight in both.
const GRAMMAR = 3;
const COMMON = 1.5;
const WEAK = 0.75;

const FR_GRAMMAR = `je j tu il elle nous vous ils elles mon mes ton ta tes son sa ses notre nos votre vos leur leurs
  le les un une des du au aux et ou mais donc car que qui quoi dans pour par avec sans sur sous chez pas rien plus
  est suis es sont ai as avons avez ont etre avoir etais etait fait faire c ce cette ces cet ca y en si tres aussi
  comme quand comment pourquoi jsuis chui chuis jsui jai jpeux jveux jcherche jvais jsais jme jte g qd pk pkoi pq ds
  tt ts tte mm mnt mtn kk1 qqn qq1 d1 ns vs pr bcp tjrs tjr tjs nn koi kwa ke ki cest ya sui peux veux voudrais
  dois doit faut vais va aller allez ete deja encore toujours jamais maintenant ici aujourd hui hier demain moi toi
  lui eux quel quelle quelqu quelque chose parce alors apres avant depuis personne aucun aucune autre autres`;
const FR_COMMON = `oui non merci bonjour bonsoir salut svp stp slt bjr bsr aide aider aidez besoin cherche chercher
  trouver travail travailler boulot emploi argent manger nourriture faim maison logement loyer dormir rue famille
  enfants enfant femme mari mere pere frere soeur fils fille parents malade maladie hopital medecin medicament
  docteur soigner soins sante douleur mal ecole formation apprendre etudier papiers papier passeport carte identite
  acte naissance rentre rentree retour retourne revenu venu arrive libye algerie maroc niger mauritanie senegal
  probleme problemes peur triste seul seule vie mourir tuer frappe battu menace police avocat prison justice
  commerce boutique projet financement credit payer paye frais transport bus billet voyage rentrer village ville
  trop peu assez souvent peut sais connais pense crois dit parle parler appelle appeler attends attendre donner
  donne prendre prend venir viens partir part sortir rester reste homme hommes femmes garcon gens ami amis quartier
  pays route chemin chambre eau telephone numero nom age annee vieux jeune bloque perdu perdue vole frappee malades
  mort morte decede urgent urgence vite possible impossible aidez svp merci vraiment juste seulement encore
  mois ans jours semaine semaines heures beaucoup tout tous toute toutes bien mal bon bonne petit petite grand
  grande vraiment allo mdr ptdr cv cva sava jss jsui kelkun kelk1 jveu jve jpe pa dargen ptit bcq bcoup dsl mrc mrci pb pbm
  rdv svt jms pcq psk paske tkt mwa toa bne koman cmt kom auj ajd dmn wi b1 r1 cc nouveau nouvelle veuillez pouvez pourriez madame monsieur frere soeur ca va marche`;
const EN_GRAMMAR = `i im me my mine you your yours ur he she it its we us our they them their him her his the and or
  but of to in on at for with from by about is are am was were be been being have has had do does did dont doesnt
  didnt not no yes can cant could will wont would should must want wanna need needs this that these those there
  here what where when who whom why how which if because since after before some any all very too just also only
  get got go going gonna come came back still again now today yesterday tomorrow every nothing anything something
  someone anyone ive youre dey una dem wetin abeg sef wan`;
const EN_COMMON = `please pls plz thanks thank thx tnx hello hi hey good morning evening afternoon night help work job
  jobs money food eat eaten hungry house home rent sleep sleeping street family child children kids kid wife husband
  mother father brother sister son daughter sick ill hospital doctor medicine clinic pain hurt school fees study
  training learn papers passport id card birth certificate police lawyer problem problems afraid scared sad alone
  life die kill beat beaten threat business shop capital loan pay transport fare bus ticket travel returned return
  came libya algeria morocco niger mauritania month months years days week weeks hours much many lot bad small big
  stuck lost find give take tell know think feel said told ask call wait waiting yet already always never maybe
  sure right wrong well better worse more less few little old young man woman men women boy girl people person
  friends town village city country road way place room water light phone number name age year hungry tired
  really new sir madam friend ok okay bye goodbye hw wat wht ur thnx tanx tks ppl pple bcos bcoz coz cuz b4 gud
  wit wid abt hv sumtin sum1 any1 lyk luv skul hlp yrs asap sorry disturb beg reply bro sis dat`;
const BM_GRAMMAR = `n ne i e an aw u o ye be te ka k ma bi tun na la ko ni fo don di wa mun min jon joli tuma yan
  yen sisan kunu sini bee caman doonin dow do fen foyi tan kan kono kosebe mago fe bolo ye nye kama koson sabu
  sababu ani walima ninnu olu anw ale ele nin nunu tugu fana dun hali hake nka`;
const BM_COMMON = `aw ni ce barika awo ayi here herew sogoma tile wula su baara wari dumuni so banan bana banana
  dogotoro furakisi furaso lakoli lekoli kalan muso musow ce cew den denw denmuso dence face fa ba balima balimaw
  mogo mogow jamana dugu mobili taa bo bora segin seginna nana nara soro nyini ke se son kuma kene kenema lafiya
  hakili dusu dimi kasi faga bugo gen sunogo kongo fantan fangantan deli deme demen nyi jo joli sara sanu malo ji
  nogo seben karti jago sugu mine tigi sotigi datugu kiiri nisondiya nyenamaya furu kalo siri bamanankan tubabukan
  kasobon nyogon minnogo kungo sigilen sigi tora tununa benke tooro ben kura koro dogo yoro kelen fila saba naani
  duuru wooro tobi fen jigi hine dema kelenpe i ni ce sini kone nse nba nbaa tana ayiwa sabali lankolon bone tugun jiginni togo sege segenna
  kele lamen file sene feere wuli boli bin yele dusukasi hami miiri siran makono jaabi wele telefoni nimoro dorome
  waga keme dogotoroso furake denmisenw denmisen mogokoroba teri terimuso siginyogon dugutigi baarakela kalanden
  karamogo pankurun kurun kogoji buru tobili fari kun kunkolo tulo sumaya sogosogo konoboli konoma konomaya bolokoli
  furunyogon pasipori sariya polisi kaso kanu nafa kojugu fitini nyuman jugu gelen cogo waati dogokun yere olu ala
  dua tike gari moto masin avoka butiki opitali dilan dege damine lamini kalanso baarayoro sigiyoro kelenya muso
  cenin denw kamalen sunguru sunguruw cekoroba musokoroba nyogon kasobon bugoli fagali tooro degun`;

function lexicon(...tiers: [string, number][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const [words, weight] of tiers) {
    for (const w of words.split(/\s+/).filter((x) => x.length > 0)) {
      map.set(w, Math.max(map.get(w) ?? 0, weight));
    }
  }
  return map;
}

const LEXICONS: Record<Lang, Map<string, number>> = {
  fr: lexicon([FR_GRAMMAR, GRAMMAR], [FR_COMMON, COMMON]),
  en: lexicon([EN_GRAMMAR, GRAMMAR], [EN_COMMON, COMMON]),
  bm: lexicon([BM_GRAMMAR, GRAMMAR], [BM_COMMON, COMMON]),
};

// Words whose weight is tempered because they are just as common in another language.
const SHARED: Record<string, Partial<Record<Lang, number>>> = {
  a: {},
  la: { fr: COMMON, bm: COMMON },
  i: { en: COMMON, bm: COMMON },
  so: { en: WEAK, bm: COMMON },
  me: { fr: COMMON, en: COMMON },
  on: { fr: COMMON, en: COMMON },
  in: { en: COMMON, bm: WEAK },
  an: { bm: COMMON, en: WEAK, fr: WEAK },
  be: { bm: GRAMMAR, en: COMMON },
  te: { bm: GRAMMAR, fr: WEAK },
  ma: { bm: COMMON, fr: COMMON },
  de: { fr: GRAMMAR, bm: WEAK },
  ne: { fr: COMMON, bm: COMMON },
  se: { fr: COMMON, bm: COMMON },
  u: { bm: COMMON, en: COMMON },
  e: { bm: WEAK },
  o: { bm: COMMON },
  don: { bm: COMMON, en: WEAK },
  na: { bm: COMMON, en: WEAK },
  no: { en: COMMON },
  ok: { en: WEAK },
  okay: { en: WEAK },
  bonjour: { fr: COMMON, bm: WEAK },
  merci: { fr: COMMON, bm: WEAK },
  here: { bm: COMMON, en: COMMON },
  ban: { bm: COMMON },
  ben: { bm: COMMON },
  dumuni: { bm: COMMON },
  sira: {},
  sara: { bm: COMMON },
  kan: { bm: COMMON, fr: WEAK },
  ko: { bm: GRAMMAR },
  ya: { fr: WEAK },
  ke: { bm: COMMON, fr: WEAK },
  ki: { fr: WEAK },
  di: { bm: COMMON },
  fo: { bm: COMMON },
  do: { en: GRAMMAR, bm: WEAK },
  dow: { bm: COMMON },
  son: { fr: COMMON, en: WEAK, bm: WEAK },
  sa: { fr: COMMON },
  fa: { bm: COMMON },
  ba: { bm: COMMON },
  den: { bm: COMMON },
  ce: { bm: COMMON, fr: COMMON },
  bon: { fr: COMMON, bm: WEAK },
  tun: { bm: GRAMMAR },
  nin: { bm: COMMON },
  ale: { bm: COMMON },
  ele: { bm: COMMON },
  dun: { bm: COMMON },
  hali: { bm: COMMON },
  tan: { bm: COMMON, fr: WEAK },
  fen: { bm: COMMON },
  tile: { bm: COMMON },
  su: { bm: COMMON },
  ji: { bm: COMMON },
  mine: { bm: COMMON, en: COMMON },
  sugu: { bm: COMMON },
  kone: { bm: WEAK },
  ni: { bm: GRAMMAR },
  id: { en: WEAK },
  r: { en: COMMON },
  dis: { en: WEAK, fr: WEAK },
  pa: { fr: COMMON },
};
for (const [word, weights] of Object.entries(SHARED)) {
  for (const lang of LANGS) {
    const w = weights[lang];
    if (w === undefined) LEXICONS[lang].delete(word);
    else LEXICONS[lang].set(word, w);
  }
}

// Words that say nothing about the language (greetings of all, names of places and of Sira).
const NEUTRAL = new Set(
  `salam salaam saalam salamalekum salamaleikum assalamou alaikum aleykoum inchallah inshallah wallahi allah
  mali sira bamako kayes segou sikasso mopti gao kidal tombouctou koulikoro fcfa cfa sms whatsapp`.split(
    /\s+/,
  ),
);

// Letters only Bambara writes.
const BAMBARA_LETTERS = /[ɛɔɲŋƐƆƝŊ]/;
// Accented letters only French writes in these messages (é is left out: names, Bambara "bé").
const FRENCH_LETTERS = /[êçùûœ]|(^|\s)à(\s|$)/i;

// Character trigram profiles, learnt from the lexicons, score words no lexicon knows.
const NGRAM_WEIGHT = 0.8;
// Less than this (one weak word, or one name) is no evidence of a language.
const MIN_EVIDENCE = 0.75;
const profiles = buildProfiles();

function buildProfiles(): Record<
  Lang,
  { counts: Map<string, number>; total: number; vocab: number }
> {
  const out = {} as Record<Lang, { counts: Map<string, number>; total: number; vocab: number }>;
  const all = new Set<string>();
  for (const lang of LANGS) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const word of LEXICONS[lang].keys()) {
      for (const g of trigrams(word)) {
        counts.set(g, (counts.get(g) ?? 0) + 1);
        total++;
        all.add(g);
      }
    }
    out[lang] = { counts, total, vocab: 0 };
  }
  for (const lang of LANGS) out[lang].vocab = all.size;
  return out;
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

function ngramProbabilities(word: string): Record<Lang, number> {
  const logs = {} as Record<Lang, number>;
  for (const lang of LANGS) {
    const p = profiles[lang];
    logs[lang] = trigrams(word).reduce(
      (sum, g) => sum + Math.log(((p.counts.get(g) ?? 0) + 0.5) / (p.total + 0.5 * p.vocab)),
      0,
    );
  }
  const max = Math.max(...LANGS.map((l) => logs[l]));
  const exp = LANGS.map((l) => Math.exp(logs[l] - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return { fr: exp[0] / sum, en: exp[1] / sum, bm: exp[2] / sum };
}

interface Word {
  text: string;
  // Folded, lowercase, runs of 3+ letters squeezed.
  word: string;
  // Followed by an apostrophe (j', b', n') or following one ('m, 't).
  elided: boolean;
  afterApostrophe: boolean;
  capitalizedMidSentence: boolean;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{M}\p{N}]+/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const gap = text.slice(last, m.index);
    last = m.index + m[0].length;
    const folded = foldAccents(m[0]).toLowerCase();
    const next = text[m.index + m[0].length];
    out.push({
      text: m[0],
      word: squeeze(folded),
      elided: next === "'" || next === '’',
      afterApostrophe: /['’]$/.test(gap),
      capitalizedMidSentence: out.length > 0 && /^\p{Lu}\p{Ll}/u.test(m[0]) && !/[.!?\n]/.test(gap),
    });
  }
  return out;
}

// "aideeee" -> "aide", "barikaaa" -> "barika"; inside a word keep two ("baaaara" -> "baara").
function squeeze(word: string): string {
  return word.replace(/(.)\1{2,}$/, '$1').replace(/(.)\1{2,}/g, '$1$1');
}

function known(word: string): Lang[] {
  return LANGS.filter((l) => LEXICONS[l].has(word));
}

const FR_ELISIONS = new Set(['j', 'l', 'd', 'c', 'qu', 's', 'jusqu', 'lorsqu', 'puisqu']);
const BM_ELISIONS = new Set(['b', 'k', 'y']);
const EN_CONTRACTIONS = new Set(['m', 's', 't', 're', 've', 'll', 'd']);

export interface LanguageScores {
  fr: number;
  en: number;
  bm: number;
}

// Evidence for each language; grammar words dominate (the matrix language of a code-mixed text).
export function languageScores(text: string): LanguageScores {
  return score(text).scores;
}

function score(text: string): { scores: LanguageScores; guessed: number } {
  const scores: LanguageScores = { fr: 0, en: 0, bm: 0 };
  // Words known only by their letters (no lexicon entry).
  let guessed = 0;
  if (!text) return { scores, guessed };
  if (BAMBARA_LETTERS.test(text)) scores.bm += GRAMMAR;
  if (FRENCH_LETTERS.test(text)) scores.fr += COMMON;
  const list = words(text);
  list.forEach((w, i) => {
    const prev = list[i - 1];
    if (/^\d+$/.test(w.word) || NEUTRAL.has(w.word)) return;
    if (w.elided) {
      if (FR_ELISIONS.has(w.word)) scores.fr += GRAMMAR;
      else if (BM_ELISIONS.has(w.word)) scores.bm += GRAMMAR;
      else if (w.word === 'n' || w.word === 't' || w.word === 'm') {
        scores.fr += WEAK;
        scores.bm += WEAK;
      } else if (w.word.endsWith('n') && list[i + 1]?.word === 't') scores.en += GRAMMAR;
      return;
    }
    if (w.afterApostrophe && prev && EN_CONTRACTIONS.has(w.word) && !FR_ELISIONS.has(prev.word)) {
      if (!BM_ELISIONS.has(prev.word)) scores.en += COMMON;
      return;
    }
    const langs = known(w.word);
    if (langs.length > 0) {
      for (const l of langs) scores[l] += LEXICONS[l].get(w.word) ?? 0;
      return;
    }
    // Unknown words: names say nothing; other words vote by their letters.
    if (w.capitalizedMidSentence || w.word.length < 3) return;
    const p = ngramProbabilities(w.word);
    for (const l of LANGS) scores[l] += NGRAM_WEIGHT * p[l];
    guessed++;
  });
  return { scores, guessed };
}

// Language of a short SMS/WhatsApp text: 'unknown' when it holds no words (empty, emoji,
// digits) or only words every language uses (salam, ok is English).
export function detectLanguage(text: string): DetectedLanguage {
  const { scores, guessed } = score(text);
  const total = scores.fr + scores.en + scores.bm;
  // A single unknown word (often a name: "Moussa") is no evidence.
  if (guessed === 1 && total <= NGRAM_WEIGHT + Number.EPSILON) return 'unknown';
  let best: DetectedLanguage = 'unknown';
  let bestScore = MIN_EVIDENCE - Number.EPSILON;
  // On a tie Bambara wins over French over English: code-mixed Bambara borrows the others.
  for (const lang of ['bm', 'fr', 'en'] as Lang[]) {
    if (scores[lang] > bestScore) {
      best = lang;
      bestScore = scores[lang];
    }
  }
  return best;
}

// Whether a folded word belongs to one of the three lexicons (used by the normaliser).
export function isLexiconWord(word: string): boolean {
  return known(word).length > 0;
}
