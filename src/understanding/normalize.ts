import { isEnglishWord } from '../geography/english-words';
import { foldAccents } from '../geography/place-key';
import { detectLanguage, isLexiconWord } from './language';

export { foldAccents };

// Unambiguous SMS spellings, whatever the language of the message.
const SMS_ANY: Record<string, string> = {
  // French
  slt: 'salut',
  bjr: 'bonjour',
  bjour: 'bonjour',
  bonjr: 'bonjour',
  bsr: 'bonsoir',
  bsoir: 'bonsoir',
  jsuis: 'je suis',
  jsui: 'je suis',
  jss: 'je suis',
  chui: 'je suis',
  chuis: 'je suis',
  jai: 'je ai',
  jcherche: 'je cherche',
  jveux: 'je veux',
  jvx: 'je veux',
  jpeux: 'je peux',
  jpx: 'je peux',
  jpe: 'je peux',
  jsais: 'je sais',
  jvais: 'je vais',
  jme: 'je me',
  jte: 'je te',
  jvis: 'je vis',
  jhabite: 'je habite',
  jdors: 'je dors',
  jmange: 'je mange',
  jarrive: 'je arrive',
  jetais: 'je etais',
  jen: 'je en',
  jy: 'je y',
  jaime: 'je aime',
  javais: 'je avais',
  jattends: 'je attends',
  jespere: 'je espere',
  jirai: 'je irai',
  jsp: 'je sais pas',
  chepa: 'je sais pas',
  cv: 'ca va',
  cva: 'ca va',
  sava: 'ca va',
  dac: 'de accord',
  dacc: 'de accord',
  daccord: 'de accord',
  grv: 'grave',
  qqc: 'quelque chose',
  quelqun: 'quelque un',
  aujourdhui: 'aujourd hui',
  ojourdui: 'aujourd hui',
  parceque: 'parce que',
  biensur: 'bien sur',
  osi: 'aussi',
  ossi: 'aussi',
  bocou: 'beaucoup',
  bocoup: 'beaucoup',
  jamai: 'jamais',
  koa: 'quoi',
  cest: 'ce est',
  cetait: 'ce etait',
  ct: 'ce etait',
  pr: 'pour',
  bcp: 'beaucoup',
  bcq: 'beaucoup',
  bcoup: 'beaucoup',
  d1: 'de un',
  '1e': 'une',
  kk1: 'quelque un',
  kelk1: 'quelque un',
  qq1: 'quelque un',
  qqn: 'quelque un',
  qlq1: 'quelque un',
  qqch: 'quelque chose',
  kkchose: 'quelque chose',
  kkch: 'quelque chose',
  qlq: 'quelque',
  qlqs: 'quelques',
  tt: 'tout',
  ts: 'tous',
  tte: 'toute',
  ttes: 'toutes',
  stp: 'si il te plait',
  svp: 'si il vous plait',
  svpl: 'si il vous plait',
  tjrs: 'toujours',
  tjr: 'toujours',
  tjs: 'toujours',
  qd: 'quand',
  qand: 'quand',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pkoi: 'pourquoi',
  pourkoi: 'pourquoi',
  ds: 'dans',
  dc: 'donc',
  mnt: 'maintenant',
  mtn: 'maintenant',
  maint: 'maintenant',
  auj: 'aujourd hui',
  ajd: 'aujourd hui',
  ojd: 'aujourd hui',
  dmn: 'demain',
  nn: 'non',
  wi: 'oui',
  vs: 'vous',
  ns: 'nous',
  b1: 'bien',
  bi1: 'bien',
  r1: 'rien',
  rie1: 'rien',
  kom: 'comme',
  koman: 'comment',
  cmt: 'comment',
  cmnt: 'comment',
  dsl: 'desole',
  mrc: 'merci',
  mrci: 'merci',
  mci: 'merci',
  pb: 'probleme',
  pbm: 'probleme',
  pblm: 'probleme',
  pbs: 'problemes',
  rdv: 'rendez vous',
  svt: 'souvent',
  ptt: 'petit',
  pti: 'petit',
  jms: 'jamais',
  pcq: 'parce que',
  pck: 'parce que',
  psk: 'parce que',
  paske: 'parce que',
  keske: 'que est ce que',
  tkt: 'te inquiete',
  mwa: 'moi',
  toa: 'toi',
  bne: 'bonne',
  avc: 'avec',
  vrmt: 'vraiment',
  vrm: 'vraiment',
  jv: 'je vais',
  tlm: 'tout le monde',
  slm: 'salam',
  // English
  pls: 'please',
  plz: 'please',
  plis: 'please',
  pliz: 'please',
  pleas: 'please',
  tnx: 'thanks',
  thx: 'thanks',
  tks: 'thanks',
  tanx: 'thanks',
  thnx: 'thanks',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  im: 'i am',
  iam: 'i am',
  ive: 'i have',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  havent: 'have not',
  ppl: 'people',
  pple: 'people',
  pipo: 'people',
  bcos: 'because',
  bcoz: 'because',
  becos: 'because',
  coz: 'because',
  cuz: 'because',
  b4: 'before',
  '2day': 'today',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  '2nite': 'tonight',
  gud: 'good',
  wetin: 'what',
  wit: 'with',
  wid: 'with',
  abt: 'about',
  hv: 'have',
  sumtin: 'something',
  smtin: 'something',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  evry1: 'everyone',
  lyk: 'like',
  luv: 'love',
  skul: 'school',
  hlp: 'help',
  gr8: 'great',
  l8r: 'later',
  hav: 'have',
  giv: 'give',
  wen: 'when',
  nw: 'now',
  cnt: 'can not',
  dnt: 'do not',
  knw: 'know',
  tym: 'time',
  yrs: 'years',
  // Bambara written the French way, or glued
  nbe: 'n be',
  nbi: 'n bi',
  nte: 'n te',
  nma: 'n ma',
  nka: 'n ka',
  nye: 'n ye',
  inice: 'i ni ce',
  inise: 'i ni ce',
  awnice: 'aw ni ce',
  doumouni: 'dumuni',
  dumini: 'dumuni',
  kounou: 'kunu',
  mousso: 'muso',
  moussow: 'musow',
  djamana: 'jamana',
  gnini: 'nyini',
  tche: 'ce',
  sababou: 'sababu',
  kossobe: 'kosebe',
  kosobe: 'kosebe',
  barka: 'barika',
  dokotoro: 'dogotoro',
  lekoli: 'lakoli',
};

// Short forms that mean different things in different languages.
const SMS_FRENCH: Record<string, string> = {
  c: 'ce est',
  g: 'je ai',
  j: 'je',
  mm: 'meme',
  ya: 'il y a',
  koi: 'quoi',
  kwa: 'quoi',
  ke: 'que',
  ki: 'qui',
  kel: 'quel',
  kan: 'quand',
  tro: 'trop',
  pa: 'pas',
};
const BAMBARA_ELIDED: Record<string, string> = { b: 'be', k: 'ka', y: 'ye', t: 'te' };
const ELIDABLE = new Set(['j', 'm', 't', 's', 'n', 'd', 'l', 'c']);
const SMS_ENGLISH: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  d: 'the',
  n: 'and',
  y: 'why',
  c: 'see',
  k: 'ok',
  dis: 'this',
  dat: 'that',
  gd: 'good',
  nd: 'and',
  av: 'have',
  hw: 'how',
  dia: 'there',
  m: 'am',
  b: 'be',
  cn: 'can',
  gv: 'give',
  wer: 'where',
  nt: 'not',
  wan: 'want',
  ma: 'my',
  wat: 'what',
  wht: 'what',
};

// After "2"/"4" these are counted things: "2 mois", "4 enfants", "2 years".
const COUNTED = new Set(
  `mois jours jour ans an semaines semaine heures heure fois enfants enfant personnes filles garcons femmes
  kg mille cent cents millions fcfa f cfa francs euros dollars h min mn km years year months month days day weeks
  week hours times kids children people dollars tile kalo san den denw`.split(/\s+/),
);

type Reading = 'fr' | 'en' | 'bm';

// The language a message is read in decides ambiguous short forms ("u", "c", "2", "n'").
function reading(text: string): Reading {
  const language = detectLanguage(text);
  return language === 'unknown' ? 'fr' : language;
}

// Bambara doubles that carry meaning: "dumuni banna" (the food is finished) is not "bana" (illness).
const MEANINGFUL_DOUBLES = new Set(['banna']);

// Runs of three or more letters: "aideeee" -> "aide", "svppp" -> "svp"; inside a word keep
// two when that is a known word ("baaaara" -> "baara"), else one ("meeerci" -> "merci").
function squeeze(word: string): string {
  let w = word.replace(/([a-z])\1{2,}$/, '$1');
  w = w.replace(/([a-z])\1{2,}/g, (_m, c: string) => c + c);
  if (isLexiconWord(w) || w.length < 5 || isEnglishWord(w) || MEANINGFUL_DOUBLES.has(w)) return w;
  // One doubled letter too many, a common typo: "frrappe", "merrci".
  const doubles = [...w.matchAll(/([a-z])\1/g)];
  for (const d of doubles) {
    const single = w.slice(0, d.index) + w.slice(d.index + 1);
    if (isLexiconWord(single)) return single;
  }
  return w;
}

// Apostrophes: English contractions and French/Bambara elisions become full words.
function expandApostrophes(text: string, read: Reading): string {
  return text
    .replace(/\bcan'?t\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\b([a-z]+)n't\b/g, '$1 not')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(it|that|what|there|he|she|who|where)'s\b/g, '$1 is')
    .replace(/([a-z])'re\b/g, '$1 are')
    .replace(/([a-z])'ve\b/g, '$1 have')
    .replace(/([a-z])'ll\b/g, '$1 will')
    .replace(/\b(i|you|he|she|we|they)'d\b/g, '$1 would')
    .replace(/\b(qu|jusqu|lorsqu|puisqu)'/g, (_m, w: string) => `${w}e `)
    .replace(/\bs'(il|ils)\b/g, 'si $1')
    .replace(/\b([bky])'/g, (_m, c: string) => ({ b: 'be ', k: 'ka ', y: 'ye ' })[c] ?? ' ')
    .replace(/\b([jmtsndlc])'/g, (_m, c: string) => {
      if (read === 'bm')
        return ({ n: 'ni ', t: 'te ', m: 'ma ' } as Record<string, string>)[c] ?? `${c} `;
      return `${c}e `;
    })
    .replace(/'/g, ' ');
}

function expandToken(token: string, i: number, tokens: string[], read: Reading): string {
  const direct = SMS_ANY[token];
  if (direct) return direct;
  // No French word starts with j and a consonant: "jvoulais", "jdors" are "je" glued to a verb.
  if (/^j[bcdfghklmnpqrstvwxz][a-z]{2,}$/.test(token) && read !== 'bm')
    return `je ${token.slice(1)}`;
  if (/^\d+$/.test(token)) return expandDigit(token, i, tokens, read);
  if (read === 'en') {
    // West African "ma" is "my" before a word ("ma pocket"), "madam" otherwise ("hello ma").
    if (token === 'ma' && (!tokens[i + 1] || ['ma', 'my'].includes(tokens[i + 1]))) return token;
    return SMS_ENGLISH[token] ?? token;
  }
  if (read === 'bm') {
    // "n b a fe": a Bambara elision whose apostrophe was not typed.
    const following = tokens[i + 1];
    return following && /^[aeiou]/.test(following) ? (BAMBARA_ELIDED[token] ?? token) : token;
  }
  // "j ai", "n est", "l argent", "s il": an elision whose apostrophe was not typed.
  const next = tokens[i + 1];
  if (ELIDABLE.has(token) && next && /^[aeiouyh]/.test(next)) {
    return token === 's' && /^ils?$/.test(next) ? 'si' : `${token}e`;
  }
  return SMS_FRENCH[token] ?? token;
}

// "besoin 2 travail" -> "de", "i want 2 work" -> "to", "4 my kids" -> "for"; numbers stay numbers.
function expandDigit(token: string, i: number, tokens: string[], read: Reading): string {
  if (token !== '2' && token !== '4') return token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!next || (prev && /\d/.test(prev)) || /\d/.test(next) || COUNTED.has(next)) return token;
  if (read === 'en') return token === '2' ? 'to' : 'for';
  if (read === 'fr' && token === '2') return 'de';
  return token;
}

// Lowercase words without accents, SMS spellings spelled out, Bambara letters (ɛ ɔ ɲ ŋ) in
// plain Latin, repeated letters squeezed, punctuation dropped; words separated by one space.
export function normalize(text: string): string {
  if (!text) return '';
  const folded = foldAccents(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  const read = reading(text);
  const spelled = tokenize(expandApostrophes(folded, read)).map(squeeze);
  return spelled
    .map((t, i) => expandToken(t, i, spelled, read))
    .join(' ')
    .trim();
}

// Words of a text: runs of letters and digits, lowercased and folded.
export function tokenize(text: string): string[] {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

// Words of a message after normalisation.
export function tokens(text: string): string[] {
  return tokenize(normalize(text));
}
