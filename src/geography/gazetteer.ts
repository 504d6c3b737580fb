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
  ARRIVAL_WORDS,
  BAMBARA_MARKERS,
  BAMBARA_PRONOUNS,
  BEING_VERBS,
  BIRTH_WORDS,
  COMMON_WORDS,
  CONJUNCTIONS,
  DESTINATION_VERBS,
  FIRST_PERSON_VERBS,
  FOREIGN_CONTINUATIONS,
  GENITIVE_NOUNS,
  HERE_WORDS,
  HOME_WORDS,
  KIN_AFTER_PRONOUN,
  KIN_WORDS,
  LANDMARKS,
  LOCATIVE_AFTER,
  LOCATIVE_BEFORE,
  ORIGIN_BEFORE,
  PAST_MARKERS,
  SELF_PRONOUNS,
  SELF_VERBS,
  SERVICE_WORDS,
  SUBJECT_SKIP,
  THEN_WORDS,
  TOWARDS,
  TRAVEL_WORDS,
  WITH_WORDS,
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
  // After a comma or any other punctuation: a new clause, with its own subject.
  clauseStart: boolean;
}

interface Match {
  start: number;
  end: number;
  entries: Entry[];
  fuzzy: boolean;
  // Not spelled as any listed spelling (a fuzzy or sound-alike match): needs a place context.
  loose: boolean;
}

interface Scored {
  entry: Entry;
  match: Match;
  score: number;
}

// What a message says about a place it names, from the words before the name.
type Role =
  | 'here'
  | 'leaving'
  | 'at'
  | 'other'
  | 'none'
  | 'from'
  | 'to'
  | 'service'
  | 'home'
  | 'kin'
  | 'born';

// How strongly each role says "the writer is there now". The writer's own position beats a
// destination, a birthplace, a relative's or a service's place by more than any rank gap.
const ROLE_SCORE: Record<Role, number> = {
  here: 5, // "je suis bloqué à", "I am stuck in", "I dey", "n bɛ", "et moi à"
  leaving: 4, // a journey asked about starts there: "transport from Ségou", "de Gao à Bamako"
  at: 1.5, // a bare "à", "in", "near"
  other: 0, // someone else is there: "il est à", "a bɛ"
  none: 0,
  from: -1.5, // a finished journey started there: "rentré de Kidal"
  to: -1, // "rentrer à", "go back to", "bus to", "jusqu'à", "ka taa"
  service: -1, // "le médecin à Ségou", "the office in Bamako"
  home: -1, // "my village near Kita", "chez moi à Yélimané"
  kin: -2, // "ma mère est à", "my people for", "n somɔgɔw bɛ"
  born: -2, // "né à", "born in"
};
// How many words before a name are read for its role.
const LEAD_WINDOW = 7;

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
    this.addLandmarks();
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

  // The place a free-text message mentions; when several are named, the one where the writer
  // is now (then the most specific). Ordinary words that happen to be place names ("san",
  // "dire", "fana") and loose spellings ("senw" ~ Sénou) need a place context.
  extract(text: string, options: ExtractOptions = {}): Place | null {
    if (!text) return null;
    const tokens = this.tokenize(text);
    if (tokens.length === 0) return null;
    const matches = this.findMatches(tokens).sort((a, b) => a.start - b.start);
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
      scored.push({ entry, match, score: entry.rank - (match.fuzzy ? 0.5 : 0) });
    }
    if (scored.length === 0) return null;
    const taken = new Array<boolean>(tokens.length).fill(false);
    for (const { match } of scored) taken.fill(true, match.start, match.end);
    let last: { end: number; role: Role } | null = null;
    for (const s of scored) {
      // Names side by side ("bko commune 4", "Sébénikoro, Bamako") are one mention, one role.
      const role: Role =
        last && last.end === s.match.start ? last.role : this.role(s.match, tokens, taken);
      s.score += ROLE_SCORE[role];
      last = { end: s.match.end, role };
    }
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

  private addLandmarks(): void {
    for (const [spelling, name] of LANDMARKS) {
      const named = this.entries.filter((e) => e.place.name === name);
      if (named.length === 0) continue;
      this.addKey(this.bestEntry(named), placeKey(spelling), [wordCount(spelling)]);
      this.spellings.add(compact(spelling));
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
        clauseStart: tokens.length === 0 || /[.!?\n:;,]/.test(gap),
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
        const spelled = compact(
          tokens
            .slice(i, i + n)
            .map((t) => t.text)
            .join(''),
        );
        const loose = !this.spellings.has(spelled);
        if (ok) candidates.push({ start: i, end: i + n, entries, fuzzy: false, loose });
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
      if (entries) chosen.push({ start: i, end: i + 1, entries, fuzzy: true, loose: true });
    });
    return chosen;
  }

  // A known word that only sounds like a place ("catty" ~ Kati, "senw" ~ Sénou, "gosi" ~ Gossi);
  // a capital inside the sentence still makes a Bambara spelling a name ("n bɛ Gosi").
  private soundsLikeOnly(token: Token): boolean {
    const spelled = compact(token.text);
    if (this.spellings.has(spelled)) return false;
    const named = token.capitalized && !token.sentenceStart;
    return isEnglishWord(spelled) || (COMMON_WORDS.has(spelled) && !named);
  }

  private acceptable(
    entry: Entry,
    match: Match,
    tokens: Token[],
    ctx: { capsInformative: boolean; bambara: boolean; expectPlace: boolean },
  ): boolean {
    // A word only spelled like a place ("senw" ~ Sénou, "menacée" ~ Ménaka) is read as one
    // only where a place is expected, like an ambiguous name.
    const ambiguity = entry.ambiguity ?? (match.loose ? 'locative' : undefined);
    if (!ambiguity || ctx.expectPlace) return true;
    const prev = tokens[match.start - 1];
    const next = tokens[match.end];
    if (next && FOREIGN_CONTINUATIONS.has(next.folded)) return false;
    if (next && YEAR_AFTER.has(next.folded) && !ADMIN_WORDS.has(next.folded)) return false;
    // "a bɛ san 14" (she is 14 years old), "san 2021": a number after the name makes it a year.
    if (next && /^\d+$/.test(next.folded) && entry.place.name === 'San') return false;
    if (this.strongContext(match, tokens, ctx.capsInformative)) return true;
    if (this.afterSelfVerb(match, tokens)) return true;
    if (ambiguity === 'strict') return false;
    // "Duwɛnza, mɔgɔ dɔw bɛ ...": a misspelt name standing alone as its own clause.
    if (!entry.ambiguity && this.standsAlone(match, tokens)) return true;
    // "ici niamakorro"; "je suis bamakoo" (a sound-alike, not a mere near spelling like "menacée").
    if (!entry.ambiguity && [prev, next].some((t) => t && HERE_WORDS.has(t.folded))) return true;
    if (!entry.ambiguity && !match.fuzzy && prev && BEING_VERBS.has(prev.folded)) return true;
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
    // "Diré", "Boré": the accented spelling is not an ordinary French word ("menacée" is).
    if (!match.loose && span.some((t) => t.accented && /[éèêëïôü]/i.test(t.text))) return true;
    const prev = tokens[match.start - 1];
    return (
      capsInformative &&
      first.capitalized &&
      !first.sentenceStart &&
      !(prev && prev.capitalized && !prev.sentenceStart && prev.text.length > 1)
    );
  }

  // The name is a clause of its own: "Duwɛnza, ...", "..., kutiala." (a near spelling needs a
  // capital: "ayi, fatora, ..." is a word).
  private standsAlone(match: Match, tokens: Token[]): boolean {
    const first = tokens[match.start];
    const next = tokens[match.end];
    if (match.fuzzy && !first.capitalized) return false;
    return first.clauseStart && (!next || next.clauseStart);
  }

  // "jsui a fana", "I'm in Fana": the writer puts themself there in French or English.
  private afterSelfVerb(match: Match, tokens: Token[]): boolean {
    const prev = tokens[match.start - 1];
    const prev2 = tokens[match.start - 2];
    return (
      !!prev &&
      !!prev2 &&
      ['a', 'au', 'in', 'at', 'en'].includes(prev.folded) &&
      FIRST_PERSON_VERBS.has(prev2.folded) &&
      !['dey', 'sigilen'].includes(prev2.folded)
    );
  }

  // Reads the words before a name, nearest first, within the clause: the first clear cue
  // (a verb of being and its subject, a destination, a birth, a relative) decides; a service
  // or home village counts only when nothing clearer comes before it.
  private role(match: Match, tokens: Token[], taken: boolean[]): Role {
    const prev = tokens[match.start - 1];
    if (!prev) return 'none';
    const origin = this.originRole(match, tokens, taken);
    if (origin) return origin;
    const next = tokens[match.end];
    if (next && THEN_WORDS.has(next.folded)) return 'from';
    let soft: Role | null = null;
    const stop = Math.max(0, match.start - LEAD_WINDOW);
    for (let i = match.start - 1; i >= stop && !taken[i]; i--) {
      const cue = this.cue(i, tokens, taken);
      if (cue === 'service' || cue === 'home') soft ??= cue;
      else if (cue) return cue;
      if (tokens[i].clauseStart) break;
    }
    if (soft) return soft;
    // "à la gare de Bamako": the word before the spot tells.
    let p = match.start - 1;
    if (this.isSpotOf(p, tokens)) {
      p -= 2;
      while (p > 0 && ['la', 'le', 'l', 'les', 'the'].includes(tokens[p].folded)) p--;
    }
    const lead = tokens[p]?.folded ?? '';
    return lead === 'a' || LOCATIVE_BEFORE.has(lead) ? 'at' : 'none';
  }

  // "la gare de", "l'hôpital de": a spot in the place named next, not an origin.
  private isSpotOf(i: number, tokens: Token[]): boolean {
    const before = tokens[i - 1]?.folded ?? '';
    return (
      ['de', 'du', 'd'].includes(tokens[i]?.folded) &&
      [GENITIVE_NOUNS, ADMIN_WORDS, SERVICE_WORDS, HOME_WORDS].some((set) => set.has(before))
    );
  }

  // "from Ségou", "de Gao à Bamako", "ka bɔ Bamako": a journey asked about starts where the
  // writer is; "rentré de Kidal", "je suis de Kayes": a place left behind.
  private originRole(match: Match, tokens: Token[], taken: boolean[]): Role | null {
    let at = match.start - 1;
    // "de la X"
    if (tokens[at].folded === 'la' && at > 0 && ORIGIN_BEFORE.has(tokens[at - 1].folded)) at--;
    const word = tokens[at].folded;
    if (!ORIGIN_BEFORE.has(word)) return null;
    const before = tokens[at - 1]?.folded ?? '';
    const genitive = ['de', 'du', 'd'].includes(word);
    if (this.isSpotOf(at, tokens)) return null;
    // "bring my wife and kids from Nioro": the relatives' place.
    for (let i = Math.max(0, at - 4); i < at; i++) if (this.isKin(i, tokens)) return 'kin';
    // "arrivé hier de Gao", "we moved from Gao" (not "want to move"): the journey is over.
    for (let i = Math.max(0, at - 3); i < at; i++) {
      if (ARRIVAL_WORDS.has(tokens[i].folded) && !['to', 'ka'].includes(tokens[i - 1]?.folded)) {
        return 'from';
      }
    }
    const next = tokens[match.end];
    const toPlace =
      !!next &&
      TOWARDS.has(next.folded) &&
      (taken[match.end + 1] || (next.folded === 'jusqu' && taken[match.end + 2]));
    if ((genitive || word === 'from' || word === 'depuis') && toPlace) return 'leaving';
    if (word === 'bo' && before === 'ka') return 'leaving';
    const travel = tokens.some(
      (t) => TRAVEL_WORDS.has(t.folded) || DESTINATION_VERBS.has(t.folded),
    );
    return (word === 'from' || word === 'depuis') && travel ? 'leaving' : 'from';
  }

  // The role one word before a name gives it, or null when the word says nothing.
  private cue(i: number, tokens: Token[], taken: boolean[]): Role | null {
    const word = tokens[i].folded;
    const before = tokens[i - 1]?.folded ?? '';
    if (DESTINATION_VERBS.has(word)) return 'to';
    if (TOWARDS.has(word) && TRAVEL_WORDS.has(before)) return 'to';
    if (PAST_MARKERS.has(word)) return 'from';
    if (BIRTH_WORDS.has(word) || this.isBorn(i, tokens)) return 'born';
    // "I'm stuck", not "il m'a envoyé".
    if (word === 'm' && before !== 'i') return null;
    if (BEING_VERBS.has(word)) return this.subjectRole(i, tokens, taken);
    if (this.isKin(i, tokens)) return 'kin';
    if (word === 'moi') return WITH_WORDS.has(before) ? 'home' : 'here';
    if (SERVICE_WORDS.has(word)) return 'service';
    if (HOME_WORDS.has(word)) return 'home';
    return null;
  }

  // Who is at the place a verb of being speaks of: the writer, a relative or someone else.
  private subjectRole(i: number, tokens: Token[], taken: boolean[]): Role {
    let self = SELF_VERBS.has(tokens[i].folded);
    for (let j = i - 1; j >= Math.max(0, i - 3) && !taken[j] && !tokens[j + 1].clauseStart; j--) {
      const word = tokens[j].folded;
      if (CONJUNCTIONS.has(word)) break;
      if (PAST_MARKERS.has(word)) return 'from';
      if (SELF_PRONOUNS.has(word)) return 'here';
      if (this.isKin(j, tokens)) return 'kin';
      if (BEING_VERBS.has(word)) self ||= SELF_VERBS.has(word);
      // Another subject: "my passport dey for Kayes", "il habite à Kati".
      else if (!SUBJECT_SKIP.has(word)) return self ? 'here' : 'other';
    }
    return self || FIRST_PERSON_VERBS.has(tokens[i].folded) ? 'here' : 'other';
  }

  // "ma mère", "my people", "n somɔgɔw", "n ba" (my mother); not "chez mon oncle", "avec ma famille".
  private isKin(i: number, tokens: Token[]): boolean {
    const word = tokens[i].folded;
    const before = tokens[i - 1]?.folded ?? '';
    const kin =
      KIN_WORDS.has(word) ||
      (KIN_AFTER_PRONOUN.has(word) && (BAMBARA_PRONOUNS.has(before) || before === 'ka'));
    return kin && !tokens.slice(Math.max(0, i - 2), i).some((t) => WITH_WORDS.has(t.folded));
  }

  // "né à Douentza", "je suis ne a Nioro" (not the Bambara pronoun "ne").
  private isBorn(i: number, tokens: Token[]): boolean {
    const token = tokens[i];
    if (token.folded !== 'ne' && token.folded !== 'nee') return false;
    const before = tokens[i - 1]?.folded ?? '';
    return (
      /^n[éÉ]e?$/i.test(token.text) ||
      ['suis', 'jsuis', 'chui', 'est', 'es', 'sont', 'etait'].includes(before)
    );
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
