import { fold } from '../fold.js';
import { CSV_TABLES, DATASETS, TABLE_SCOPE, type CsvTable } from './datasets.js';
import { SCOPES } from './fields.js';

/** Every table needs caseId to find its akt; delmål also need the plan they belong to. */
export function requiredColumns(table: CsvTable): readonly string[] {
  return table === 'subgoals' ? ['caseId', 'planId'] : ['caseId'];
}

const nested: ReadonlySet<string> = new Set(DATASETS);

/**
 * The canonical columns of each CSV table, derived from the schemas so they cannot drift: its
 * scope's fields without the datasets nested in it (rows of their own tables), after the columns
 * that find the akt (and the plan) a child row belongs to. cases.csv is the akt, caseId its own field.
 */
export const TABLE_COLUMNS = Object.fromEntries(
  CSV_TABLES.map((t): [CsvTable, readonly string[]] => [
    t,
    [...(t === 'cases' ? [] : requiredColumns(t)), ...Object.keys(SCOPES[TABLE_SCOPE[t]].shape).filter((k) => !nested.has(k))],
  ]),
) as Readonly<Record<CsvTable, readonly string[]>>;

/**
 * Swedish (and common system) names of each column, as they fold (see fold.ts). A name is only
 * tried in the tables that have its column, so "datum" is a follow-up's date and a delmål's due date.
 */
const ALIASES: Record<string, readonly string[]> = {
  caseId: ['aktnummer', 'aktnr', 'aktid', 'akt', 'arendenummer', 'arendenr', 'arendeid', 'arende', 'diarienummer', 'dnr'],
  district: ['stadsdel', 'stadsdelsforvaltning', 'stadsdelsnamnd', 'sdf', 'sdn', 'forvaltning'],
  personId: ['personnummer', 'personnr', 'pnr', 'samordningsnummer'],
  caseworker: ['handlaggare', 'ansvarighandlaggare'],
  supportReason: ['forsorjningshinder', 'hinder'],
  supportStart: ['bistandsstart', 'bistandfran', 'bistandfrom', 'bistandsedan', 'startdatum'],
  planId: ['arbetsplanid', 'arbetsplan', 'arbetsplansnummer', 'plannummer', 'plannr'],
  created: ['upprattad', 'upprattaddatum', 'upprattandedatum', 'datumupprattad'],
  validFrom: ['giltigfran', 'giltigfrom', 'gallerfran', 'gallerfrom', 'fran', 'fom'],
  validTo: ['giltigtill', 'giltigtom', 'gallertill', 'gallertom', 'till', 'tom'],
  goal: ['mal', 'malet', 'overgripandemal'],
  activities: ['aktiviteter', 'aktivitet', 'insatser', 'planeradeaktiviteter'],
  requirements: ['krav', 'motprestation', 'kravpamotprestation'],
  clientView: ['denenskildesuppfattning', 'enskildesuppfattning', 'klientensuppfattning', 'sokandensuppfattning', 'synpunkter'],
  nextFollowUp: ['nastauppfoljning', 'planeraduppfoljning', 'nastauppfoljningsdatum'],
  replaces: ['ersatter', 'ersatterplan'],
  text: ['delmal', 'beskrivning'],
  due: ['tidpunkt', 'klart', 'klartdatum', 'senast', 'slutdatum', 'datum', 'forfallodatum'],
  date: ['datum', 'uppfoljningsdatum', 'genomford', 'hallen', 'utredningsdatum', 'samtyckesdatum'],
  type: ['typ', 'uppfoljningstyp', 'kontakttyp', 'utredningstyp', 'insatstyp', 'aktivitetstyp'],
  outcome: ['resultat', 'anteckning', 'journalanteckning', 'utfall', 'notering'],
  goalsRevised: ['malreviderade', 'malenreviderade', 'reviderademal', 'malreviderat'],
  scope: ['omfattning', 'avser', 'mottagare', 'samtyckeavser', 'samtyckeomfattar'],
  referred: ['aktualiserad', 'remitterad', 'remiss', 'remissdatum', 'hanvisad', 'hanvisadtilljobbtorg'],
  firstMeeting: ['forstamote', 'forstabesok', 'forstamotesdatum'],
  enrolled: ['inskriven', 'inskrivning', 'inskrivningsdatum'],
  jobPlanCreated: ['jobbplanupprattad', 'jobbplan', 'forstajobbplan'],
  jobPlanReceived: ['jobbplanmottagen', 'jobbplaninkommen', 'jobbplanmottagenavstadsdelen'],
  exited: ['utskriven', 'utskrivning', 'utskrivningsdatum', 'avslutad'],
  start: ['startdatum', 'anvisad', 'anvisningsdatum', 'fran'],
  afConsulted: ['samradaf', 'afsamrad', 'samradarbetsformedlingen', 'samradmedarbetsformedlingen'],
};

export interface HeaderMatch {
  /** Canonical column per header cell; null for cells that are not used. */
  columns: (string | null)[];
  /** Header cells that match no column (a notice each, not an error per row). */
  unknown: string[];
  /** Header cells that name a column an earlier cell already took. */
  duplicate: string[];
}

/**
 * Maps header cells to canonical columns: first the mapping's own names (null there means "not
 * used", said once and never again), then the canonical names and their Swedish aliases, all
 * matched with case, diacritics and separators ignored.
 */
export function canonicalHeader(table: CsvTable, header: readonly string[], custom: Readonly<Record<string, string | null>> = {}): HeaderMatch {
  const byFolded = new Map<string, string | null>();
  for (const c of TABLE_COLUMNS[table]) for (const a of ALIASES[c] ?? []) byFolded.set(a, c);
  for (const c of TABLE_COLUMNS[table]) byFolded.set(fold(c), c);
  for (const [name, c] of Object.entries(custom)) byFolded.set(fold(name), c);
  const taken = new Set<string>();
  const match: HeaderMatch = { columns: [], unknown: [], duplicate: [] };
  for (const h of header) {
    const c = byFolded.get(fold(h));
    if (c === undefined) match.unknown.push(h);
    else if (c !== null && taken.has(c)) match.duplicate.push(h);
    const used = c !== undefined && c !== null && !taken.has(c);
    if (used) taken.add(c);
    match.columns.push(used ? c : null);
  }
  return match;
}
