import { LAUGHTER } from './crisis';

// Messages whose need words name no need of the writer's: thanks for help already given, a
// joke, an animal's illness. The classifier reads words; these read the situation.

// A message that only thanks or reports good news ("merci, j'ai trouvé le travail") names
// the need that was met, not a need: no referral should come of it.
const THANKS =
  /\b(merci\w*|mrc|thanks?|thank (you|u)|thx|tnx|barika|a ni ce|i ni ce( kosebe)?|god bless|dieu vous benisse|ala ka (aw|i) (deme|sara|barika))\b/;
// Help received or good news: the thanks is for something already done.
const DONE =
  /\b(merci (pour|de) (le|la|les|l|votre|vos|tout|ton|ta)|thanks? (you )?(so much |very much )?for (the|your|all|my)|trouve|found|got|recu|received|arrive\w*|arrived|reached|va bien|vont bien|va mieux|is fine|are fine|is better|doing well|se passe bien|went well|bien recu|aide|aidee|helped|soigne\w*|gueri\w*|treated|cured|commence|started|fermer|close|c est bon|content\w*|heureu\w*|happy|grateful|bonne nouvelle|good news|keneyara|kenyara|kenyana|a ka nyi|ka nyi|soro|sorola|n sera)\b/;
// Anything that still asks, lacks or hurts keeps the message a request.
const STILL_NEEDS =
  /\b(svp|stp|plait|please|pls|plz|plis|abeg|aid\w*|help|besoin|need\w*|want|wan|veux|veut|voudrais|cherch\w*|looking|dois|deme|fe ka|b a fe|mago|mako|nyini|comment|how|where|ou|when|quand|mais|but|nka|however|encore|still|toujours|pas|rien|no|not|nothing|never|jamais|te|ma|sans|without|plus|malade|sick|faim|hungry|mal|pain|dimi|bana|peur|fear|siran|probleme|problem|request\w*|demande\w*|sollicit\w*|dette\w*|debt\w*)\b/;

export function thanksOnly(text: string, tokens: string[]): boolean {
  if (text.includes('?')) return false;
  const plain = tokens.join(' ');
  return THANKS.test(plain) && DONE.test(plain) && !STILL_NEEDS.test(plain);
}

// A joke ("je meurs de faim lol", "kɔngɔ bɛ n faga haha") that asks for nothing names no need.
const ASKS =
  /\b(svp|stp|plait|please|pls|plz|plis|abeg|aid\w*|help|besoin|need\w*|cherch\w*|looking|want|wan|veux|voudrais|b a fe|be a fe|fe ka|mago|mako|nyini|deme|urgent|serieux|serious|blague|joke)\b/;

export function jokeOnly(text: string, tokens: string[]): boolean {
  const plain = tokens.join(' ');
  return !text.includes('?') && LAUGHTER.test(plain) && !ASKS.test(plain);
}

// A sick or hungry animal is for a vet, not a health or food need of the person.
const ANIMAL =
  /\b(goat|goats|sheep|cow|cows|donkey|chicken|chickens|chevre|chevres|mouton|moutons|vache|vaches|boeuf|boeufs|poule|poules|saga|sagaw|misi|misiw|bagan|baganw|vet|veterinaire|veterinair|veterinener|veto)\b/;
const PERSON_UNWELL =
  /\b(je suis|j ai|i am|i m|i have|my (child|son|daughter|wife|husband|mother|father|baby)|mon (enfant|fils|bebe|mari)|ma (fille|femme|mere)|n (bana|ka bana|den|denke|denmuso|muso|ce|ba|fa))\b/;

export function aboutAnAnimal(tokens: string[]): boolean {
  const plain = tokens.join(' ');
  return ANIMAL.test(plain) && !PERSON_UNWELL.test(plain);
}
