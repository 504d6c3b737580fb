import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import rawGazetteer from './data/mali-gazetteer.json';
import {
  Ambiguity,
  GazetteerData,
  parseGazetteerData,
  RawNamed,
  RawRegion,
} from './gazetteer-data';
import { LatLon, Place, PlaceLevel } from './place';
import { isEnglishWord } from './english-words';
import { foldAccents, placeKey } from './place-key';
import {
  ADMIN_LINKS,
  ADMIN_WORDS,
  BAMBARA_MARKERS,
  BAMBARA_PRONOUNS,
  COMMON_WORDS,
  DESTINATION_VERBS,
  FOREIGN_CONTINUATIONS,
  LOCATIVE_AFTER,
  LOCATIVE_BEFORE,
  ORIGIN_BEFORE,
  YEAR_AFTER,
} from './place-words';

interface Entry {
  place: Place;
  ambiguity?: Ambiguity;
  // Specificity: region 1, cercle 2, commune 3, Bamako neighbourhood 4.
  rank: number;
  keys: Set<string>;
  // Word counts of the spellings behind each key ("kalaban coro" = 2).
  wordCounts: Map<string, Set<number>>;
}

interface Token {
  text: string;
  folded: string;
  key: string;
  capitalized: boolean;
  accented: boolean;
  sentenceStart: boolean;
}

interface Match {
  start: number;
  end: number;
  entries: Entry[];
  fuzzy: boolean;
}

interface Scored {
  entry: Entry;
  match: Match;
  score: number;
}

export interface ExtractOptions {
  // The text answers "where are you?": ambiguous names need no context.
  expectPlace?: boolean;
}

const EARTH_RADIUS_KM = 6371;
// Fuzzy matching is only tried on longer words, and must be very close.
const FUZZY_MIN_LENGTH = 5;
// Five-letter words must be closer still, and differ by at most one letter in length.
const FUZZY_SHORT_THRESHOLD = 0.96;
const FUZZY_EXTRACT_THRESHOLD = 0.93;
const FUZZY_LOOKUP_THRESHOLD = 0.91;
const MAX_NGRAM = 4;
const LEVEL_RANK: Record<PlaceLevel, number> = { region: 1, cercle: 2, commune: 3 };

const LEVEL_WORDS: Record<string, PlaceLevel> = {
  region: 'region',
  cercle: 'cercle',
  ville: 'commune',
  city: 'commune',
  town: 'commune',
  quartier: 'commune',
};
const LOOKUP_FILLER = new Set([
  'a',
  'au',
  'en',
  'in',
  'at',
  'de',
  'du',
  'd',
  'of',
  'the',
  'la',
  'le',
  'je',
  'suis',
  'jsuis',
  'chui',
  'im',
  'am',
  'i',
  'm',
  'n',
  'be',
  'na',
  'district',
  'province',
]);

function compact(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function wordCount(form: string): number {
  return foldAccents(form)
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0).length;
}

export class Gazetteer {
  private readonly entries: Entry[] = [];
  private readonly index = new Map<string, Entry[]>();
  private readonly fuzzyKeys = new Map<string, string[]>();
  // Spellings exactly as listed (folded, no separators), to tell them from sound-alikes.
  private readonly spellings = new Set<string>();
  private readonly regionNames: string[] = [];
  private static shared?: Gazetteer;

  constructor(data: GazetteerData) {
    for (const region of data.regions) this.addRegion(region);
    this.shareSeatSpellings();
    for (const entry of this.entries) {
      for (const key of entry.keys) {
        const list = this.index.get(key) ?? [];
        list.push(entry);
        this.index.set(key, list);
      }
    }
    for (const [key, list] of this.index) {
      if (key.length < FUZZY_MIN_LENGTH || list.some((e) => e.ambiguity)) continue;
      const bucket = this.fuzzyKeys.get(key[0]) ?? [];
      bucket.push(key);
      this.fuzzyKeys.set(key[0], bucket);
    }
  }

  // The gazetteer shipped with Sira (src/geography/data/mali-gazetteer.json), built once.
  static default(): Gazetteer {
    Gazetteer.shared ??= new Gazetteer(parseGazetteerData(rawGazetteer));
    return Gazetteer.shared;
  }

  regions(): string[] {
    return [...this.regionNames];
  }

  places(level?: PlaceLevel): Place[] {
    return this.entries
      .filter((e) => !level || e.place.level === level)
      .map((e) => ({ ...e.place }));
  }

  distanceKm(a: LatLon, b: LatLon): number {
    const rad = (deg: number) => (deg * Math.PI) / 180;
    const dLat = rad(b.lat - a.lat);
    const dLon = rad(b.lon - a.lon);
    const h =
      Math.sin(dLat / 2) ** 2 +
      Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // A place name as typed by a person or found in a spreadsheet ("kayi", "Commune 4",
  // "région de Ségou", "jsuis a kalaban coro"); null when it names no known place.
  lookup(name: string): Place | null {
    if (!name || name.trim() === '') return null;
    const words = foldAccents(name)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
    let hint: PlaceLevel | undefined;
    const kept: string[] = [];
    for (const word of words) {
      const level = LEVEL_WORDS[word];
      if (level) hint = level;
      else if (!LOOKUP_FILLER.has(word) || kept.length > 0) kept.push(word);
    }
    const key = placeKey(kept.join(' '));
    if (key.length === 0) return null;
    const exact = this.index.get(key);
    if (exact) return this.pick(exact, hint);
    if (kept.length === 1 && !COMMON_WORDS.has(kept[0])) {
      // An answer to "where are you?" may be a short misspelling ("kaye", "bamak").
      const fuzzy = this.fuzzy(key, FUZZY_LOOKUP_THRESHOLD, kept[0], FUZZY_MIN_LENGTH - 1);
      if (fuzzy) return this.pick(fuzzy, hint);
    }
    return this.extract(name, { expectPlace: true });
  }

  // The place a free-text message mentions, the most specific one when several are named;
  // ordinary words that happen to be place names ("san", "dire", "fana") need a place context.
  extract(text: string, options: ExtractOptions = {}): Place | null {
    if (!text) return null;
    const tokens = this.tokenize(text);
    if (tokens.length === 0) return null;
    const matches = this.findMatches(tokens);
    const capsInformative = this.capsInformative(text, tokens);
    const scored: Scored[] = [];
    for (const match of matches) {
      // Bambara grammar words around the name make a bare "a" the pronoun, not "à".
      const bambara = tokens.some(
        (t, i) =>
          (i < match.start || i >= match.end) && t.folded !== 'a' && BAMBARA_MARKERS.has(t.folded),
      );
      const accepted = match.entries.filter((entry) =>
        this.acceptable(entry, match, tokens, {
          capsInformative,
          bambara,
          expectPlace: !!options.expectPlace,
        }),
      );
      if (accepted.length === 0) continue;
      const entry = this.bestEntry(accepted);
      scored.push({
        entry,
        match,
        score: entry.rank + this.contextScore(match, tokens) - (match.fuzzy ? 0.5 : 0),
      });
    }
    if (scored.length === 0) return null;
    // A place named together with its parent ("Sébénikoro, Bamako") is the one meant.
    for (const s of scored) {
      if (scored.some((o) => o !== s && this.isInside(s.entry.place, o.entry.place))) s.score += 2;
    }
    scored.sort((a, b) => b.score - a.score || a.match.start - b.match.start);
    return { ...scored[0].entry.place };
  }

  private addRegion(region: RawRegion): void {
    const regionName = region.name;
    this.regionNames.push(regionName);
    this.add(
      { level: 'region', name: regionName, region: regionName, lat: region.lat, lon: region.lon },
      region,
    );
    for (const commune of region.communes ?? []) {
      this.add(
        {
          level: 'commune',
          name: commune.name,
          region: regionName,
          commune: commune.name,
          lat: commune.lat,
          lon: commune.lon,
        },
        commune,
      );
      for (const quartier of commune.quartiers ?? []) {
        const place: Place = {
          level: 'commune',
          name: quartier.name,
          region: regionName,
          commune: commune.name,
          lat: quartier.lat,
          lon: quartier.lon,
        };
        this.add(place, quartier, 4);
      }
    }
    for (const cercle of region.cercles ?? []) {
      const base = { region: regionName, cercle: cercle.name };
      this.add(
        { level: 'cercle', name: cercle.name, ...base, lat: cercle.lat, lon: cercle.lon },
        cercle,
      );
      // Every cercle is named after its chef-lieu, which is also a commune.
      this.add(
        {
          level: 'commune',
          name: cercle.name,
          ...base,
          commune: cercle.name,
          lat: cercle.lat,
          lon: cercle.lon,
        },
        cercle,
      );
      for (const commune of cercle.communes ?? []) {
        this.add(
          {
            level: 'commune',
            name: commune.name,
            ...base,
            commune: commune.name,
            lat: commune.lat,
            lon: commune.lon,
          },
          commune,
        );
      }
    }
  }

  private add(place: Place, raw: RawNamed, rank = LEVEL_RANK[place.level]): void {
    const entry: Entry = {
      place,
      ambiguity: raw.ambiguity,
      rank,
      keys: new Set(),
      wordCounts: new Map(),
    };
    for (const form of [raw.name, ...(raw.variants ?? [])]) {
      this.addKey(entry, placeKey(form), [wordCount(form)]);
      this.spellings.add(compact(form));
    }
    this.entries.push(entry);
  }

  private addKey(entry: Entry, key: string, counts: Iterable<number>): void {
    if (key.length === 0) return;
    entry.keys.add(key);
    const set = entry.wordCounts.get(key) ?? new Set<number>();
    for (const c of counts) set.add(c);
    entry.wordCounts.set(key, set);
  }

  // A region, its chef-lieu cercle and that town share their spellings ("kayi" is all three).
  private shareSeatSpellings(): void {
    for (const region of this.regionNames) {
      const group = this.entries.filter((e) => e.place.region === region);
      let changed = true;
      while (changed) {
        changed = false;
        for (const a of group) {
          for (const b of group) {
            if (a === b || ![...a.keys].some((k) => b.keys.has(k))) continue;
            for (const [key, counts] of a.wordCounts) {
              if (!b.keys.has(key)) {
                this.addKey(b, key, counts);
                changed = true;
              }
            }
          }
        }
      }
    }
  }

  private pick(entries: Entry[], hint?: PlaceLevel): Place {
    const hinted = hint ? entries.filter((e) => e.place.level === hint) : [];
    return { ...this.bestEntry(hinted.length > 0 ? hinted : entries).place };
  }

  private bestEntry(entries: Entry[]): Entry {
    return entries.reduce((best, e) => (e.rank > best.rank ? e : best));
  }

  private fuzzy(
    key: string,
    threshold: number,
    word: string,
    minLength = FUZZY_MIN_LENGTH,
  ): Entry[] | null {
    if (key.length < minLength) return null;
    let best: string | null = null;
    let bestScore = 0;
    for (const candidate of this.fuzzyKeys.get(key[0]) ?? []) {
      const short = Math.min(candidate.length, key.length) <= FUZZY_MIN_LENGTH;
      if (Math.abs(candidate.length - key.length) > (short ? 1 : 2)) continue;
      const score = JaroWinklerDistance(key, candidate);
      if (
        score >= (short ? Math.max(threshold, FUZZY_SHORT_THRESHOLD) : threshold) &&
        score > bestScore
      ) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best || isEnglishWord(word)) return null;
    return this.index.get(best) ?? null;
  }

  private tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    const re = /[\p{L}\p{M}\p{N}]+/gu;
    let last = 0;
    for (const m of text.matchAll(re)) {
      const gap = text.slice(last, m.index);
      last = m.index + m[0].length;
      const folded = foldAccents(m[0]).toLowerCase();
      tokens.push({
        text: m[0],
        folded,
        key: placeKey(m[0]),
        capitalized: /^\p{Lu}/u.test(m[0]),
        accented: foldAccents(m[0]) !== m[0],
        sentenceStart: tokens.length === 0 || /[.!?\n:;]/.test(gap),
      });
    }
    return tokens;
  }

  // Capital letters say something only in mixed-case text that is not Title Case.
  private capsInformative(text: string, tokens: Token[]): boolean {
    const letters = text.replace(/[^\p{L}]/gu, '');
    const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
    if (letters.length === 0 || upper / letters.length > 0.6) return false;
    const caps = tokens.filter((t) => t.capitalized && !t.sentenceStart).length;
    const rest = tokens.filter((t) => !t.sentenceStart).length;
    return rest < 3 || caps / rest < 0.5;
  }

  private findMatches(tokens: Token[]): Match[] {
    const candidates: Match[] = [];
    for (let n = Math.min(MAX_NGRAM, tokens.length); n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        const key = tokens
          .slice(i, i + n)
          .map((t) => t.key)
          .join('');
        const entries = this.index.get(key);
        if (!entries) continue;
        // Several words only join into a name spelled in as many words ("so kura" is not Socoura).
        const ok =
          n === 1
            ? !this.soundsLikeOnly(tokens[i])
            : entries.some((e) => e.wordCounts.get(key)?.has(n));
        if (ok) candidates.push({ start: i, end: i + n, entries, fuzzy: false });
      }
    }
    const used = new Array<boolean>(tokens.length).fill(false);
    const chosen: Match[] = [];
    for (const c of candidates) {
      if (used.slice(c.start, c.end).some(Boolean)) continue;
      chosen.push(c);
      for (let i = c.start; i < c.end; i++) used[i] = true;
    }
    tokens.forEach((t, i) => {
      if (used[i] || t.key.length < FUZZY_MIN_LENGTH || /\d/.test(t.key)) return;
      if (COMMON_WORDS.has(t.folded)) return;
      const entries = this.fuzzy(t.key, FUZZY_EXTRACT_THRESHOLD, t.folded);
      if (entries) chosen.push({ start: i, end: i + 1, entries, fuzzy: true });
    });
    return chosen;
  }

  // An English word that only sounds like a place ("catty" ~ Kati, "curry" ~ Koury).
  private soundsLikeOnly(token: Token): boolean {
    const spelled = compact(token.text);
    return !this.spellings.has(spelled) && isEnglishWord(spelled);
  }

  private acceptable(
    entry: Entry,
    match: Match,
    tokens: Token[],
    ctx: { capsInformative: boolean; bambara: boolean; expectPlace: boolean },
  ): boolean {
    if (!entry.ambiguity || ctx.expectPlace) return true;
    const prev = tokens[match.start - 1];
    const next = tokens[match.end];
    if (next && FOREIGN_CONTINUATIONS.has(next.folded)) return false;
    if (next && YEAR_AFTER.has(next.folded) && !ADMIN_WORDS.has(next.folded)) return false;
    // "a bɛ san 14" (she is 14 years old), "san 2021": a number after the name makes it a year.
    if (next && /^\d+$/.test(next.folded) && entry.place.name === 'San') return false;
    if (this.strongContext(match, tokens, ctx.capsInformative)) return true;
    if (entry.ambiguity === 'strict') return false;
    // A message that is only the name ("san", "Kita").
    if (match.start === 0 && match.end === tokens.length) return true;
    if (!prev) return !!next && LOCATIVE_AFTER.has(next.folded);
    if (prev.text === 'à' || prev.text === 'À') return true;
    if (prev.folded === 'a') return !ctx.bambara;
    if ([LOCATIVE_BEFORE, ORIGIN_BEFORE, DESTINATION_VERBS].some((set) => set.has(prev.folded))) {
      return true;
    }
    if (this.bambaraBe(match, tokens)) return true;
    return !!next && LOCATIVE_AFTER.has(next.folded);
  }

  private strongContext(match: Match, tokens: Token[], capsInformative: boolean): boolean {
    const span = tokens.slice(match.start, match.end);
    const next = tokens[match.end];
    if (next && ADMIN_WORDS.has(next.folded) && next.folded !== 'marche') return true;
    let i = match.start - 1;
    while (i >= 0 && ADMIN_LINKS.has(tokens[i].folded)) i--;
    if (i >= 0 && i < match.start - 1 && ADMIN_WORDS.has(tokens[i].folded)) return true;
    if (i === match.start - 1 && i >= 0 && ADMIN_WORDS.has(tokens[i].folded)) return true;
    const first = span[0];
    // "Diré", "Boré": the accented spelling is not an ordinary French word.
    if (span.some((t) => t.accented && /[éèêëïôü]/i.test(t.text))) return true;
    const prev = tokens[match.start - 1];
    return (
      capsInformative &&
      first.capitalized &&
      !first.sentenceStart &&
      !(prev && prev.capitalized && !prev.sentenceStart && prev.text.length > 1)
    );
  }

  private contextScore(match: Match, tokens: Token[]): number {
    const prev = tokens[match.start - 1];
    const prev2 = tokens[match.start - 2];
    if (!prev) return 0;
    if (
      ORIGIN_BEFORE.has(prev.folded) ||
      (prev2 && ORIGIN_BEFORE.has(prev2.folded) && prev.folded === 'la')
    ) {
      return -1.5;
    }
    if (this.isDestination(match, tokens)) return -1;
    if (prev.text === 'à' || prev.folded === 'a' || LOCATIVE_BEFORE.has(prev.folded)) return 1.5;
    return this.bambaraBe(match, tokens) ? 1.5 : 0;
  }

  // "je veux rentrer à Kayes", "I want to go back to Mopti", "ka taa Kayes": where the person
  // wants to go, which is less likely where they are than another place named.
  private isDestination(match: Match, tokens: Token[]): boolean {
    const before = tokens.slice(Math.max(0, match.start - 3), match.start).map((t) => t.folded);
    const [p3, p2, p1] = [before.at(-3), before.at(-2), before.at(-1)];
    if (p1 && DESTINATION_VERBS.has(p1)) return true;
    if (!p1 || !['a', 'au', 'to', 'vers', 'en', 'for'].includes(p1)) return false;
    if (p2 && DESTINATION_VERBS.has(p2)) return true;
    return !!p2 && ['back', 'home', 'chez'].includes(p2) && !!p3 && DESTINATION_VERBS.has(p3);
  }

  // "n bɛ San", "n sigilen bɛ Kita": Bambara "to be at" after a pronoun.
  private bambaraBe(match: Match, tokens: Token[]): boolean {
    const prev = tokens[match.start - 1];
    const prev2 = tokens[match.start - 2];
    return !!prev && !!prev2 && prev.folded === 'be' && BAMBARA_PRONOUNS.has(prev2.folded);
  }

  private isInside(child: Place, parent: Place): boolean {
    if (child === parent || child.name === parent.name) return false;
    if (parent.level === 'region')
      return child.region === parent.region && child.level !== 'region';
    if (parent.level === 'cercle') return child.cercle === parent.name && child.level === 'commune';
    return child.commune === parent.name && child.name !== parent.name;
  }
}
