import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIELD_KINDS, type Scope } from '../../src/model/fields.js';

/**
 * A synthetic export with the personnummer project's shared test list planted everywhere: every
 * rendering of every number (test/peer/personnummer-meta) in every field, file name and directory
 * name, in long values whose cut falls inside the number, split by line breaks and terminal
 * escapes, in broken records, broken JSON and a broken CSV row.
 */
interface PeerEntry {
  integer: number;
  long_format: string;
  short_format: string;
  separated_format: string;
  separated_long: string;
  valid: boolean;
  type: 'ssn' | 'con';
}

const PEER = path.resolve('test/peer/personnummer-meta');

export function peerNumbers(): PeerEntry[] {
  return JSON.parse(readFileSync(path.join(PEER, 'list.json'), 'utf8')) as PeerEntry[];
}

export function organisationNumbers(): string[] {
  return (JSON.parse(readFileSync(path.join(PEER, 'orgnumber.json'), 'utf8')) as { separated_format: string; short_format: string }[]).flatMap((o) => [o.separated_format, o.short_format]);
}

/** Every distinct way the list writes each number (the integer 0 stands for "no integer form"). */
export function renderings(): string[] {
  const all = peerNumbers().flatMap((e) => [e.long_format, e.short_format, e.separated_format, e.separated_long, ...(e.integer ? [String(e.integer)] : [])]);
  return [...new Set(all)];
}

/** A text of `length` characters or so with `r` where a cut at 80 falls inside it. */
function around(r: string, i: number, words = 'Enligt anteckningarna ska klienten kontakta handläggaren om'): string {
  const lead = `${words} ${'x'.repeat(80)}`.slice(0, 66 + (i % 14));
  return `${lead} ${r} och återkomma.`;
}

/** A value for a field of the given scope: long, with the number near the cut, or broken up. */
function filler(r: string, i: number, n: number): string {
  switch (n % 4) {
    case 0:
      return around(r, i + n);
    case 1:
      return `Ring ${r.replace(/[-+ ]/, '\n')} i morgon`;
    case 2:
      return `\u001b[31m${r}\u001b[0m ${'ord '.repeat(18)}${r}`;
    default:
      return r;
  }
}

function record(scope: Scope, r: string, i: number): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const field of FIELD_KINDS.get(scope)!.keys()) out[field] = filler(r, i, n++);
  return out;
}

function akt(r: string, i: number, caseId: string): Record<string, unknown> {
  const own = record('akt', r, i);
  return {
    ...own,
    caseId,
    personId: r,
    supportReason: own.supportReason,
    // A plan that holds together, so that rules run and quote its goal as evidence.
    plans: [
      { planId: 'P1', created: '2010-06-01', validFrom: '2010-06-01', validTo: '2011-05-31', goal: around(r, i, 'Bli självförsörjande; kontakt'), nextFollowUp: '2010-12-01', subGoals: [{ text: `Delmål ${r}` }] },
      { ...record('plans', r, i), planId: `P-${r}`, subGoals: [record('subGoals', r, i)] },
    ],
    followUps: [{ date: '2010-09-01', type: 'trepartssamtal', outcome: around(r, i, 'Samtal med'), planId: 'P1' }, record('followUps', r, i)],
    investigations: [record('investigations', r, i)],
    consents: [record('consents', r, i)],
    placements: [record('placements', r, i)],
    jobCenter: record('jobCenter', r, i),
    'Bo Bengtsson': r,
    [r]: 'ett fält som heter som ett personnummer',
  };
}

export interface Planted {
  /** The export: JSON files (one per number, in a directory named by it), NDJSON, CSV tables. */
  root: string;
  /** An export whose cases.csv has no header: its first row is data. */
  headerless: string;
  renderings: string[];
  /** Akter in the export, each with its own caseId. */
  akter: number;
}

export function writePlanted(dir: string): Planted {
  const list = renderings();
  const root = path.join(dir, 'export');
  let akter = 0;
  for (const [i, r] of list.entries()) {
    const sub = path.join(root, 'json', r);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${r}.json`), JSON.stringify(akt(r, i, r), null, 1));
    akter++;
  }
  writeFileSync(path.join(root, 'json', 'Anna Andersson.json'), JSON.stringify(akt(list[0]!, 0, 'Anna Andersson')));
  akter++;
  // Broken records and broken JSON, each with a number at the break.
  const lines = list.flatMap((r, i) => [
    JSON.stringify(akt(r, i, `N${i}-${r}`)),
    `{"caseId":"B${i}","personId":“${r}"}`,
    `{"caseId":"C${i}","personId":"${r}"`,
    JSON.stringify([r, { personId: r }]),
    JSON.stringify(`${r} Anna Andersson`),
    JSON.stringify({ caseId: `D${i}`, plans: [r, [r]], followUps: [{ personId: r }, r] }),
  ]);
  akter += list.length * 2;
  writeFileSync(path.join(root, 'json', 'akter.ndjson'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(root, 'json', 'trasig.json'), `[{"caseId":"X1","personId":“${list[0]}"}, {"goal": "${list[1]}`);
  // CSV tables in a directory named by a number, with a header cell that is a number and one that is a name.
  const csvDir = path.join(root, `csv ${list[1]}`);
  mkdirSync(csvDir, { recursive: true });
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const caseFields = [...FIELD_KINDS.get('akt')!.keys()].filter((f) => f !== 'caseId');
  const cases = [['caseId', ...caseFields, 'Bo Bengtsson', list[2]!]];
  const plans = [['caseId', 'planId', 'created', 'validFrom', 'validTo', 'goal', 'nextFollowUp']];
  const followups = [['caseId', 'date', 'planId', 'type', 'outcome']];
  for (const [i, r] of list.entries()) {
    const id = `K${i}-${r}`;
    cases.push([id, ...caseFields.map((_, n) => filler(r, i, n)), r, r]);
    plans.push([id, 'P1', r, '2010-06-01', around(r, i), around(r, i, 'Målet är att'), '2010-12-01']);
    plans.push([`okänd ${r}`, 'P1', '2010-06-01', '2010-06-01', '2011-05-31', 'x', '2010-12-01']);
    followups.push([id, '2010-09-01', `P-${r}`, around(r, i, 'typ'), filler(r, i, 1)]);
    followups.push([id, '2010-10-01', 'P1', 'trepartssamtal']);
  }
  akter += list.length;
  const table = (rows: string[][]) => `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
  writeFileSync(path.join(csvDir, 'cases.csv'), table(cases));
  writeFileSync(path.join(csvDir, 'plans.csv'), table(plans));
  // The last row never closes its quote.
  writeFileSync(path.join(csvDir, 'followups.csv'), `${table(followups)}"K0-${list[0]}","2010-11-01","P1","trepartssamtal","${list[3]}\n`);
  const headerless = path.join(dir, 'headerless');
  mkdirSync(headerless, { recursive: true });
  writeFileSync(path.join(headerless, 'cases.csv'), `${list.map((r) => [r, 'Anna Andersson', r, 'arbetsloshet'].map(cell).join(',')).join('\n')}\n`);
  return { root, headerless, renderings: list, akter };
}
