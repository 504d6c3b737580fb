import { JaroWinklerDistance } from 'natural/lib/natural/distance';
import type { NeedCode } from '../common/needs';

export type CrisisKind = 'suicide' | 'violence' | 'medical' | 'child' | 'missing_child';

// Patterns run on the plain normalised words of a message joined by single spaces
// (lowercase, no accents, Bambara letters folded: ɛ→e, ɔ→o, ɲ→ny).
const SUICIDE: RegExp[] = [
  /\bsuicid/,
  /(?<!failli )\b(me|m|se|s) (tuer|pendre|pends|jeter|noyer|bruler|empoisonner|supprimer|ouvrir les veines)\b/,
  /\b(plus|pas|jamais) (envie de |le gout de )?vivre\b/,
  /\b(me|m) (jette|jetterai|noie|noierai)\b.{0,20}\b(fleuve|puits|eau|riviere|mer|niger|pont)\b/,
  /\bn (be|na|bena) n yere fili\b/,
  /\b(veux|veut|vais|envie de|prefere|voudrais|aimerais) (juste )?(mourir|disparaitre|en finir|partir pour toujours)\b/,
  /\ben finir\b/,
  /\bmettre fin a (mes|ma|ses|sa) (jours|jrs|jurs|vie)\b/,
  /\braisons? (de|2) vivre\b/,
  /\b(ne )?plus (jamais )?me reveiller\b/,
  /\bdernier message\b/,
  /\bla mort (vaut|est) mieux\b|\bmieux (vaut )?mourir\b|\bprefere mourir\b/,
  /\bplus (vous|te) deranger\b/,
  /\bpersonne ne (me )?regret\w*/,
  /\bquand je (ne )?serai plus la\b/,
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
  /\b(partir de|quitter) ce monde\b|\b(leave|leae|quit|leaving) this (world|word|earth|life)\b|\bbo (dinye|dunuya)\b/,
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
  // Overdose: a whole box, all the pills, too many tablets (fr/en/bm).
  /\b(pris|pri|bu|prendre|avale\w*)\b (toute la boite|toutes? (les|mes|ses|la)|tous (les|mes|ses)|tout les|tt les|une boite|plein de|trop de|beaucoup de|la plaquette|une plaquette)\b.{0,25}\b(comprimes?|cachets?|medicaments?|medocs?|pilules?|plaquettes?)\b/,
  /\b(swallow|swallowed|took|taken|take|drank|drink|ate|eaten|overdosed on|finish|finished)\b.{0,20}\b(all|whole|every|too many|a lot of|lots of|many|a bottle of|a box of|bottle|box|packet|pack)\b.{0,20}\b(pills?|tablets?|medicines?|medication|drugs|capsules?)\b/,
  /\boverdos\w*/,
  /\b(pri|pris|prit|avale|bu)\b.{0,30}\b(medikaman|medicaman|medicament|medicaments|medocs?|comprimes?|cachets?)\b.{0,30}\b(tou|tous|tout|toute|tt)\b/,
  /\b(took|taken|swallowed|swallow|drank|ate|pris|avale|bu)\b.{0,15}\b([1-9][0-9]+|plein|lots)\b.{0,12}\b(pills?|tablets?|comprimes?|cachets?|paracetamol|doliprane|tramadol|diazepam|valium|medicaments?)\b/,
  /\b(tramadol|paracetamol|doliprane|diazepam|valium)\b.{0,20}\b(tout|toute|tous|all|bee|whole|boite|box|bottle|plaquette)\b/,
  /\bfurakise\w* (bee|caman|ninnu bee) (kunun|min)\b|\bfurakise\w*\b.{0,25}\bu (bee|caman) (kunun|min)\b/,
  // Hanging, drowning, jumping, cutting, burning: methods said in the first person.
  /\b(me|m) (foutre|fiche|ficher) en le air\b/,
  /\b(corde|rope)\b.{0,40}\b(cou|pendre|pends|accrocher|accroche|arbre|manguier|plafond|poutre|neck|hang|tree|ceiling|tonight|ce soir|cette nuit)\b/,
  /\b(cou|pendre|pends|accrocher|accroche|neck|hang)\b.{0,40}\b(corde|rope)\b/,
  /\b(slit|slitting|cut|cutting|cuts|slash\w*) (my|ma|mi|his|her|the)? ?(wrists?|veins|arms?|throat)\b/,
  /\b(ouvrir|ouvert|trancher|tranche|couper|coupe) (les|mes|ses) veines\b|\bme (trancher|tranche|taillad\w*)\b|\b(taillad|entaill|scarifi)\w* (les|mes|le|la|ses) (poignets?|veines|bras|gorge)\b/,
  /\b(jump|jumping|throw myself|throwing myself) (in|into|off|from|under|in front of)\b|\bmy ?self (in|into) the (river|sea|well|lake|water)\b/,
  /\b(me jeter|me lancer|sauter) (sous|devant) (un|une|le|la|les)\b/,
  /\bmy ?self on fire\b|\bme (bruler|immoler)\b|\bm immoler\b/,
  // Intentions: not wanting to live or wake, wishing to be dead, saying goodbye.
  /\b(ne )?(veux|veut|voudrais|vais|ai envie de|aimerais) (plus|pas) (me )?(reveiller|exister|etre la|etre en vie|continuer a vivre)\b/,
  /\b(marre|fatigue|lasse|degoute)e? de (la vie|vivre|cette vie|exister)\b/,
  /\b(rester|reste|etre) en vie\b.{0,25}\b(sert|vaut|rien|pas la peine|inutile)\b|\b(sert|vaut) (a )?rien (que|de) (je )?(reste|rester|vivre|vive)\b/,
  /\b(ma|la) vie (ne a|n a|a) plus (de |aucun )?(sens|valeur)\b|\bplus (aucune )?raison de (vivre|continuer|rester)\b/,
  /\b(vais|veux|envie de|pense a|va) (me|m) (faire du mal|tuer|supprimer|ote la vie)\b/,
  /\badieu (a tous|tout le monde|ma famille|maman|les amis)\b|\bpardonnez moi\b.{0,30}\b(adieu|partir|fin)\b/,
  /\b(do not|dont|don t|no|never) (want|wan|wish) (to )?(wake|be here|exist|see tomorrow|be alive|continue)\b/,
  /\b(wish|want) (i|to) (was|were|be) (dead|never born|gone)\b|\bwish i (was|were) (dead|never born)\b/,
  /\b(ending|end|take|taking|finish|finishing) (my|ma|mi) (own )?(life|self)\b|\bending it( all)?\b/,
  /\b(hurt|harm|hurting|harming|kill|killing|finish) (my ?self|mi ?self|ma ?self)\b/,
  /\b(can not|cannot|no fit) (go on|continue) (living|anymore|any more)\b/,
  /\bsuicidal\b|\b(say|saying|this is) (goodbye|my goodbye)\b.{0,30}\b(forever|everyone|all|family|world)\b/,
  /\b(te|tena) fe ka to (dinye|dunuya|dugukolo) (kan|la)\b/,
  // Sleeping for ever, a last night or day: said of oneself, tonight or today.
  /\b(dormir|endormir|sommeil) (pour toujours|pour de bon|a jamais|eternel)\b|\bsleep (forever|for ever|for good|and never)\b|\beternal sleep\b/,
  /\b(tonight|today|this night) (is|will be) my last\b|\bmy last (day|night) (on earth|alive|in this world)\b|\b(ce soir|cette nuit|aujourd hui) (c est|est|sera) (ma derniere|mon dernier)\b|\btile laban\b|\bsu laban\b/,
  /\b(nyenamaya|nenamaya)\b.{0,30}\b(banna|tugun|te fe|ka ban)\b|\b(te|ma) fe ka (nyenamaya|nenamaya)\b/,
  /\bka n (yere )?(to )?ban\b|\bn yere (siri|jeni|fili ji la)\b/,
  /\bsaya\b.{0,25}\b(ka fisa|fe|nyini|de ka fisa)\b/,
  // Said of oneself or of someone close: a burden, better off without them, missed by no one.
  /\b(serait|seraient|serais|sera|seront|serions|vivrait|vivraient) (bien )?mieux sans (moi|lui|elle)\b/,
  /\b(better|happier) (off )?without (me|him|her)\b/,
  /\b(un |une )?(fardeau|poids|charge) pour (ma |sa |la |mes |ses |tout le monde|les autres|vous|eux|personne)/,
  /\b(a |only a |just a )?burden (to|for|on) (my|his|her|everyone|everybody|you|them|the family)\b/,
  /\bpersonne ne (va |vas )?(me |la |le |l )?(regrett|pleur|manqu)\w*|\b(je|il|elle) ne manquer\w* a personne\b/,
  /\b(nobody|no one|noone|no body|none) (will|go|gon|gonna|would|wil) (miss|cry for|cry over|remember|notice) (me|him|her)\b/,
  /\b(quand|lorsque|si) (je|il|elle|j) (ne )?(serai|sera|serais|serait) plus (la|de ce monde|en vie)\b|\b(ne )?plus (etre )?la demain\b/,
  /\b(when|once|after) (i m|i am|im|he s|she s|he is|she is) (gone|dead|no more)\b|\b(won t|will not|wont|no go) (be )?(here|around|alive) (tomorrow|anymore|any more|much longer|for long)\b/,
  /\b(prenez|prends|prendre|occupez vous|occupe toi|veillez|veille) (bien )?(soin )?(de|sur) (mes enfants|ma mere|maman|ma famille|mes petits)\b.{0,30}\b(pour moi|apres moi|quand|adieu|pardon)\b/,
  /\b(take care of|look after) my (kids|children|family|mother|mama|mum|mom|pikin\w*)\b.{0,30}\b(for me|when|after|forever|goodbye|gone)\b/,
  /\btell (my|ma|mi) (mother|mum|mama|mom|family|wife|kids|children|people) (i am |i m |im |say |that )?(sorry|i love)\w*/,
  /\bdites? a (ma mere|maman|ma famille|mes enfants|ma femme)\b.{0,20}\b(pardon|desole|je (les|l) aime)\b/,
  /\b(idees?|pensees?) (noires?|de mort|suicidaires?)\b|\bdark thoughts\b|\b(think|thinking|thought|thoughts) (about|of) (dying|death|ending|killing myself|suicide)\b/,
  /\bpense\w* (souvent |tout le temps |parfois )?a (mourir|la mort|me tuer|en finir|me suicider)\b/,
  /\b(j ai|jai|il a|elle a) (achete|pris|cache|prepare) (du|le) poison\b|\b(bought|got|buy|hiding) (some )?poison\b/,
  /\b(ne|n) en (aurai|aurais) plus besoin\b|\bplus besoin de (mon|ma|mes) \w+ apres (ce soir|cette nuit|aujourd hui)\b/,
  /\bni n te (yen|dugukolo kan) (tun|tugun)\b/,
  /\bni n (sara|salen|tununa)\b.{0,40}\b(mogo si|foyi|fisa|ka nyi)\b|\bmogo si (te|tena) n (ko )?(nyini|kasi)\b/,
  /\b(mieux|better( off)?|happier) (si|if) (je|i|i m|i am) (n etais|ne etais|ne serais|ne existais|n existais|was|were|wasn t|weren t|am|m) (plus|pas|not|no longer|gone|dead|never born)\b/,
  /\b(personne|nobody|no one|noone|mogo si)\b.{0,20}\b(remarquer\w*|notice\w*|verrait|s en rendrait)\b.{0,25}\b(disparai\w*|disappear\w*|mour\w*|die\w*|gone|n etais plus|left)\b/,
  /\bdisappear\w* (forever|for ever|for good|completely|from this world)\b|\b(make|let) (i|me) (just )?disappear\b|\bdisparaitre (pour toujours|a jamais|pour de bon|de ce monde)\b/,
  /\b(stand|standing|stood|sit|sitting|sat) (on|at) the (edge|bridge|rail|railing|roof)\b|\b(river|sea|water|bridge|fleuve|pont|ji|baji) (would be|will be|c est|serait|sera) (peaceful|calm|calme|paisible|better|mieux|the answer|la solution)\b/,
  /\b(won t|wont|will not|no go) need (them|it|this|these|my \w+) (anymore|any more|again)?\b|\bn ka fenw bee di\b|\b(donne|distribue) (toutes )?mes affaires\b|\bgiv(e|ing|en) (away )?(all )?my (things|belongings|stuff) away\b|\bgiving away my\b/,
  /\b(je|il|elle) (veux|veut|voudrais|voudrait) (juste )?dormir (et|pour) (ne )?(plus|jamais)\b/,
  /\b(si je (meurs|mourais|mourrais|disparais|disparaissais)|if i (die|died|was dead|were dead|disappear\w*)|ni n (sara|tununa))\b.{0,30}\b(mieux|better|fisa)\b|\b(mieux|better) (si|if) (je|i) (meurs|mourais|die|died|disappear\w*)\b/,
  /\b(pardon|sorry|pardonne moi|forgive me) (maman|mama|mum|mom|ma mere|papa|mes enfants|my children|my kids|n ba|n denw)\b/,
  /\b(au bord|sur le bord) (du|de la|de l) (fleuve|riviere|pont|puits|falaise|vide|eau)\b|\bstanding on the (bridge|edge|roof)\b|\b(on|at) the edge of the (bridge|river|roof|well)\b/,
  /\b(derniere|dernier) (lettre|mot|sms)\b|\blettre d adieu\b|\b(last|goodbye|farewell|suicide) (letter|note|words)\b|\bbataki laban\b/,
  /\b(prenez|prends|occupez vous|occupe toi|veillez|veille) (bien )?(soin )?(de|sur) mes (enfants|petits|gosses)\b|\baw ka n denw (kolosi|mara|lamo)\b/,
  /\bsunogo (ka ban pewu|pewu|fo abada|abada)\b/,
  /\b(te|tena|ma) fe ka balo\b/,
  /\b(walk|walking) (into|in) the (desert|sea|river|ocean)\b|\bmarcher (dans|vers) (le desert|la mer|le fleuve)\b/,
];

const VIOLENCE_STRONG: RegExp[] = [
  /\b(en train|entrain) de (me|nous|la|le|les|m) (frapper|battre|tuer|violer|attaquer|tabasser|poignarder)\b/,
  /\bau secours\b/,
  /\b(en train|entrain) de se faire (battre|frapper|tabasser|tuer|violer|agresser|poignarder|egorger)\b/,
  /(?<!\b(landlord|proprio|proprietaire|bailleur|owner) )\b(chase|chasing|chased|pursue|pursuing|hunt|hunting) (me|us)\b(?! (out|comot|commot|from|away))(?!.*\b(every|often|always|sometimes)\b)/,
  /\b(be|bena) (n|an) (nofe|kofe|ko fe)\b.{0,25}\bsisan\b|\bsisan\b.{0,25}\b(n|an) (nofe|kofe|ko fe)\b|\bbe ka (n|an) tugu\b/,
  /\b(tape|frappe|battu|blesse|tabasse)\w*\b.{0,40}\b(est|e|et) (toujours|tjr|tjrs|encore) la\b|\b(hit|beat|beaten|wounded|stabbed)\b.{0,40}\b(is|dey) still (here|there|outside|inside)\b/,
  /\b(est|sont) enferme\w*\b.{0,60}\b(maintenant|crier|crie|cris|sans manger|depuis)\b/,
  /\bmari\w* (de force|force)\b.{0,40}\b(ce soir|cette nuit|aujourd hui|maintenant|demain matin)\b|\b(ce soir|cette nuit|aujourd hui)\b.{0,40}\bmari\w* (de force|force)\b|\b(forced|force) (to )?marr\w*\b.{0,40}\b(tonight|today|now)\b|\b(tonight|today)\b.{0,40}\b(forced|force) (to )?marr\w*/,
  // A threat on a condition ("if I come back") is for later, not now.
  /\b(va|veut|vont|veulent|menace de) (me|nous) tuer\b(?! (si|if|ni)\b)/,
  /\b(couteaux?|machettes?|armes?|fusils?|gourdins?)\b.*\b(devant|menace|poursui|porte|maison|chambre|maintenant)\b/,
  /\bbagarre\b.{0,30}\b(maintenant|en ce moment|devant chez)\b|\bfight\w*\b.{0,30}\b(right now|in front of (my|our) (house|door))\b/,
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
  /\b(with|has|have|got) (a |an )?(knife|knives|machete|machetes|gun|guns|cutlass)\b(?! (sharpening|business|seller|selling|shop))/,
  /\b(gunmen|gunshots|shooting)\b/,
  /\blocked me\b|\blocked (in|inside) (a|the) room\b/,
  /\b(help|save) (me|us) (now|quick|quickly|please)\b.*\b(beat|kill|attack|knife)\w*/,
  /\bbugo sisan\b|\bsisan\b.{0,15}\bbugo\b|\bdeme u be n bugo\b/,
  /\b(strangl|etrangl)\w*/,
  /\b(casse\w*|defonce\w*|enfonce\w*) la porte\b|\bbroke (the|our|my) door\b|\bbreaking (the|our|my) door\b|\bda kari\b/,
  /\bbena (an|n) faga\b/,
  /\b(fe ka n faga|b a fe ka n faga|n faga sisan)\b/,
  /\b(muru|marifa|marifatigi\w*)\b/,
  /(?<!\b(nye|ye) )\bdatugu\b/,
  /\bgen ni muru\b/,
  // Beaten, stabbed or attacked as we speak (fr/en/bm); a habit ("souvent", "tuma bee") is not enough.
  /\b(en train|entrain) de (battre|frapper|tabasser|tuer|violer|attaquer|poignarder|etrangler)\b/,
  /\b(me|nous|la|le|les) (bat|frappe|frappent|battent|tabasse|tabassent|etrangle|etranglent)\b.{0,30}\b(maintenant|en ce moment|actuellement|venez|vite|aidez|au secours|la porte)\b/,
  /\b(hitting|slapping|kicking|choking|strangling|stabbing|beating|flogging|whipping|attacking|raping|dragging)\b.{0,30}\b(right now|now|as i (type|write|text)|please come|come quick|send somebody|send someone|help me|help us)\b/,
  /\b(is|are|dey) (hitting|slapping|kicking|choking|strangling|stabbing|beating|flogging|whipping|attacking|raping|dragging|beat|flog|hit) (me|us|my|her|him|them)\b/,
  /\b(be|bena|ye) ka (n|an|a) (bugo|gosi|faga|tige|boro)\b|\b(bugo|gosi)\b.{0,20}\bsisan\b|\bsisan\b.{0,20}\b(bugo|gosi)\b/,
  // Just happened: stabbed, shot, attacked a moment ago.
  /\b(vient|viennent|venons|venez) de (me |le |la |nous |les |lui )?(poignarder|frapper|tabasser|agresser|attaquer|tirer|violer|battre|egorger)\b|\b(just|been|got) (stabbed|shot|attacked|raped|macheted)\b/,
  // Followed, hunted, threatened with death now.
  /\b(homme|hommes|quelqu un|gens|ils|il|on|types?|gars|mec) (me|nous) (suit|suivent|suivait|suivaient|poursuit|poursuivent|traque|traquent|guette|guettent)\b(?!.*\b(chaque|tous les|souvent)\b)/,
  /\b(follow|followed|following|stalking|stalk|trailing|hunting) (me|us)\b(?!.*\b(every|often|always|sometimes)\b)/,
  /\b(menace|menacent|menacer) de (me|nous) (tuer|frapper|bruler|egorger|tabasser)\b(?! (si|if)\b)/,
  /\b(threaten|threatening) (to )?(kill|killing) (me|us)\b(?! (if|when)\b)|\b(will|go|gonna) kill (me|us)\b(?! (if|when|one day)\b)/,
  /\b(tugu|tuguli)\b.{0,10}\bn ko\b(?!.*\b(su o su|tile o tile|tuma bee|tuma dow)\b)/,
  // Held against one's will: locked in, passport taken, forced to work or to pay to leave.
  /\b(me|m|nous) (ont |a |avez |avons )?(enferm|sequestr)\w*|\b(suis|sommes) (enferme\w*|sequestre\w*|prisonniere?s?)\b/,
  /\binterdit de (sortir|partir)\b|\b(me|nous) empech\w* de (sortir|partir|fuir)\b|\b(ne )?(me|nous) laisse\w* (pas|plus) (sortir|partir)\b/,
  /\block\w* (me|us)\b|\block\w* (her|him|them) (in|inside|up)\b|\b(locked|kept|keep|keeping|keeps|holding|hold|held) (me|us) (in|inside|prisoner|captive|hostage|here)\b/,
  /\b(will not|won t|do not|dont|does not|refuse to|no) (let|allow) (me|us) (leave|go|out|go out)\b/,
  /\b(are|is|dey) (selling|sell) (me|us)\b/,
  /\bdeme?\b.{0,10}\b(u|a|o) (be|bena) (n|an) (bugo|gosi)\b|\bmenferm\w*/,
  /\b(u|a) ye (n|an) (datugu|siri)\b|\b(u|a) (te|ma) (n|an) bila ka (bo|taa|boli)\b/,
  // Hiding from someone now, afraid of being found.
  /\b(je suis cachee?s?|je me cache|on se cache|nous nous cachons|(i am|i m|im|we are|we re) hiding)\b.{0,80}\b(peur|afraid|scared|siran\w*)\b/,
  /\bpeur (que? )?(il|ils|elle) (me|nous) (trouve|trouvent)\b|\b(afraid|scared) (that )?(he|they|she) (will )?finds? (me|us)\b/,
];

const MEDICAL: RegExp[] = [
  /\bsaign\w* (beaucoup|bcp|abondamment|fort|trop|sans arret|enormement)\b/,
  /\bperd\w* (beaucoup de |trop de |du )sang\b|\bbeaucoup de sang\b/,
  /\b(ne|n) respire (plus|pas|mal)\b|\b(arrive|peut) (plus|pas) a respirer\b|\bne respire plus\b/,
  /\binconscient\w*\b|\bevanoui\w*\b|\bperdu connaissance\b|\b(reprend|repris|revient|revenu) (pas|plus) (connaissance|a lui|a elle)\b|\bsans connaissance\b/,
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
  /\bfoam\w*\b.{0,30}\bmouth\b|\bmouth\b.{0,20}\bfoam\w*|\bbave\w*\b.{0,20}\bbouche\b|\bda la\b.{0,20}\bfilen\w*|\b(shake|shaking|shakes|trembl\w*)\b.{0,20}\b(ground|floor|sol|par terre)\b/,
  /\blabou?r\b.*\b(stuck|bleeding|complication|days|hours)\b/,
  /\bchest pain\b/,
  /\bjoli\b.*\bbo\b.*\b(kosebe|caman)\b|\bjoli caman\b/,
  /\b(te|ma) se ka ninakili\b|\bninakili\b.*\b(te|ma)\b/,
  /\bhakili (ma segin|tununa|banna)\b/,
  /\bposon\b/,
  /\b(bu|avale|drank|drink|drunk|swallowed|min) (de l |du |de la |some )?(essence|petrol|gasoline|esansi|javel|bleach|acide|acid)\b/,
  /\bvomi\w* (du )?sang\b|\bvomiting blood\b|\bjoli fono\b/,
  /\bjiginni\b.*\b(den ma bo|joli|kabini)\b/,
  // Not responding, not moving, collapsed (fr/en/bm).
  /\b(ne )?(repond|reagit|bouge) (plus|pas|plus du tout)\b(?! (a|au|aux|de|sur|depuis|since|kabini) )/,
  /\b(il|elle|on|bebe|enfant) (ne )?parle plus\b(?!.{0,80}\b(toute la journee|depuis|semaines|mois|revenu|rentre|retour)\b)(?<!\b(depuis|semaines|mois|revenu|rentre|retour)\b.{0,80})/,
  /\b(tombe\w*|effondre\w*|affaisse\w*)\b.{0,30}\b(ne )?(repond|reagit|bouge|se reveille|parle)\w* (plus|pas)\b/,
  /\b(not|no|stopped) (responding|moving|breathing|waking|talking)\b|\bunresponsive\b|\b(does not|do not|doesn t|will not) (respond|move|wake)\b/,
  /\b(faint|fainted|fainting|pass out|blacked out)\b/,
  /\b(bin\w*|binna)\b.{0,30}\b(te|ma) (kuma|lamaga|wuli|yereyere|ninakili)\b/,
  // Breathing: badly, hardly, choking, turning blue.
  /\brespire (tres |trop )?(mal|difficilement|plus|pas bien|a peine)\b|\b(il|elle|bebe|enfant|fils|fille) (se |s )?s?(etouff|suffoqu)\w*/,
  /\b(levres|visage|peau|ongles)\b.{0,15}\bbleu\w*|\bbleu\w* .{0,10}\b(levres|visage)\b/,
  /\b(struggling|hard|difficult|trouble|difficulty|unable) (to |for )?(breathe|breath|breathing)\b|\bchoking\b|\bturning blue\b|\blips are blue\b|\bgasping\b/,
  // Heavy bleeding, said with the bleeding first or the amount first.
  /\bsaign\w*\b.{0,30}\b(beaucoup|bcp|abondamment|fort|trop|sans arret|enormement|partout|s arrete pas|arrete pas|de la tete|du nez et)\b|\bhemorrag\w*|\bhaemorrhag\w*|\bhemorrhag\w*/,
  /\bbleed\w*\b.{0,30}\b(a lot|heavily|badly|too much|so much|non stop|everywhere|will not stop|won t stop|not stop|from (his|her|the|my) (head|mouth|neck|belly|stomach))\b/,
  /\bjoli\b.{0,30}\b(te se ka jo|te jo|be bo|bo kosebe|caman)\b/,
  // Birth with complications: long labour, baby not coming, mother weak or bleeding.
  /\b(accouch\w*|travail|enceinte)\b.{0,60}\b(bebe|enfant)\b.{0,15}\b(ne )?(sort|vient|descend)\w* (pas|plus)\b|\b(bebe|enfant) (est )?(bloque|coince)\b/,
  /\b(labou?r|delivery|delivering|giving birth|pregnant)\b.{0,60}\b(not coming|no (come|comot|dey come)|stuck|weak|bleeding|since yesterday|two days|2 days|hours|complication\w*|fainted|unconscious)\b/,
  /\bjiginni\b.{0,60}\b(den ma bo|den te bo|fanga banna|joli|kabini|a sege)\b/,
  /\b(baby|bebe|enfant|den)\b.{0,30}\b(wrong way|breech|feet first|legs first|by the feet|par les pieds|par le siege|mal (place|positionne)|se presente mal)\b/,
  // Bleeding that does not stop.
  /\b(blood|bleeding)\b.{0,20}\b(not stopping|won t stop|will not stop|does not stop|doesn t stop|can t stop)\b|\b(sang|saignement)\b.{0,25}\b(s arrete pas|arrete pas|arrete plus|sans s arreter)\b|\bjoli\b.{0,15}\b(te jo|ma jo)\b/,
  // Poison, bleach, farm chemicals, snake bites, severe burns.
  /\b(bu|avale|boire|pris|mange)\w*\b.{0,20}\b(produit|javel|poison|insecticide|pesticide|herbicide|engrais|acide|esprit de sel|petrole|essence|soude|mort aux rats)\b/,
  /\b(drank|drink|drunk|swallowed|took|ate|eaten)\b.{0,20}\b(poison|bleach|insecticide|pesticide|herbicide|kerosene|petrol|acid|chemical|sniper|otapiapia|rat poison|fertili[sz]er)\b/,
  /\b(mordu|morsure|pique)\w*\b.{0,20}\b(serpent|vipere)\b|\b(serpent|vipere) (l a |m a |a )?(mordu|pique)\w*|\bsnake ?(bite|bit|bitten)\b|\bsnakes? (don |has |have |had |just )?(bite|bit|bitten)\b|\bbitten by (a )?snake\b|\bsa (ye|ka)\b.{0,20}\bcin\b|\b(scorpion|scorpio)\b.{0,20}\b(pique|bite|bit|stung|sting|cin)\w*/,
  /\b(tasuma|jeni\w*)\b.{0,40}\b(kosebe|sisan|a bee|farikolo)\b/,
  /\b(brule\w*|burnt|burned|ebouillant\w*)\b.{0,40}\b(visage|ventre|dos|bras|corps|face|back|arms|belly|body|skin|peau|crie|hurle|screams?|screaming)\b|\b(eau|huile) bouillante\b|\b(boiling|hot) (water|oil)\b.{0,30}\b(on|over)\b|\b(skin|peau)\b.{0,20}\b(peeling|part|partie|se decolle)\b/,
  /\b(crise cardiaque|heart attack|stroke)\b|\b(burn|burnt|burned|brule)\w*\b.{0,20}\b(badly|all over|partout|gravement|whole body)\b/,
];

const CHILD: RegExp[] = [
  /\b(enfants?|fillette|petite fille|petit garcon|bebe)\b(?!.{0,40}\bsuis (tout )?seule?\b).{0,40}\b(tout )?(seul|seule|sans parents|non accompagne|abandonne)\b(?! (l |le |la |les |mes |ses )?(ecole|etudes|formation|lycee|universite|cours))/,
  /\b(child|boy|girl|kid|baby|children|daughter|son)\b.{0,40}\b(alone|without parents|unaccompanied|abandoned)\b/,
  /\b(little|small|young) (girl|boy|child)\b.{0,30}\blost\b/,
  /\bden\w*\b.{0,30}\bkelen na\b/,
  /\b(enfants?|fillette|petite fille|petit garcon|bebe|gamin|gamine|petit frere|petite soeur|fils|fille)\b.{0,60}\b(personne (ne )?(le|la|les) (connait|reclame)|(est|se est|sont) (perdu|egare)e?s?|abandonne)\b(?! (l |le |la |les |mes |ses )?(ecole|etudes|formation|lycee|universite|cours))/,
  /\b(child|boy|girl|kid|baby|children|toddler)\b.{0,60}\b(by (him|her)self|on (his|her) own|nobody knows|no one knows|no parents|(is|got|get|has been|are) lost)\b/,
  /\b(den|denmisen|denmuso|denke)\w*\b.{0,70}\b(a kelen|kelen (na|don)|bangebagaw te|facew te|baw te)\b/,
];

const MISSING_CHILD: RegExp[] = [
  // A child gone with smugglers or taken by strangers.
  /\b(fils|fille|garcon|enfant|petit frere|petite soeur|petit|petite|gamin)\b.{0,50}\b(avec|par) (des |les |un )?(passeurs?|trafiquants?|inconnus|ravisseurs?)\b|\b(enleve|kidnappe)e?s? (mon|ma|notre|leur) (fils|fille|enfant)\b/,
  /\b(son|daughter|boy|girl|child|kid|small brother|small sister|little brother|little sister)\b.{0,50}\b(with|by) (the |some )?(smugglers?|traffickers?|strangers|kidnappers?)\b|\b(kidnapp?ed|abducted) (my|our) (son|daughter|child|boy|girl)\b/,
  /\b(fille|fils|garcon|enfant|petit|petite|bebe)\b.{0,30}\b(a |est )?disparu\w*\b/,
  /\b(child|boy|girl|kid|baby|daughter|son)\b.{0,30}\b(is |has gone |went )?missing\b/,
  /\b(den|denmuso|denke|denmisen)\w*\b.{0,20}\btununa\b/,
  /\b(fille|fils|garcon|enfant|petit|petite|bebe)\b.{0,40}\b(introuvable|(pas|jamais) (rentre|revenu|reapparu)e? (a la maison|depuis (ce matin|hier|midi|ce midi|cet apres midi|la nuit|le matin))|(on|je|nous) (ne )?(le|la) (trouve|retrouve) (pas|plus))\b/,
  /\b(child|boy|girl|kid|baby|daughter|son)\b.{0,40}\b((has not|did not|never|not) (come|came|return\w*|reach\w*) home|(has not|did not|not) (come|came|return\w*) back (since (morning|this morning|yesterday|last night|noon)|today|tonight)|(can not|cannot) find (him|her))\b/,
  /\b(den|denmuso|denke|denmisen)\w*\b.{0,30}(?<!\b(ce|fa|muso|ba|ke) )\b(ma segin|ma na so|t a ye|te ye)\b/,
  /\b(petit frere|petite soeur|fils|fille|garcon|enfant|petit garcon|petite fille|bebe)\b.{0,30}\b(est|se est) (perdu|egare)e?\b/,
];

// A minor named by age (under 18) or as a small brother or sister, alone or gone: a crisis
// only when told as happening now (many such messages are about a child gone for months).
const MINOR_GONE: RegExp[] = [
  /\b(fille|fils|garcon|enfant|frere|soeur|petit|petite|gamin|gamine|neveu|niece)\b.{0,15}\b(de )?([1-9]|1[0-7]) ans\b.{0,60}\b(seule?|toute? seule?|partie?|disparue?|perdue?|enlevee?)\b/,
  /\b(([1-9]|1[0-7]) ?(yrs?|years?)( old)?|small|little|younger|junior)\b.{0,20}\b(brother|sister|bro|sis|boy|girl|son|daughter|child|pikin)\b.{0,50}\b(alone|by (him|her)self|lost|missing|gone|carried|taken)\b|\b(brother|sister|boy|girl|son|daughter|child|pikin)\b.{0,10}\b([1-9]|1[0-7]) ?(yrs?|years?)( old)?\b.{0,50}\b(alone|by (him|her)self|lost|missing|gone)\b/,
  /\b(soeur|frere|fils|fille|enfant|garcon|petit|petite)\b.{0,30}\b(n est|est|sont) (pas|toujours pas|jamais) (rentre|revenu|rentree|revenue|rentres|revenus)\b/,
];
const TONIGHT =
  /\b(ce soir|cette nuit|hier soir|ce matin|depuis ce matin|maintenant|en ce moment|tonight|right now|now|this morning|last night|since morning|since this morning|sisan|bi su|bi sogoma|kunun su|pleure|cry|crying|cries|kasi)\b/;

// Words that turn an alarming pattern into an idiom or a finished event.
// Year-scale time only: "I came back last week" must not hide a crisis happening now.
const PAST_OR_IDIOM: RegExp[] = [
  /\b(l an (dernier|passe)|l annee (derniere|passee)|il y a \w+ ans?|c est fini|ca va (mieux|maintenant)|maintenant ca va|je suis libre|j ai failli)\b/,
  /\b(last year|years? ago|it is over|it s over|i m fine now|i am fine now|thank god i am|nearly died|almost died)\b/,
  /\b(en|in|san) 20[0-2][0-9]\b/,
  /\b(san temenen|kalo temenen|sisan n ka kene|sisan a ka fisa|ala ye (n|an) kisi|n horonyara|an horonyara|sisan n sera|(u|a|an|n) tun (be|ye))\b/,
  /\b(failli|now i am free|i am free now|we are fine now|we are safe now|they released me|on m a libere|on nous a liberes)\b/,
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
  'throw',
  'kerosene',
  'bleach',
  'comprimes',
  'cachets',
  'introuvable',
  'connaissance',
  'responding',
  'following',
  'swallowed',
  'overdose',
  'vivres',
  'dernier',
  'message',
  'petit',
  'petite',
  'continue',
  'continuing',
  'perdu',
  'mordue',
  'serpent',
  'sauter',
  'jeter',
];

// Everyday words a letter away from a key word are not misspellings of it (poisson is not poison).
const NOT_MISSPELT = new Set([
  'poisson',
  'poissons',
  'poissonnerie',
  'coupon',
  'sauver',
  'mariam',
  'mariama',
  'overdue',
  'prendre',
  'pendant',
  'coute',
  'cache',
  'cachette',
  'compris',
  'signe',
  'enfer',
  'battery',
  'being',
  'breaking',
  'shouting',
  'walking',
  'container',
]);

// A four-letter word that is a five-letter key word missing one letter ("ptit", "peru", "vive").
const SHORT_FORMS = new Map<string, string>();
for (const key of CRISIS_WORDS)
  if (key.length === 5)
    for (let i = 1; i < key.length; i++) {
      const form = key.slice(0, i) + key.slice(i + 1);
      if (!SHORT_FORMS.has(form)) SHORT_FORMS.set(form, key);
    }
// Real words that happen to be such forms stay as they are.
for (const word of ['coup', 'vire', 'perd', 'cope', 'aloe', 'gong']) SHORT_FORMS.delete(word);

const correctionCache = new Map<string, string>();
function corrected(word: string): string {
  if (NOT_MISSPELT.has(word)) return word;
  if (word.length === 4) return SHORT_FORMS.get(word) ?? word;
  if (word.length < 5) return word;
  let out = correctionCache.get(word);
  if (out === undefined) {
    out = word;
    let best = 0.92;
    for (const key of CRISIS_WORDS) {
      if (key === word) {
        out = word;
        break;
      }
      // A key word with an ending (datugura, tununa) is another word, not a misspelling.
      if (Math.abs(key.length - word.length) > 2 || key[0] !== word[0] || word.startsWith(key))
        continue;
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
const squeeze = (text: string): string =>
  text.replace(/[a-z]+/g, (w) => (NOT_MISSPELT.has(w) ? w : w.replace(/([a-z])\1+/g, '$1')));

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
const MINOR_GONE_P = compile(MINOR_GONE);
const PAST_P = compile(PAST_OR_IDIOM);

// A list matches when one of its patterns does, on the words or on them with doubled letters squeezed.
function matches(patterns: Pattern[], plain: string, squeezed = squeeze(plain)): boolean {
  return patterns.some(({ re, short }) => re.test(plain) || short.test(squeezed));
}

// Violence told as over and done, the writer safe now: no protection need is left.
const OVER = compile([
  /\b(sisan n ka kene|sisan a ka fisa|sisan n sera so|ala ye (n|an) kisi|n horonyara|an horonyara)\b/,
  /\b(ca va maintenant|maintenant ca va|c est fini|c est du passe|je suis libre|on m a libere)\b/,
  /\b(it is over|it s over|i m fine now|i am fine now|i am okay now|now i am okay|i am safe now|i m safe now|we are safe now|we are fine now|now i am free|i am free now)\b/,
]);
// The writer says they are safe now: a classifier's guess alone does not make that urgent.
const SAFE_NOW = compile([
  /\b(sisan n ka kene|sisan n ka nyi|n ka kene|ala ye (n|an) kisi|n horonyara|an horonyara)\b/,
  /\b(ca va maintenant|maintenant ca va|je suis (en securite|libre|sauve)e? (maintenant|aujourd hui)?|on m a libere|(maintenant|aujourd hui) (je vais|ca va) (mieux|bien)|je vais (mieux|bien) (maintenant|aujourd hui))\b|\b(aujourd hui|maintenant)\b.{0,40}\bca va\b(?! pas)/,
  /\b(i m|i am|im|we are|we re|she is|she s|he is|he s) (safe|fine|okay|ok|free|better) now\b|\bnow (i am|i m|we are|she is|he is) (safe|fine|okay|ok|free|better)\b/,
  /\b(tout le monde|tous) (va|vont|allons) bien\b|\btout va bien\b|\b(everyone|everybody) is (fine|ok|okay|well|safe)\b|\b(personne|nobody|no one) (n est|ne est|is|was|got) (blesse|hurt|injured)\b/,
  /\bnow (it is|it s|all is|everything is) (fine|ok|okay|well)\b|\b(all|results?|everything) (are |is )?(all )?fine\b|\b(a|n|an) ka (nyi|kene|fisa) sisan\b/,
  /\bsisan n (be|ka) baara ke\b|\bmaintenant je travaille\b|\bnow i (work|have a job)\b|\b(u|a) ye (n|an) bila\b|\bthey (released me|let me go)\b/,
  /\b(il|elle|je|he|she|i) (est|suis|is|am|has|have) (gueri|guerie|healed|recovered)\b|\b(a|n) kenera\b/,
  // "I won't kill myself, I just want to talk": said to be safe, not a plan.
  /\b(n tena n yere faga|(i will not|i m not going to|i am not going to) (kill|hurt) my ?self|je ne vais pas me (tuer|suicider)|je ne me (tuerai|suiciderai) (pas|jamais))\b/,
]);
export function saysSafeNow(tokens: string[]): boolean {
  return matches(SAFE_NOW, tokens.join(' '));
}

export function violenceIsOver(tokens: string[]): boolean {
  return matches(OVER, tokens.join(' '));
}

// Everyday turns of phrase that carry a crisis word, taken out before the patterns run: a
// collapsed house, panic attacks, a boss who "will kill me", the last message before credit runs
// out, pain that comes and goes for weeks, staying shut in one's room.
const DEFUSE: RegExp[] = [
  /\b(house|wall|roof|building|ceiling|tent|maison|mur|toit|case|hangar) (has |have |had |just )?(collapsed|collapse|effondre\w*|ecroule\w*)/g,
  /\bpanic attacks?\b|\bcrises? (de panique|d angoisse|de angoisse)\b/g,
  /\b(coeur|heart)\b.{0,10}\b(bat|beats?|beating|racing|races)\b/g,
  /\b(me|m|nous|se|s) tuer (au|de) (travail|boulot|taf)\b|\bkill(ing)? my ?self (working|at work|with work)\b/g,
  /\b(chaleur|soleil|heat|sun|traffic|bouchon|embouteillage|travail|boulot|job|work|patron|boss|chef|funteni|tile) (va|vont|will|go|gonna|is going to|bena|be) (me|nous|us|n|an) (tuer|kill|faga)\b/g,
  /\b(dernier|last) (message|sms)\b(?=.{0,40}\b(credit|unites|unite|batterie|battery|airtime|units)\b)/g,
  /\ben finir avec (ce|cette|le|la|mon|ma|les|mes|ces) (dossier|histoire|probleme|travail|papiers?|affaire|demarches?)\b/g,
  /\b(mal a la poitrine|douleurs? (a|dans) la poitrine|chest pain|respire mal|breathe badly)\b(?=.{0,40}\b(depuis|since|kabini|parfois|sometimes|le matin|in the morning|quand|qd|when)\b)/g,
  /\b(ne )?parle plus (a|avec) personne\b|\b(reste|restent|rester) enferme\w*|\bstay\w* locked in (my|his|her) room\b/g,
  /\b(n tena n yere faga|(i will not|i m not going to|i am not going to) (kill|hurt) my ?self|je ne vais pas me (tuer|suicider)|je ne me (tuerai|suiciderai) (pas|jamais))\b/g,
  // Away for a while, flashbacks, and "if I tell anyone he will kill me" (a threat, not an attack).
  /\b(was|were) gone for (a|one|two|three|\d+|the) (day|days|week|weeks|month|months|night)\b/g,
  /\b(je revois|i still see|i see again|je vois encore)\b.{0,10}\b(hommes|gens|soldats|men|people|soldiers|rebelles|rebels)\b( armes| with guns)?/g,
  /\bni n\b.{0,40}\b(a|u) (bena|be|na) n faga\b|\b(a|u) (bena|be|na) n faga ni n\b/g,
  /\b(will|go|gonna|going to) kill (me|us|her|him|them) if\b|\bif (i|we|you|she|he|they) [a-z ]{0,40}\b(will|go|gonna|going to) kill (me|us|her|him|them)\b/g,
  /\b(va|vont|allait) (me|nous|la|le|te) tuer si\b|\bsi (je|tu|il|elle|on|nous) [a-z ]{0,40}\b(va|vont) (me|nous|la|le|te) tuer\b/g,
  /\b(une|un) seule? (piece|chambre|fois|repas)\b/g,
];
// Said as a past wish: "I wanted to die in prison" (then), not "I want to die".
const THEN =
  /\b(tun b a fe|tun be a fe|n tun|je voulais|j avais envie|j ai voulu|i wanted|i used to|used to want|wanted to die|en prison|in prison|la prison|kaso la|kasobon)\b/;
// An animal's illness is the vet's business, not a medical emergency.
const ANIMAL =
  /\b(goat|goats|sheep|cow|cows|ox|donkey|chicken|chickens|dog|chevre|chevres|mouton|moutons|vache|vaches|boeuf|ane|poule|chien|saga|misi|bagan|fali|wulu|vet|veterinaire|veto)\b/;
// Abuse told as a habit ("every day") is protection, not a crisis, unless it is happening now.
const HABITUAL =
  /\b(every ?day|every night|everyday|each day|tous les (jours|soirs)|chaque (jour|nuit|soir)|tile o tile|su o su|tuma bee|tuma o tuma|tuma dow|souvent|often)\b/;
// Laughter marks a joke or an idiom ("il va me tuer lol").
export const LAUGHTER = /\b(mdr|lol|lool|ptdr|haha\w*|hihi\w*|hehe\w*|xd)\b/;
// A departure that is only planned ("he wants to leave with smugglers next week") has not happened.
const LATER =
  /\b(la semaine prochaine|le mois prochain|next (week|month)|veut partir|veulent partir|wants? to (leave|go)|b a fe ka taa|dogokun nata|kalo nata)\b/;
// A lost child the message says is found again.
const FOUND =
  /\b(on l a retrouve\w*|(we|they|police) found (him|her|them)|(has been|was|got) found|came back|come back|est revenue?|est rentree?|a ete retrouve\w*|an y a soro|a sorola|u y a soro|a fa y a soro)\b/;

// A message's words with everyday turns of phrase taken out.
const defused = (text: string): string => DEFUSE.reduce((out, re) => out.replace(re, ' '), text);

// Crisis kinds whose patterns match. Suicidal talk is discounted only when told as over and
// done: a wrong alarm costs a caseworker a minute, a missed one may cost a life.
export function crisisKinds(tokens: string[]): CrisisKind[] {
  const plain = defused(tokens.map(corrected).join(' '));
  const squeezed = squeeze(plain);
  const any = (patterns: Pattern[]): boolean => matches(patterns, plain, squeezed);
  const kinds: CrisisKind[] = [];
  const past = any(PAST_P);
  // Suicidal talk counts unless the writer says it was then and they are well now.
  const wishOver = (past || THEN.test(plain)) && SAFE_NOW.some(({ re }) => re.test(plain));
  if (!wishOver && any(SUICIDE_P)) kinds.push('suicide');
  const habitual = HABITUAL.test(plain) && !TONIGHT.test(plain);
  if (!past && !habitual && !LAUGHTER.test(plain) && any(VIOLENCE_P)) kinds.push('violence');
  // An emergency the writer says is over ("he fainted yesterday, he is ok now") needs no one now.
  const safe = SAFE_NOW.some(({ re }) => re.test(plain));
  if (!past && !safe && !ANIMAL.test(plain) && any(MEDICAL_P)) kinds.push('medical');
  const found = FOUND.test(plain) || safe;
  if (!found && !past && any(CHILD_P)) kinds.push('child');
  if (
    !found &&
    !past &&
    !LATER.test(plain) &&
    (any(MISSING_CHILD_P) || (TONIGHT.test(plain) && any(MINOR_GONE_P)))
  )
    kinds.push('missing_child');
  return kinds;
}

// Words that make a doubtful classifier score worth a human's look.
const DANGER = compile([
  /\b(mour\w*|mort|morte|tuer|tue|suicid\w*|pendre|finir|vivre|disparaitre|sang|saign\w*|respir\w*|couteau\w*|machette\w*|arme\w*|secours|enferm\w*|seul|seule|poison|inconscient|danger|frapp\w*|viol\w*|battre|bat|avale\w*|comprimes?|cachets?|javel|acide|esprit de sel|reveille\w*|convuls\w*|brule\w*|pont|fleuve|adieu)\b/,
  /\b(die|dying|death|dead|kill\w*|suicid\w*|hang|blood|bleed\w*|breath\w*|knife|knives|machete\w*|gun\w*|help|alone|poison|unconscious|danger|beat\w*|rape\w*|locked|point|end|pills?|tablets?|bleach|acid|swallow\w*|wake|waking|shaking|seizure\w*|burn\w*|bridge|goodbye)\b/,
  /\b(sa|saya|salen|faga|joli|ninakili|muru|marifa|bugo|kelen|tununa|poson|datugu|deme|furakise\w*|nyenamaya|laban|jaabi|kunun|yereyere|binna|tasuma|jeni\w*)\b/,
]);

// Figures of speech that carry a danger word without any danger.
const IDIOMS =
  /\b(meurs|meurt|mourir|mort|morte|dying|dead|die) (de|of|from) (faim|fatigue|rire|honte|ennui|hunger|boredom|tiredness|laughter)\b|\b(faim|soif) a mourir\b|\b(kongo|funteni|sege|baara)\b.{0,10}\bfaga\b|\b(job|work|heat|sun|travail|chaleur|soleil|chantier|boulot)\b.{0,12}\b(killing|kill|tue|tuer)\b|\bknife (sharpening|business|seller|selling)\b|\breste enferme\w* (dans|ds|chez|a)\b|\b(stay|staying|locked) in my room\b/g;

export function hasDangerCue(tokens: string[]): boolean {
  if (LAUGHTER.test(tokens.join(' '))) return false;
  return matches(DANGER, defused(tokens.map(corrected).join(' ').replace(IDIOMS, ' ')));
}
