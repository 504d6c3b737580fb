// Builds src/understanding/data/corpus.jsonl from the hand-written fragments.
// Deterministic (seeded). Every fragment belongs to one split, so dev messages use
// wordings the classifier never saw in training. Run: npx ts-node -T scripts/nlu-corpus.ts
import { writeFileSync } from 'fs';
import { join } from 'path';
import { NEED_CODES, type NeedCode } from '../src/common/needs';
import {
  CLOSERS,
  CONNECTORS,
  CONTEXTS,
  CRISES,
  HARD_NEGATIVES,
  NEED_FRAGMENTS,
  OPENERS,
  PLACE_PHRASES,
  PLACES,
  SMALL_TALK,
  type CorpusLang,
  type Labelled,
} from './nlu-corpus-fragments';

type Split = 'train' | 'dev';
interface Row {
  text: string;
  language: CorpusLang;
  needs: NeedCode[];
  urgent: boolean;
  location: { region: string; place: string } | null;
  split: Split;
}

const LANGS: CorpusLang[] = ['fr', 'en', 'bm'];

// Region of each place in the table, per the 2023 administrative map.
const REGION_OF: Record<string, string> = {
  Bamako: 'Bamako',
  Kayes: 'Kayes',
  Sikasso: 'Sikasso',
  Ségou: 'Ségou',
  Mopti: 'Mopti',
  Tombouctou: 'Tombouctou',
  Gao: 'Gao',
  Kidal: 'Kidal',
  Koulikoro: 'Koulikoro',
  Kati: 'Koulikoro',
  Kita: 'Kita',
  Koutiala: 'Koutiala',
  Bougouni: 'Bougouni',
  San: 'San',
  Djenné: 'Mopti',
  Sévaré: 'Mopti',
  'Nioro du Sahel': 'Nioro',
  Kolokani: 'Koulikoro',
  Niono: 'Ségou',
  Bandiagara: 'Bandiagara',
  Yélimané: 'Kayes',
  Diéma: 'Nioro',
  Kadiolo: 'Sikasso',
  Ménaka: 'Ménaka',
  Douentza: 'Douentza',
  Markala: 'Ségou',
  'Kalaban Coro': 'Koulikoro',
  Goundam: 'Tombouctou',
  Bafoulabé: 'Kayes',
  Dioïla: 'Dioïla',
};

// mulberry32: small, fast, deterministic.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261123);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number): boolean => rand() < p;

// Every fourth fragment (offset by pool) is held out for dev.
function splitPool<T>(xs: readonly T[], salt: number): Record<Split, T[]> {
  const out: Record<Split, T[]> = { train: [], dev: [] };
  xs.forEach((x, i) => out[(i + salt) % 4 === 3 ? 'dev' : 'train'].push(x));
  return out;
}

const FR_SMS: [RegExp, string[]][] = [
  [/\bje suis\b/g, ['jsuis', 'je sui', 'jsui']],
  [/\bpour\b/g, ['pr', 'pour']],
  [/\bbeaucoup\b/g, ['bcp']],
  [/\bquelque\b/g, ['qlq']],
  [/\bc'est\b/g, ['c', 'cest', "c'est"]],
  [/\bs'il vous plaît\b/g, ['svp', 'stp']],
  [/\brien\b/g, ['ri1', 'rien', 'rien']],
  [/\bbien\b/g, ['bi1']],
  [/\bvous\b/g, ['vs', 'vous']],
  [/\bnous\b/g, ['ns']],
  [/\btoujours\b/g, ['tjrs']],
  [/\bquelqu'un\b/g, ['kk1', 'qqn']],
  [/\bmaintenant\b/g, ['mtn', 'mnt']],
  [/\bparce que\b/g, ['pcq', 'parsk']],
  [/\bavec\b/g, ['avc']],
  [/\bdans\b/g, ['ds']],
  [/\btout\b/g, ['tt']],
  [/\bqu'/g, ['k', "qu'"]],
  [/\bj'ai\b/g, ['jai', 'g', "j'ai"]],
  [/\bd'un\b/g, ['d1']],
  [/\bde\b/g, ['2', 'de', 'de', 'de']],
  [/\bmerci\b/g, ['mrc', 'merci']],
  [/\bbonjour\b/g, ['bjr', 'bonjour']],
  [/\bquoi\b/g, ['koi']],
  [/\bje\b/g, ['j', 'je', 'je']],
];
const EN_SMS: [RegExp, string[]][] = [
  [/\byou\b/g, ['u']],
  [/\bplease\b/g, ['pls', 'plz', 'please']],
  [/\bfor\b/g, ['4', 'for', 'for']],
  [/\bare\b/g, ['r', 'are']],
  [/\bbecause\b/g, ['bcos', 'coz']],
  [/\bthanks\b/g, ['tnx', 'thx']],
  [/\bpeople\b/g, ['ppl']],
  [/\bwhat\b/g, ['wat']],
  [/\bdon't\b/g, ['dont', 'dnt']],
  [/\bI'm\b/g, ['im', 'Im', 'i am']],
  [/\bto\b/g, ['2', 'to', 'to', 'to']],
  [/\bmy\b/g, ['ma', 'my', 'my']],
];
const BM_PLAIN: [RegExp, string][] = [
  [/ɛ/g, 'e'],
  [/ɔ/g, 'o'],
  [/ɲ/g, 'ny'],
  [/ŋ/g, 'ng'],
  [/Ɛ/g, 'E'],
  [/Ɔ/g, 'O'],
  [/Ɲ/g, 'Ny'],
];

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

// One random typo: swap, drop or double a letter inside a longer word.
function typo(s: string): string {
  const words = s.split(' ');
  const idx = words.map((w, i) => (w.length >= 5 ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return s;
  const i = pick(idx);
  const w = words[i];
  const p = 1 + Math.floor(rand() * (w.length - 2));
  const kind = rand();
  if (kind < 0.4) words[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  else if (kind < 0.7) words[i] = w.slice(0, p) + w.slice(p + 1);
  else words[i] = w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}

// Writes a message the way it might arrive by SMS: casing, accents, abbreviations, typos.
function style(text: string, lang: CorpusLang, level: number): string {
  let s = text;
  if (level === 0) return s.charAt(0).toUpperCase() + s.slice(1);
  s = s.toLowerCase();
  if (lang === 'fr') {
    if (chance(0.8)) s = stripAccents(s);
    for (const [re, subs] of FR_SMS) if (chance(0.6)) s = s.replace(re, () => pick(subs));
    if (chance(0.3)) s = s.replace(/'/g, chance(0.5) ? '' : ' ');
  } else if (lang === 'en') {
    for (const [re, subs] of EN_SMS) if (chance(0.5)) s = s.replace(re, () => pick(subs));
    if (chance(0.3)) s = s.replace(/'/g, '');
  } else {
    if (chance(0.65)) for (const [re, sub] of BM_PLAIN) s = s.replace(re, sub);
    if (chance(0.5)) s = s.replace(/['’]/g, chance(0.5) ? '' : ' ');
    if (chance(0.2)) s = s.replace(/ɛ/g, 'è');
  }
  s = s.replace(/[?.!]\s*$/, '');
  if (level >= 2 && chance(0.6)) s = typo(s);
  if (chance(0.12))
    s = s.replace(
      /([aeiouy])(\s*)$/,
      (_, v: string, sp: string) => v.repeat(3 + Math.floor(rand() * 3)) + sp,
    );
  if (chance(0.15)) s += pick([' !!', '??', ' ...', ' 🙏', ' 😢', '!']);
  if (chance(0.07)) s = s.toUpperCase();
  return s;
}

function placeMention(lang: CorpusLang): { phrase: string; location: Row['location'] } {
  const entry = pick(PLACES);
  const spelling = pick(entry.spellings[lang]);
  const phrase = pick(PLACE_PHRASES[lang]).replace('{p}', spelling);
  return { phrase, location: { region: REGION_OF[entry.name], place: entry.name } };
}

// Wraps the core of a message with an optional greeting, context, place and closing.
function compose(
  core: string,
  lang: CorpusLang,
  withPlace: boolean,
): { text: string; location: Row['location'] } {
  const parts: string[] = [];
  if (chance(0.35)) parts.push(pick(OPENERS[lang]));
  if (chance(0.25)) parts.push(pick(CONTEXTS[lang]));
  let location: Row['location'] = null;
  const place = withPlace ? placeMention(lang) : null;
  if (place && chance(0.5)) parts.push(place.phrase);
  parts.push(core);
  if (place && !parts.includes(place.phrase)) parts.push(place.phrase);
  if (place) location = place.location;
  if (chance(0.3)) parts.push(pick(CLOSERS[lang]));
  const sep = chance(0.5) ? ', ' : chance(0.5) ? ' ' : '. ';
  return { text: parts.join(sep), location };
}

function levelFor(): number {
  const r = rand();
  return r < 0.3 ? 0 : r < 0.75 ? 1 : 2;
}

function row(
  text: string,
  lang: CorpusLang,
  needs: NeedCode[],
  urgent: boolean,
  location: Row['location'],
  split: Split,
): Row {
  const ordered = NEED_CODES.filter((n) => needs.includes(n));
  return { text, language: lang, needs: ordered, urgent, location, split };
}

function build(): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  const push = (r: Row): void => {
    const key = r.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(r);
  };

  for (const split of ['train', 'dev'] as Split[]) {
    // Per language and need, the fragments of this split.
    const needPools: Record<CorpusLang, Record<NeedCode, string[]>> = {
      fr: {},
      en: {},
      bm: {},
    } as Record<CorpusLang, Record<NeedCode, string[]>>;
    NEED_CODES.forEach((need, ni) =>
      LANGS.forEach((lang, li) => {
        needPools[lang][need] = splitPool(NEED_FRAGMENTS[need][lang], ni + li)[split];
      }),
    );

    for (const lang of LANGS) {
      // Each fragment alone, once or twice with different wrapping.
      for (const need of NEED_CODES) {
        for (const frag of needPools[lang][need]) {
          const times = chance(0.45) ? 2 : 1;
          for (let t = 0; t < times; t++) {
            const { text, location } = compose(frag, lang, chance(0.3));
            push(row(style(text, lang, levelFor()), lang, [need], false, location, split));
          }
        }
      }
      // Several needs in one message.
      const multiCount = split === 'train' ? 100 : 35;
      for (let k = 0; k < multiCount; k++) {
        const n = chance(0.2) ? 3 : 2;
        const needs = [...NEED_CODES].sort(() => rand() - 0.5).slice(0, n);
        const frags = needs.map((need) => pick(needPools[lang][need]));
        let core = frags[0];
        for (let j = 1; j < frags.length; j++) core += pick(CONNECTORS[lang]) + frags[j];
        const { text, location } = compose(core, lang, chance(0.3));
        push(row(style(text, lang, levelFor()), lang, needs, false, location, split));
      }
      // Crises, sometimes with another need or a place.
      const crises = splitPool(CRISES[lang], 1)[split];
      for (const c of crises) {
        for (let t = 0; t < 3; t++) {
          let core = c.text;
          let needs = [...c.needs];
          if (t === 2 && chance(0.6)) {
            const extra = pick(NEED_CODES.filter((x) => !needs.includes(x)));
            core = chance(0.5)
              ? `${core}${pick(CONNECTORS[lang])}${pick(needPools[lang][extra])}`
              : `${pick(needPools[lang][extra])}${pick(CONNECTORS[lang])}${core}`;
            needs = [...needs, extra];
          }
          const { text, location } = compose(core, lang, t === 1 && chance(0.5));
          push(
            row(style(text, lang, t === 0 ? 0 : levelFor()), lang, needs, true, location, split),
          );
        }
      }
      // Alarming-sounding but not urgent.
      const negatives: Labelled[] = splitPool(HARD_NEGATIVES[lang], 2)[split];
      for (const h of negatives) {
        for (let t = 0; t < 3; t++) {
          let core = h.text;
          let needs = [...h.needs];
          if (t === 2 && chance(0.5)) {
            const extra = pick(NEED_CODES.filter((x) => !needs.includes(x)));
            core = `${core}${pick(CONNECTORS[lang])}${pick(needPools[lang][extra])}`;
            needs = [...needs, extra];
          }
          const { text, location } = compose(core, lang, t === 1 && chance(0.4));
          push(row(style(text, lang, levelFor()), lang, needs, false, location, split));
        }
      }
      // Greetings, thanks and questions: no need.
      for (const s of splitPool(SMALL_TALK[lang], 0)[split]) {
        for (let t = 0; t < 2; t++) {
          const core = t === 1 && chance(0.5) ? `${pick(OPENERS[lang])} ${s}` : s;
          push(row(style(core, lang, levelFor()), lang, [], false, null, split));
        }
      }
    }
  }
  // Stable shuffle so that splits and languages interleave.
  return rows
    .map((r) => ({ r, k: rand() }))
    .sort((a, b) => a.k - b.k)
    .map(({ r }) => r);
}

const rows = build();
const out = join(__dirname, '..', 'src', 'understanding', 'data', 'corpus.jsonl');
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const by = (f: (r: Row) => boolean): number => rows.filter(f).length;
console.log(
  `${rows.length} rows: train ${by((r) => r.split === 'train')}, dev ${by((r) => r.split === 'dev')}, urgent ${by((r) => r.urgent)}, no need ${by((r) => r.needs.length === 0)}, multi ${by((r) => r.needs.length > 1)}, with place ${by((r) => r.location !== null)}`,
);
