// A message that only thanks or reports good news ("merci, j'ai trouvé le travail") names
// the need that was met, not a need: no referral should come of it.
const THANKS =
  /\b(merci\w*|mrc|thanks?|thank (you|u)|thx|tnx|barika|a ni ce|i ni ce( kosebe)?|god bless|dieu vous benisse|ala ka (aw|i) (deme|sara|barika))\b/;
// Help received or good news: the thanks is for something already done.
const DONE =
  /\b(merci (pour|de) (le|la|les|l|votre|vos|tout|ton|ta)|thanks? (you )?(so much |very much )?for (the|your|all|my)|trouve|found|got|recu|received|arrive\w*|arrived|reached|va bien|vont bien|va mieux|is fine|are fine|is better|doing well|se passe bien|went well|bien recu|aide|aidee|helped|soigne\w*|gueri\w*|treated|cured|commence|started|fermer|close|c est bon|content\w*|heureu\w*|happy|grateful|bonne nouvelle|good news|kenyara|kenyana|a ka nyi|ka nyi|soro|sorola|n sera)\b/;
// Anything that still asks, lacks or hurts keeps the message a request.
const STILL_NEEDS =
  /\b(svp|stp|plait|please|pls|plz|plis|abeg|aid\w*|help|besoin|need\w*|want|wan|veux|veut|voudrais|cherch\w*|looking|dois|deme|fe ka|b a fe|mago|mako|nyini|comment|how|where|ou|when|quand|mais|but|nka|however|encore|still|toujours|pas|rien|no|not|nothing|never|jamais|te|ma|sans|without|plus|malade|sick|faim|hungry|mal|pain|dimi|bana|peur|fear|siran|probleme|problem|request\w*|demande\w*|sollicit\w*|dette\w*|debt\w*)\b/;

export function thanksOnly(text: string, tokens: string[]): boolean {
  if (text.includes('?')) return false;
  const plain = tokens.join(' ');
  return THANKS.test(plain) && DONE.test(plain) && !STILL_NEEDS.test(plain);
}
