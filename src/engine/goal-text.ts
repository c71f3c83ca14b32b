import { stemmer } from '@orama/stemmers/swedish';
import { withoutPersonalNumbers } from '../privacy/quote.js';
import { foldText } from './text.js';

/**
 * Whether a goal is about this person, judged as an auditor reading revisionsrapport 3-2011 would:
 * "bli självförsörjande genom arbete" fits everyone; "Bli undersköterska", "Ta truckkort" or
 * "Behandling på beroendemottagningen" name this person's way. A goal is individual when it has an
 * anchor (an occupation, a course, education or licence, a named employer, programme or place, a
 * health or treatment step, a quantity or a date, or the person's own obstacle); otherwise it is
 * generic, and the finding names the general words it is made of. Counting words measured length.
 */

/** The general vocabulary of self-support and activity, matched on Snowball stems (so "arbetet" and "arbete" alike). */
export const GENERIC_WORDS: readonly string[] = [
  'självförsörjande', 'självförsörjning', 'egenförsörjning', 'försörjning', 'försörja', 'försörjningsstöd',
  'arbete', 'arbeta', 'arbetet', 'arbeten', 'jobb', 'jobba', 'jobbet', 'anställning', 'heltidsanställning', 'heltidsjobb',
  'heltidsarbete', 'heltid', 'sysselsättning', 'inkomst', 'lön', 'arbetsmarknaden', 'arbetsmarknad', 'arbetslivet',
  'bidrag', 'bidragsberoende', 'bidragsberoendet', 'ekonomiskt', 'ekonomiska', 'bistånd', 'oberoende', 'självständig',
  'självständigt', 'anställningsbar', 'anställningsbarhet', 'arbetssökande', 'studier', 'studera', 'utbildning',
  'praktik', 'praktikplats', 'aktiviteter', 'insatser', 'planering', 'planeringen', 'arbetsplanen', 'jobbplan',
  'motivation', 'motiverad', 'situation', 'livssituation', 'mående', 'vardagen', 'rutiner', 'samhället', 'delaktighet',
  // Adjectives of well-being: their comparatives ("tryggare", "stabilare") end like occupations ("snickare").
  'trygg', 'stabil', 'stark', 'frisk', 'aktiv', 'lätt', 'nöjd', 'glad', 'säker', 'fri',
];

/**
 * Parts of words that anchor a goal in this person (compounds included: "lagerarbetare",
 * "truckkort", "beroendemottagningen"): occupations, courses and licences, fields of work, health and
 * treatment, the person's obstacles (language, housing, childcare, debt) and named measures.
 */
export const ANCHOR_PARTS: readonly string[] = [
  // occupations
  'sköterska', 'skötare', 'biträde', 'arbetare', 'chaufför', 'förare', 'lärare', 'tekniker', 'vårdare', 'assistent',
  'ingenjör', 'snickare', 'målare', 'elektriker', 'kock', 'frisör', 'väktare', 'städ', 'svetsare', 'bagare', 'tolk',
  'läkare', 'apotekare', 'socionom', 'polis', 'truck', 'servitris', 'bartender', 'barista', 'chef', 'konsult',
  'hantverk', 'taxi', 'vakt',
  // courses, education, licences
  'kort', 'bevis', 'intyg', 'legitimation', 'examen', 'tillstånd', 'kurs', 'komvux', 'gymnasi', 'högskol', 'universitet',
  'behörighet', 'matematik', 'matte', 'engelska', 'svenska', 'validera', 'kunskapsprov', 'teoriprov',
  // fields and places of work
  'vård', 'omsorg', 'hemtjänst', 'restaurang', 'bygg', 'butik', 'handel', 'lager', 'logistik', 'transport', 'trafik',
  'djur', 'kök', 'skola', 'service', 'sommarjobb', 'feriejobb', 'extrajobb',
  // health and treatment
  'behandling', 'terapi', 'psykiatri', 'beroende' + 'mottagning', 'missbruk', 'drogfri', 'alkohol', 'rehabilitering',
  'operation', 'utredning', 'medicin', 'smärt', 'depression', 'sjukskriv', 'diabetes', 'rygg', 'axel', 'knä', 'tänder',
  'hörapparat', 'glasögon', 'stroke', 'arbetsförmåg', 'arbetsterapeut', 'sjukersättning', 'aktivitetsersättning',
  'psykolog', 'psykiater', 'terapeut', 'kurator', 'vårdcentral', 'sjukgymnast', 'fysioterap', 'dietist', 'ångest',
  'sömn', 'abstinens', 'antabus', 'spelberoende', 'avgiftning', 'tandvård', 'läkemedel', 'medicinering',
  // the person's obstacles and concrete steps
  'bostad', 'boende', 'lägenhet', 'barnomsorg', 'förskol', 'barnvakt', 'barnpassning', 'skuld', 'kassa',
  'studiemedel', 'platsbank', 'affärsplan', 'budget', 'inkasso', 'avbetalning', 'kronofog', 'fackförbund', 'facklig',
  'företag', 'rörelse', 'firma', 'nystartsjobb', 'lönebidrag', 'garanti',
];

/** Short anchors that must be whole words ("cv" is not a part of anything). */
export const ANCHOR_WORDS: readonly string[] = [
  'cv', 'sfi', 'osa', 'csn', 'it', 'aa', 'adr', 'uhr', 'adhd', 'data', 'lån', 'lånen', 'lånet', 'sms', 'fack', 'facket',
];

/** Phrases that anchor a goal where their words alone would not ("arbeta med barn", "läsa och skriva"). */
export const ANCHOR_PHRASES: readonly string[] = ['med barn', 'läsa och skriva', 'starta eget'];

/** Quantities and times written in words; digits anchor by themselves. */
export const QUANTITY_WORDS: readonly string[] = [
  'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv', 'femton', 'tjugo', 'trettio', 'femtio',
  'halvtid', 'deltid', 'procent', 'timmar', 'timme', 'gånger', 'varannan', 'varje', 'dagligen', 'veckovis', 'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli',
  'augusti', 'september', 'oktober', 'november', 'december', 'våren', 'vår', 'sommaren', 'hösten', 'höst', 'vintern',
];

/** Names everyone deals with: a capitalised word that only names these is not an anchor. */
export const COMMON_NAMES: readonly string[] = [
  'arbetsförmedlingen', 'arbetsförmedlingens', 'arbetsförmedling', 'af', 'jobbtorg', 'jobbtorget', 'jobbtorgets',
  'socialtjänsten', 'socialtjänst', 'försäkringskassan', 'stockholm', 'stockholms', 'stad', 'sverige', 'mål', 'målet',
];

/** Words after which "som X" names an occupation ("arbeta som florist"). */
const JOB_WORDS = new Set(['arbeta', 'arbetar', 'jobba', 'jobbar', 'arbete', 'jobb', 'anställning', 'tjänst']);

/**
 * Endings that make Swedish names of occupations (agent nouns and the like): "vaktmästare", "montör",
 * "florist", "mekaniker", "städerska". The productive pattern covers occupations no list foresees.
 * An occupation is a word of at least 6 letters with such an ending, not general (the comparatives
 * "tryggare", "stabilare" are caught as general words first) and not a role everyone has.
 */
export const OCCUPATION_ENDINGS: readonly string[] = ['are', 'ör', 'ist', 'iker', 'erska', 'ös'];

/** Words with an occupation's ending that name no occupation of this person: roles in every case, adverbs, verbs. */
export const NOT_OCCUPATIONS: readonly string[] = [
  'handläggare', 'handläggaren', 'arbetsgivare', 'arbetstagare', 'deltagare', 'mottagare', 'bidragstagare', 'medborgare',
  'invånare', 'användare', 'arbetsgivaren', 'tidigare', 'senare', 'närmare', 'vidare', 'snarare', 'ytterligare', 'hellre',
];

/** After "jobb som": words that open a relative clause ("jobb som erbjuds", "som passar", "som helst"), not an occupation. */
const CLAUSE_WORDS = new Set(['jag', 'han', 'hon', 'hen', 'den', 'det', 'de', 'man', 'kan', 'ska', 'är', 'har', 'helst', 'finns', 'ger', 'blir', 'går']);
const looksLikeVerb = (w: string): boolean => /(?:ar|er|ir|ds|ns|vs|ts|as|es)$/u.test(w) && !/iker$/u.test(w);

export type AnchorKind = 'occupation-or-field' | 'quantity-or-date' | 'name';

export interface GoalWords {
  generic: readonly string[];
  anchorParts: readonly string[];
  anchorWords: readonly string[];
  anchorPhrases: readonly string[];
  quantityWords: readonly string[];
  commonNames: readonly string[];
}

export const DEFAULT_GOAL_WORDS: GoalWords = {
  generic: GENERIC_WORDS,
  anchorParts: ANCHOR_PARTS,
  anchorWords: ANCHOR_WORDS,
  anchorPhrases: ANCHOR_PHRASES,
  quantityWords: QUANTITY_WORDS,
  commonNames: COMMON_NAMES,
};

export interface GoalJudgement {
  individual: boolean;
  /** The word (as written) that made the goal individual. */
  anchor?: string;
  kind?: AnchorKind;
  /** The general words of the goal, as written, in order. */
  generic: readonly string[];
}

export const stem = (word: string): string => stemmer(word.toLowerCase());

/** The word lists made ready once per run: stems of the general words, folded parts and names. */
export interface GoalMatcher {
  /** Judgements are shared between calls with the same text, and frozen. */
  judge(goal: string): Readonly<GoalJudgement>;
}

export function goalMatcher(given: Partial<GoalWords> = {}): GoalMatcher {
  const words = { ...DEFAULT_GOAL_WORDS, ...given };
  const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
  const generic = new Set(words.generic.map((w) => stem(w)));
  const parts = lower(words.anchorParts);
  const whole = new Set(lower(words.anchorWords));
  const phrases = lower(words.anchorPhrases);
  const quantities = new Set(lower(words.quantityWords));
  const common = new Set(words.commonNames.map(foldText));
  const notOccupations = new Set(NOT_OCCUPATIONS);
  // Goals repeat within an export (boilerplate is what the rule looks for): each text is judged once,
  // and its judgement, frozen, is shared by the akter that have it.
  const judged = new Map<string, Readonly<GoalJudgement>>();
  const judge = (goal: string): Readonly<GoalJudgement> => {
    let j = judged.get(goal);
    if (j === undefined) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, when the map is emptied changes memory, not judgements
      if (judged.size >= JUDGED_GOALS) judged.clear();
      j = judgeText(goal);
      Object.freeze(j.generic);
      judged.set(goal, (j = Object.freeze(j)));
    }
    return j;
  };
  return { judge };

  function judgeText(goal: string): GoalJudgement {
    // Words as written (case kept, for names), split like normalizeText; a sentence start is not a name.
    const tokens: { word: string; lower: string; start: boolean }[] = [];
    // A personnummer in the goal is no anchor, and its digits must not stand alone as the evidence's anchor.
    const read = withoutPersonalNumbers(goal);
    // Digits beside a long run of digits may be what is left of a number in a form no mask knows: no anchor then.
    const digitsAnchor = !/\p{Nd}{6}/u.test(read);
    for (const sentence of read.split(/[.:;!?]+/)) {
      (sentence.match(/[\p{L}\p{N}]+/gu) ?? []).forEach((w, i) => tokens.push({ word: w, lower: w.toLowerCase(), start: i === 0 }));
    }
    const found: string[] = [];
    let anchor: { word: string; kind: AnchorKind } | undefined;
    const text = ` ${tokens.map((t) => t.lower).join(' ')} `;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (generic.has(stem(t.lower))) {
        found.push(t.word);
        continue;
      }
      if (anchor) continue;
      if (/\p{N}/u.test(t.word) ? digitsAnchor : quantities.has(t.lower)) anchor = { word: t.word, kind: 'quantity-or-date' };
      else if (whole.has(t.lower) || parts.some((p) => t.lower.includes(p)) || namesCourse(t.lower) || namesOccupation(t.lower, notOccupations)) {
        anchor = { word: t.word, kind: 'occupation-or-field' };
      } else if (i >= 2 && tokens[i - 1]!.lower === 'som' && JOB_WORDS.has(tokens[i - 2]!.lower) && !CLAUSE_WORDS.has(t.lower) && !looksLikeVerb(t.lower)) {
        anchor = { word: t.word, kind: 'occupation-or-field' };
      } else if (isName(t, common)) {
        anchor = { word: t.word, kind: 'name' };
      }
    }
    if (!anchor) {
      const phrase = phrases.find((p) => text.includes(` ${p} `));
      if (phrase) anchor = { word: phrase, kind: 'occupation-or-field' };
    }
    return anchor ? { individual: true, anchor: anchor.word, kind: anchor.kind, generic: found } : { individual: false, generic: found };
  }
}

/** Goal texts whose judgement a matcher remembers; emptied when this many are held. */
export const JUDGED_GOALS = 4096;

/** "kockutbildning", "ordningsvaktsutbildningen": an education named by its field (bare "utbildning" is general). */
function namesCourse(word: string): boolean {
  const at = word.search(/utbildning(en|ar|arna)?$/u);
  return at > 2;
}

/** "vaktmästare", "montör": a word with an occupation's ending (see OCCUPATION_ENDINGS). */
function namesOccupation(word: string, not: ReadonlySet<string>): boolean {
  // "-för" ends verbs and prepositions ("genomför", "utanför"); "-igare" comparatives ("tydligare").
  if (word.length < 6 || not.has(word) || word.endsWith('för') || word.endsWith('igare')) return false;
  return OCCUPATION_ENDINGS.some((e) => word.endsWith(e));
}

/** A name: an acronym (ICA, FAMU) anywhere, or a capitalised word that does not start a sentence, and not one everyone deals with. */
function isName(t: { word: string; start: boolean }, common: ReadonlySet<string>): boolean {
  if (common.has(foldText(t.word))) return false;
  const acronym = t.word.length >= 2 && t.word === t.word.toUpperCase() && /\p{Lu}/u.test(t.word);
  return acronym || (!t.start && /^\p{Lu}/u.test(t.word));
}
