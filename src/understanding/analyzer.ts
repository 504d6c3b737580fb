import { readFileSync } from 'fs';
import { NEED_CODES, type NeedCode } from '../common/needs';
import { Gazetteer } from '../geography/gazetteer';
import type { Place } from '../geography/place';
import { MODEL_PATH } from './corpus';
import { CRISIS_NEEDS, crisisKinds, hasDangerCue, saysSafeNow, violenceIsOver } from './crisis';
import { clauses, moneyOnlyForPurpose, PURPOSES, words } from './features';
import { detectLanguage } from './language';
import { NeedModel, type NeedModelJson } from './need-model';
import { aboutAnAnimal, jokeOnly, thanksOnly } from './thanks';

// A classifier score above which a message is urgent even without a danger word: indirect
// crises ("walk into the desert like my friends") often carry none, and a caseworker's look
// costs little.
const SURE = 0.5;

export type AnalysisLanguage = 'fr' | 'en' | 'bm' | 'unknown';

export interface Analysis {
  language: AnalysisLanguage;
  needs: NeedCode[];
  urgent: boolean;
  location: { region: string; place: string } | null;
  confidence: number;
  place: Place | null;
}

export const EMPTY_ANALYSIS: Readonly<Analysis> = Object.freeze({
  language: 'unknown',
  needs: [],
  urgent: false,
  location: null,
  confidence: 0,
  place: null,
});

export function loadModelJson(path: string = MODEL_PATH): NeedModelJson {
  return JSON.parse(readFileSync(path, 'utf8')) as NeedModelJson;
}

// Needs, urgency, language and place of one message. Pure and synchronous once built.
export class Analyzer {
  private readonly model: NeedModel;

  constructor(
    model: NeedModelJson,
    private readonly gazetteer: Gazetteer = Gazetteer.default(),
  ) {
    this.model = new NeedModel(model);
  }

  static load(path: string = MODEL_PATH): Analyzer {
    return new Analyzer(loadModelJson(path));
  }

  analyze(text: string): Analysis {
    if (typeof text !== 'string' || text.trim() === '') return { ...EMPTY_ANALYSIS, needs: [] };
    const parts = clauses(text);
    const scores = this.model.scores(parts);
    const needs = new Set<NeedCode>(NEED_CODES.filter((n) => scores[n] >= this.model.threshold(n)));
    // Money tied to a purpose goes to that purpose, not to cash as well.
    if (needs.has('cash') && PURPOSES.some((n) => needs.has(n)) && moneyOnlyForPurpose(parts))
      needs.delete('cash');
    const tokens = words(text);
    const kinds = crisisKinds(tokens);
    // Patterns, or the classifier when the message carries a danger word, or the classifier
    // alone when it is sure: recall comes first.
    const urgentScore = scores.urgent;
    const urgent =
      kinds.length > 0 ||
      (!saysSafeNow(tokens) &&
        (urgentScore >= SURE ||
          (urgentScore >= this.model.threshold('urgent') && hasDangerCue(tokens))));
    if (kinds.length === 0 && (thanksOnly(text, tokens) || jokeOnly(text, tokens))) needs.clear();
    if (kinds.length === 0 && aboutAnAnimal(tokens))
      ['health', 'food'].forEach((n) => needs.delete(n as NeedCode));
    // Violence the writer says is over ("they beat us in Libya, now I am fine") needs no protection.
    if (kinds.length === 0 && needs.has('protection') && violenceIsOver(tokens))
      needs.delete('protection');
    kinds.forEach((k) => CRISIS_NEEDS[k].forEach((n) => needs.add(n)));

    const language = detectLanguage(text);
    const place = this.gazetteer.extract(text);
    const chosen = NEED_CODES.filter((n) => needs.has(n));
    // How sure we are of the weakest decision: the least certain chosen need, or the
    // strongest need we left out when none was chosen.
    const confidence = chosen.length
      ? Math.min(
          ...chosen.map((n) => (kinds.some((k) => CRISIS_NEEDS[k].includes(n)) ? 1 : scores[n])),
        )
      : 1 - Math.max(...NEED_CODES.map((n) => scores[n]));
    return {
      language,
      needs: chosen,
      urgent,
      location: place ? { region: place.region, place: place.name } : null,
      confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
      place,
    };
  }
}
