import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import type { NeedCode } from '../common/needs';

export type CrisisKind = 'suicide' | 'violence' | 'medical' | 'child' | 'missing_child';

// Patterns run on the plain normalised words of a message joined by single spaces
// (lowercase, no accents, Bambara letters folded: ɛ→e, ɔ→o, ɲ→ny).
const SUICIDE: RegExp[] = [
  /\bsuicid/,
  /\b(me|m|se|s) (tuer|pendre|pends|jeter|noyer|bruler|empoisonner|supprimer|ouvrir les veines)\b/,
  /\b(plus|pas|jamais) (envie de |le gout de )?vivre\b/,
  /\b(veux|veut|vais|envie de|prefere|voudrais|aimerais) (juste )?(mourir|disparaitre|en finir|partir pour toujours)\b/,
  /\ben finir\b/,
  /\bmettre fin a (mes|ma|ses|sa) (jours|vie)\b/,
  /\braisons? (de|2) vivre\b/,
  /\b(ne )?plus (jamais )?me reveiller\b/,
  /\bdernier message\b/,
  /\bla mort (vaut|est) mieux\b|\bmieux (vaut )?mourir\b|\bprefere mourir\b/,
  /\bplus (vous|te) deranger\b/,
  /\bpersonne ne (me )?regrettera\b/,
  /\b(tout|toutes les pilules|tous les comprimes) avaler\b|\bavaler (tous|toutes) (les|mes)\b/,
  /\bme (suis )?(coupe|couper|scarifie|brule|blesse)\w* (les|le|la|mes|au|aux) (bras|poignets?|veines|jambes?|corps)\b/,
  /\b(kill|killing|hang|hanging|hurt|hurting|cut|cutting|drown|harm|harming) (my ?self|him ?self|her ?self)\b/,
  /\bend (it|it all|everything|my life)\b/,
  /\btake (my|ma|mi|his|her) (own )?life\b/,
  /\b(don t|dont|do not|no|not) (want|wan|wish) (to )?(live|be alive|continue)\b/,
  /\b(want|wanna|wish|rather|better i|going) (to )?die\b/,
  /\bnever wake up\b/,
  /\bno (reason|point|use) (to|in|for) (continue|continuing|living|live|life)\b/,
  /\b(see|is) (the|no) point (anymore|any more|in living|of living)\b/,
  /\bbetter off without me\b/,
  /\blast message\b/,
  /\bpills (are )?ready\b/,
  /\bjump(ing)? (from|off) (the|a) (bridge|building|roof)\b/,
  /\b(sauter|me jeter|me lancer) (du|d un|de l|de la|dans le|dans la) (pont|immeuble|toit|falaise|fleuve|puits)\b/,
  /\btired of (living|life)\b/,
  /\b(partir de|quitter) ce monde\b|\bleave this world\b|\bbo (dinye|dunuya)\b/,
  /\bmort aux rats\b|\brat poison\b|\bpoison (a|pour les) rats\b|\bnyine fura\b/,
  /\b(la corde|une corde|the rope|a rope)\b.*\b(fini|over|end|mourir|die)\b/,
  /\b(c est|it is|it s) (fini|over|finished) (pour|for) moi\b|\bit is over for me\b|\ba banna n ma\b/,
  /\b(sert|vaut) (a )?rien de vivre\b|\bpoint (of|in) (living|being alive)\b/,
  /\b(vais|va) (tout )?arreter tout\b|\bje vais tout arreter\b/,
  /\bfe ka sa\b/,
  /\byere (faga|fili|tige|jogin|bon)\b/,
  /\b(nyenamaya|nenamaya)\b.*\b(nafa|tun|ban|fisa|segen|sege)\b|\bsegenna ni (nyenamaya|nenamaya)\b/,
  /\bsaya ka fisa\b/,
  /\bfe ka ban\b/,
  /\bfurakisew?\b.*\bu bee (kunun|min)\b|\bfurakisew? san ka\b/,
];

const VIOLENCE_STRONG: RegExp[] = [
  /\b(en train|entrain) de (me|nous|la|le|les|m) (frapper|battre|tuer|violer|attaquer|tabasser|poignarder)\b/,
  /\bau secours\b/,
  /\b(va|veut|vont|veulent|menace de) (me|nous) tuer\b/,
  /\b(couteaux?|machettes?|armes?|fusils?|gourdins?)\b.*\b(devant|menace|poursui|porte|maison|chambre|maintenant)\b/,
  /\b(devant|a) (ma|notre) porte\b.*\b(couteaux?|machettes?|armes?|fusils?|gourdins?|batons?)\b/,
  /\b(attaqu|frapp|tabass|poignard|egorg|tir)\w*\b.{0,25}\b(en ce moment|maintenant|actuellement|tout de suite)\b/,
  /\b(en ce moment|maintenant|actuellement)\b.{0,25}\b(attaqu|frapp|tabass|poignard|egorg)\w*/,
  /\b(hommes? armes?|tirent|tirs|coups de feu|fusillade)\b/,
  /\bm ont enferme\w*|\b(m|me) a enferme\w*|\bsuis enferme\w*|\bsequestr/,
  /\bme (violent|viole)\b|\bviol en cours\b/,
  /\bme poursui\w*/,
  /\b(right now|now|at the moment)\b.*\b(beat|beating|attack|attacking|kill|rape|raping|shoot|shooting)\w*|\b(beat|beating|attack|attacking|rape|raping|shoot|shooting)\w* (me|us) (right )?now\b/,
  /\b(is|are) (beating|attacking|raping|stabbing|chasing) (me|us)\b/,
  /\b(going|gonna|want|wants|trying) to kill (me|us)\b/,
  /\b(with|has|have|got) (a |an )?(knife|knives|machete|machetes|gun|guns|cutlass)\b/,
  /\b(gunmen|gunshots|shooting)\b/,
  /\blocked me\b|\blocked (in|inside) (a|the) room\b/,
  /\b(following|chasing) me\b/,
  /\b(help|save) (me|us) (now|quick|quickly|please)\b.*\b(beat|kill|attack|knife)\w*/,
  /\bbugo sisan\b|\bsisan\b.{0,15}\bbugo\b|\bdeme u be n bugo\b/,
  /\b(strangl|etrangl)\w*/,
  /\b(casse\w*|defonce\w*|enfonce\w*) la porte\b|\bbroke (the|our|my) door\b|\bbreaking (the|our|my) door\b|\bda kari\b/,
  /\bbena (an|n) faga\b/,
  /\b(fe ka n faga|b a fe ka n faga|n faga sisan)\b/,
  /\b(muru|marifa|marifatigi\w*)\b/,
  /\bdatugu\b/,
  /\bgen ni muru\b/,
];

const MEDICAL: RegExp[] = [
  /\bsaign\w* (beaucoup|bcp|abondamment|fort|trop|sans arret|enormement)\b/,
  /\bperd\w* (beaucoup de |trop de |du )sang\b|\bbeaucoup de sang\b/,
  /\b(ne|n) respire (plus|pas|mal)\b|\b(arrive|peut) (plus|pas) a respirer\b|\bne respire plus\b/,
  /\binconscient\w*\b|\bevanoui\w*\b|\bperdu connaissance\b/,
  /\bne se reveille (pas|plus)\b/,
  /\bconvuls\w*\b|\bcrise d epilepsie\b/,
  /\b(avale|bu|pris)\w* (du|de la|un|le) (poison|javel|produit|insecticide)\b|\bpoison\b|\bempoisonn\w*/,
  /\baccouch\w*\b.*\b(complication|saign|bloque|ne sort pas|depuis)\b/,
  /\b(devient|est) (tout )?bleu\b/,
  /\b(douleur|mal) (a|dans) la poitrine\b/,
  /\bbleeding (heavily|a lot|badly|too much|so much|non stop)\b|\bheavy bleeding\b/,
  /\b(losing|lost) (a lot of |so much |too much )?blood\b/,
  /\b(can ?t|cannot|can not|not|no fit) (breathe|breath|breathing)\b/,
  /\bunconscious\b|\bcollapsed\b|\bfainted\b|\bpassed out\b/,
  /\bnot waking up\b|\bwon ?t wake up\b/,
  /\b(drank|drink|swallowed|took) (poison|bleach|insecticide)\b/,
  /\bconvulsion|\bseizure/,
  /\blabou?r\b.*\b(stuck|bleeding|complication|days|hours)\b/,
  /\bchest pain\b/,
  /\bjoli\b.*\bbo\b.*\b(kosebe|caman)\b|\bjoli caman\b/,
  /\b(te|ma) se ka ninakili\b|\bninakili\b.*\b(te|ma)\b/,
  /\bhakili (ma segin|tununa|banna)\b/,
  /\bposon\b/,
  /\b(bu|avale|drank|drink|drunk|swallowed|min) (de l |du |de la |some )?(essence|petrol|gasoline|esansi|javel|bleach|acide|acid)\b/,
  /\bvomi\w* (du )?sang\b|\bvomiting blood\b|\bjoli fono\b/,
  /\bjiginni\b.*\b(den ma bo|joli|kabini)\b/,
];

const CHILD: RegExp[] = [
  /\b(enfants?|fillette|petite fille|petit garcon|bebe)\b.{0,40}\b(tout )?(seul|seule|sans parents|non accompagne|abandonne)\b/,
  /\b(child|boy|girl|kid|baby|children|daughter|son)\b.{0,40}\b(alone|without parents|unaccompanied|abandoned)\b/,
  /\b(little|small|young) (girl|boy|child)\b.{0,30}\blost\b/,
  /\bden\w*\b.{0,30}\bkelen na\b/,
];

const MISSING_CHILD: RegExp[] = [
  /\b(fille|fils|garcon|enfant|petit|petite|bebe)\b.{0,30}\b(a |est )?disparu\w*\b/,
  /\b(child|boy|girl|kid|baby|daughter|son)\b.{0,30}\b(is |has gone |went )?missing\b/,
  /\b(den|denmuso|denke|denmisen)\w*\b.{0,20}\btununa\b/,
];

// Words that turn an alarming pattern into an idiom or a finished event.
// Year-scale time only: "I came back last week" must not hide a crisis happening now.
const PAST_OR_IDIOM: RegExp[] = [
  /\b(l an (dernier|passe)|l annee (derniere|passee)|il y a \w+ ans?|c est fini|ca va (mieux|maintenant)|maintenant ca va|je suis libre|j ai failli)\b/,
  /\b(last year|years? ago|it is over|it s over|i m fine now|i am fine now|thank god i am|nearly died|almost died)\b/,
  /\b(san temenen|kalo temenen|sisan n ka kene|sisan a ka fisa|ala ye n kisi)\b/,
];

// Which need each kind of crisis implies.
export const CRISIS_NEEDS: Record<CrisisKind, NeedCode[]> = {
  suicide: ['mental_health'],
  violence: ['protection'],
  medical: ['health'],
  child: ['protection'],
  missing_child: ['protection', 'family'],
};

// Key words of the patterns above; a misspelt one ("unconcious", "couteeaux") is put right first.
const CRISIS_WORDS = [
  'suicide',
  'suicider',
  'mourir',
  'vivre',
  'tuer',
  'pendre',
  'avaler',
  'medicaments',
  'disparaitre',
  'reveiller',
  'coupe',
  'couper',
  'veines',
  'poignets',
  'frapper',
  'battre',
  'attaque',
  'attaquer',
  'couteau',
  'couteaux',
  'machette',
  'machettes',
  'enfermee',
  'enferme',
  'poursuit',
  'secours',
  'saigne',
  'beaucoup',
  'respire',
  'respirer',
  'inconscient',
  'evanoui',
  'reveille',
  'convulse',
  'poison',
  'accouche',
  'accouchement',
  'poitrine',
  'disparu',
  'enfant',
  'seul',
  'maintenant',
  'moment',
  'myself',
  'himself',
  'herself',
  'anymore',
  'living',
  'breathe',
  'breathing',
  'unconscious',
  'collapsed',
  'bleeding',
  'heavily',
  'losing',
  'blood',
  'poison',
  'labour',
  'going',
  'knife',
  'knives',
  'machete',
  'locked',
  'following',
  'attacking',
  'beating',
  'shooting',
  'gunmen',
  'missing',
  'alone',
  'daughter',
  'children',
  'waking',
  'ninakili',
  'furakisew',
  'nyenamaya',
  'jiginni',
  'marifa',
  'datugu',
  'kosebe',
  'denmisen',
  'tununa',
];

const correctionCache = new Map<string, string>();
function corrected(word: string): string {
  if (word.length < 5) return word;
  let out = correctionCache.get(word);
  if (out === undefined) {
    out = word;
    let best = 0.91;
    for (const key of CRISIS_WORDS) {
      if (key === word) {
        out = word;
        break;
      }
      if (Math.abs(key.length - word.length) > 2 || key[0] !== word[0]) continue;
      const score = JaroWinklerDistance(word, key, {});
      if (score > best) {
        best = score;
        out = key;
      }
    }
    correctionCache.set(word, out);
  }
  return out;
}

// Doubled letters are unreliable in texting ("of" for "off", "se" for "see", "unconcious"): every
// pattern is also tried with doubled letters squeezed, on the squeezed text.
const squeeze = (text: string): string => text.replace(/([a-z])\1+/g, '$1');

interface Pattern {
  re: RegExp;
  short: RegExp;
}
const compile = (list: RegExp[]): Pattern[] =>
  list.map((re) => ({ re, short: new RegExp(re.source.replace(/(?<!\\)([a-z])\1+/g, '$1')) }));
const SUICIDE_P = compile(SUICIDE);
const VIOLENCE_P = compile(VIOLENCE_STRONG);
const MEDICAL_P = compile(MEDICAL);
const CHILD_P = compile(CHILD);
const MISSING_CHILD_P = compile(MISSING_CHILD);
const PAST_P = compile(PAST_OR_IDIOM);

// Crisis kinds whose patterns match. Suicidal talk is never discounted as past or idiom:
// a wrong alarm costs a caseworker a minute, a missed one may cost a life.
export function crisisKinds(tokens: string[]): CrisisKind[] {
  const plain = tokens.map(corrected).join(' ');
  const squeezed = squeeze(plain);
  const any = (patterns: Pattern[]): boolean =>
    patterns.some(({ re, short }) => re.test(plain) || short.test(squeezed));
  const kinds: CrisisKind[] = [];
  if (any(SUICIDE_P)) kinds.push('suicide');
  const past = any(PAST_P);
  if (!past && any(VIOLENCE_P)) kinds.push('violence');
  if (!past && any(MEDICAL_P)) kinds.push('medical');
  if (any(CHILD_P)) kinds.push('child');
  if (any(MISSING_CHILD_P)) kinds.push('missing_child');
  return kinds;
}

// Words that make a doubtful classifier score worth a human's look.
const DANGER = compile([
  /\b(mour\w*|mort|morte|tuer|tue|suicid\w*|pendre|finir|vivre|disparaitre|sang|saign\w*|respir\w*|couteau\w*|machette\w*|arme\w*|secours|enferm\w*|seul|seule|poison|inconscient|danger|frapp\w*|viol\w*|battre|bat)\b/,
  /\b(die|dying|death|dead|kill\w*|suicid\w*|hang|blood|bleed\w*|breath\w*|knife|knives|machete\w*|gun\w*|help|alone|missing|poison|unconscious|danger|beat\w*|rape\w*|locked|point|end)\b/,
  /\b(sa|saya|faga|joli|ninakili|muru|marifa|bugo|kelen|tununa|poson|datugu|deme)\b/,
]);

export function hasDangerCue(tokens: string[]): boolean {
  const plain = tokens.map(corrected).join(' ');
  const squeezed = squeeze(plain);
  return DANGER.some(({ re, short }) => re.test(plain) || short.test(squeezed));
}
