// Word lists used to decide whether a place name in free text is really a place.
// All entries are folded (lowercase, no accents).

// Words naming an administrative unit: "ville de Diré", "cercle de Koro", "San ville".
export const ADMIN_WORDS = new Set([
  'ville',
  'cite',
  'city',
  'town',
  'village',
  'cercle',
  'region',
  'commune',
  'quartier',
  'district',
  'prefecture',
  'dugu',
  'marche',
]);

// Link words allowed between an admin word and the name ("commune rurale de ...").
export const ADMIN_LINKS = new Set(['de', 'du', 'd', 'of', 'rurale', 'urbaine']);

// Words before a name that put the person there (or going there).
export const LOCATIVE_BEFORE = new Set([
  'au',
  'aux',
  'en',
  'vers',
  'dans',
  'pres',
  'proche',
  'cote',
  'habite',
  'habitons',
  'vis',
  'vit',
  'reside',
  'resides',
  'in',
  'at',
  'to',
  'near',
  'around',
  'live',
  'lives',
  'living',
  'based',
  'stay',
  'staying',
  'sigilen',
  'dey',
  'taara',
  'tara',
  'jsuis',
  'chui',
]);

// Verbs of going: the place after them is where the person wants to go.
export const DESTINATION_VERBS = new Set([
  'jusqu',
  'jusqua',
  'rentrer',
  'retourner',
  'aller',
  'partir',
  'revenir',
  'voyager',
  'rejoindre',
  'vais',
  'pars',
  'go',
  'going',
  'heading',
  'travel',
  'return',
  'reach',
  'taa',
  'segin',
]);

// Words after a destination verb or a travel word that lead to the destination:
// "jusqu'à Kayes", "bus to Kayes", "le car pour Gao".
export const TOWARDS = new Set([
  'a',
  'au',
  'aux',
  'to',
  '2',
  'vers',
  'pour',
  'for',
  'jusqu',
  'jusqua',
  'en',
]);

// Means and costs of a journey: "bus to Kayes", "transport from Ségou".
export const TRAVEL_WORDS = new Set([
  'transport',
  'bus',
  'car',
  'cars',
  'fare',
  'road',
  'billet',
  'ticket',
  'voyage',
  'voyager',
  'travel',
  'trajet',
  'aller',
  'go',
  'taa',
  'mobili',
  'moto',
]);

// A finished journey: "came back from Gao", "rentré de Kidal" (the person has left that place).
export const ARRIVAL_WORDS = new Set([
  'came',
  'come',
  'back',
  'returned',
  'rentre',
  'rentree',
  'revenu',
  'revenue',
  'reviens',
  'viens',
  'venu',
  'venue',
  'arrive',
  'arrived',
  'deported',
  'expelled',
  'refoule',
  'fled',
  'move',
  'moved',
  'demenage',
  'am',
  'suis',
]);

// Words before a name that say where the person comes from.
export const ORIGIN_BEFORE = new Set([
  'de',
  'du',
  'd',
  'from',
  'depuis',
  'bo',
  'bora',
  'bola',
  'boli',
  'viens',
  'venu',
  'venue',
  'originaire',
]);

// Bambara postpositions after a name: "San na", "Kita la", "Nara kɔnɔ", "Kita yan" (here in Kita).
export const LOCATIVE_AFTER = new Set(['la', 'na', 'kono', 'yan']);

// Verbs saying where someone is: "je suis à", "I am stuck in", "I dey", "n bɛ", "he lives in".
export const BEING_VERBS = new Set([
  'suis',
  'jsuis',
  'jsui',
  'chui',
  'sommes',
  'est',
  'es',
  'sont',
  'vis',
  'vit',
  'habite',
  'habitons',
  'reside',
  'trouve',
  'bloque',
  'bloquee',
  'coince',
  'coincee',
  'am',
  'im',
  'm',
  'is',
  'are',
  'dey',
  'live',
  'lives',
  'living',
  'stay',
  'staying',
  'stuck',
  'stranded',
  'based',
  'be',
  'sigilen',
  'dors',
  'dort',
  'dormons',
  'sleep',
  'sleeping',
]);

// Of those, the ones that speak of the writer even after another word ("slt jsuis bloqué à").
export const SELF_VERBS = new Set([
  'suis',
  'jsuis',
  'jsui',
  'chui',
  'sommes',
  'habitons',
  'am',
  'im',
  'm',
  'stuck',
  'stranded',
  'bloque',
  'bloquee',
  'coince',
  'coincee',
]);

// Of those, the ones that speak of the writer when no subject is written ("stuck in bamako",
// "dey Bamako"); "my passport dey for Kayes" has a subject.
export const FIRST_PERSON_VERBS = new Set([
  'suis',
  'jsuis',
  'jsui',
  'chui',
  'sommes',
  'vis',
  'habitons',
  'bloque',
  'bloquee',
  'coince',
  'coincee',
  'am',
  'im',
  'm',
  'live',
  'living',
  'stay',
  'staying',
  'stuck',
  'stranded',
  'based',
  'dey',
  'sigilen',
  'dors',
  'dormons',
  'sleep',
  'sleeping',
]);

// The writer (or a group with the writer): "je", "I", "we", "moi", Bambara "n", "ne", "an".
export const SELF_PRONOUNS = new Set(['je', 'j', 'i', 'we', 'nous', 'on', 'moi', 'n', 'ne', 'an']);

// Words skipped between a subject and its verb: "je suis toujours bloqué", "I am still in".
export const SUBJECT_SKIP = new Set([
  'ne',
  'pas',
  'toujours',
  'actuellement',
  'maintenant',
  'deja',
  'still',
  'now',
  'currently',
  'also',
  'aussi',
  'fana',
]);

// Words joining two clauses: the subject after them may be left out ("from Kita but live in Bamako").
export const CONJUNCTIONS = new Set(['mais', 'et', 'donc', 'but', 'and', 'so', 'nka']);

// After a name, a next step: "arrivé à Gao puis venu à Bamako" (Gao is behind).
export const THEN_WORDS = new Set(['puis', 'ensuite', 'then']);

// A past state: "n tun bɛ Gao" (I was in Gao), "j'étais à Gao", "I was stuck in Gao".
export const PAST_MARKERS = new Set(['tun', 'was', 'were', 'etais', 'etait', 'etions']);

// Relatives and family: their place is not the writer's ("ma mère est à Kayes", "n somɔgɔw bɛ Gao").
export const KIN_WORDS = new Set([
  'mere',
  'maman',
  'pere',
  'papa',
  'frere',
  'freres',
  'soeur',
  'soeurs',
  'femme',
  'mari',
  'oncle',
  'tante',
  'famille',
  'parents',
  'fils',
  'fille',
  'cousin',
  'cousine',
  'mother',
  'mom',
  'mum',
  'mama',
  'father',
  'dad',
  'brother',
  'brothers',
  'sister',
  'sisters',
  'wife',
  'husband',
  'uncle',
  'aunt',
  'family',
  'people',
  'relatives',
  'son',
  'daughter',
  'somogow',
  'somogo',
  'denbaya',
  'balima',
  'balimaw',
  'badenw',
  'denmuso',
  'denke',
]);

// Short Bambara kin words, read as kin only after a pronoun: "n ba" (my mother), "n fa" (my father).
export const KIN_AFTER_PRONOUN = new Set(['ba', 'fa', 'muso', 'ce', 'den', 'denw', 'facew']);

// Before a kin word, these make the writer the one who is there: "chez mon oncle", "avec ma famille".
export const WITH_WORDS = new Set(['chez', 'avec', 'with', 'ni']);

// A birthplace: "né à Douentza", "born in Kita", "wololen bɛ Kayes".
export const BIRTH_WORDS = new Set([
  'born',
  'naissance',
  'natal',
  'natale',
  'wolo',
  'wolola',
  'wololen',
]);

// Services and offices somewhere: "le médecin à Ségou", "the office in Bamako".
export const SERVICE_WORDS = new Set([
  'hopital',
  'hospital',
  'clinique',
  'clinic',
  'medecin',
  'docteur',
  'doctor',
  'dogotoroso',
  'ambassade',
  'embassy',
  'consulat',
  'consulate',
  'bureau',
  'office',
  'mairie',
  'formation',
  'training',
  'ecole',
  'school',
  'lekoli',
  'lakoli',
  'tribunal',
  'court',
  'banque',
  'bank',
  'rendez',
]);

// "Here", next to a name: "ici Niamakoro", "Kita yan".
export const HERE_WORDS = new Set(['ici', 'here', 'yan']);

// A home village, often not where the writer is now: "my village near Kita", "n ka dugu la".
export const HOME_WORDS = new Set(['village', 'dugu', 'hometown']);

// Nouns followed by "de X" that name a spot in X, not an origin: "la gare de Bamako".
export const GENITIVE_NOUNS = new Set([
  'gare',
  'routiere',
  'station',
  'autogare',
  'sante',
  'regional',
  'marche',
  'terrain',
  'route',
  'sortie',
  'entree',
  'centre',
  'pres',
  'loin',
  'environs',
  'zone',
  'province',
]);

// Bambara subject pronouns: "n bɛ San" (I am in San).
export const BAMBARA_PRONOUNS = new Set(['n', 'ne', 'i', 'e', 'a', 'an', 'aw', 'u', 'sigilen']);

// Words after "san" that make it "year" (san fila = two years, san kura = new year).
export const YEAR_AFTER = new Set([
  'kelen',
  'fila',
  'saba',
  'naani',
  'duuru',
  'wooro',
  'wolonwula',
  'segin',
  'kononto',
  'tan',
  'kura',
  'caman',
  'nataw',
  'temenen',
  'o',
  'bee',
]);

// Foreign names that start like a Malian town ("San Pedro" is in Côte d'Ivoire).
export const FOREIGN_CONTINUATIONS = new Set([
  'pedro',
  'francisco',
  'antonio',
  'diego',
  'jose',
  'juan',
  'sebastian',
  'salvador',
  'marino',
  'remo',
  'paulo',
  'luis',
  'andres',
  'fernando',
]);

// Bambara grammar words: when present, a bare "a" is the pronoun, not the French "à".
export const BAMBARA_MARKERS = new Set([
  'ye',
  'be',
  'ka',
  'tun',
  'ko',
  'mago',
  'fe',
  'mun',
  'min',
  'kunu',
  'sini',
  'nana',
  'nara',
  'taara',
  'bora',
  'dumuni',
  'baara',
  'wari',
  'sogoma',
  'muso',
  'ani',
  'kama',
  'koson',
  'aw',
  'dusu',
  'tuma',
  'bolo',
  'yan',
  'yen',
  'sisan',
  'denw',
]);

// Ordinary words never matched to a place by fuzzy spelling (exact names still match).
export const COMMON_WORDS = new Set(
  `
  a au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y etre avoir
  suis es est sommes etes sont serai sera ai as avons avez ont aurai fait faire faut veux voudrais peux pouvez besoin aide aider aidez merci bonjour bonsoir salut salam cava comment quoi pourquoi quand combien
  travail travailler boulot emploi metier machine maison manger nourriture faim argent payer loyer logement dormir chambre famille enfant enfants femme mari mere pere frere soeur parents
  malade maladie sante hopital medecin medicament docteur clinique douleur blesse sang enceinte bebe ecole etudier formation apprendre papiers papier passeport carte identite acte naissance
  police avocat justice prison probleme problemes danger peur triste stress dormir mourir tuer battre frappe viol transport bus voyage retour rentre rentrer revenu libye algerie niger maroc tunisie
  europe espagne italie france mauritanie senegal guinee burkina cote ivoire agadez tamanrasset migrant migrants rapatrie retourne
  the and for you your are was were have has had not but this that with from they them their there what when where which who why how can could would should will need needs help please thanks thank
  work job jobs money food eat hungry house home rent sleep family child children wife husband mother father brother sister sick hospital doctor medicine pain blood pregnant baby school study training
  cahier cahiers cahies gafe keneya kenye bugoli bugolila nimoro nimero numero masin masinw machine machines menace menaces menacer menacent menacé selling seller telling calling killing falling
  learn papers passport police lawyer problem danger afraid sad stress die kill beat rape bus travel return returned back came come going want anything something nothing
  mali malien malienne bamanan bamanankan francais anglais english french
  ne n i a an aw u ye be te ka ma bi ko don mago fe wa mun min kunu sini nana taara bora dumuni baara wari sogoma muso ani kama koson dusu tuma
  temena temenen temenna sokono binna binnen kalanna kalan senw sen bolila seginna segin sigilen denmuso denke kasi kono
  misiri gosi furu duuru
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

// Well-known spots, read as the place they are in: "hospitalisée à Gabriel Touré" is in Bamako.
export const LANDMARKS: [string, string][] = [
  ['Gabriel Touré', 'Bamako'],
  ['Hôpital du Mali', 'Bamako'],
  // Médine alone is also Medina in Arabia.
  ['marché de Médine', 'Médina Coura'],
];
