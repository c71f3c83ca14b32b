#!/usr/bin/env node
// Writes fixtures/stockholm-2011 as CSV tables, as JSON, as an Excel workbook and as zip archives
// from one synthetic definition, so every layout holds the same akter. Every person and
// personnummer here is made up.
// The akter reproduce the akt review of revisionsrapport 3-2011 at the audit date 2010-11-15.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';

const out = path.resolve(process.argv[2] ?? 'fixtures/stockholm-2011');

/** A made-up personnummer with a valid check digit (Luhn over the ten digits). */
function personnummer(yyyymmdd, serial) {
  const ten = `${yyyymmdd.slice(2)}${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yyyymmdd}-${ten.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const fu = (date, type, outcome = '', goalsRevised = false) => ({ date, type, outcome, goalsRevised });
const quarterly = (outcome) => [
  fu('2009-12-10', 'trepartssamtal', outcome && `${outcome} Närvaron på jobbtorget god.`),
  fu('2010-03-05', 'trepartssamtal', outcome && `${outcome} Söker arbete enligt planen.`),
  fu('2010-06-01', 'trepartssamtal', outcome && `${outcome} Ny arbetsplan upprättad.`),
  fu('2010-08-30', 'trepartssamtal', outcome && `${outcome} Planeringen står fast.`),
  fu('2010-11-01', 'trepartssamtal', outcome && `${outcome} Fortsatt praktik.`),
];
const held = quarterly(''); // held, by the district's own account, but nothing written down

function hlPlans(id, goal, subGoals = [], extra = {}) {
  return [
    { planId: `${id}-P1`, created: '2009-06-01', validFrom: '2009-06-01', validTo: '2010-05-31', goal, subGoals: [],
      activities: 'Delta på jobbtorg Vårberg.', requirements: 'Delta heltid på jobbtorget.', clientView: '', nextFollowUp: '2009-09-01', replaces: '' },
    { planId: `${id}-P2`, created: '2010-06-01', validFrom: '2010-06-01', validTo: '2011-05-31', goal, subGoals,
      activities: 'Delta på jobbtorg Vårberg; söka arbete.', requirements: 'Delta heltid på jobbtorget och söka minst tio arbeten i månaden.',
      clientView: 'Vill helst arbeta inom handeln.', nextFollowUp: '2010-12-01', replaces: `${id}-P1`, ...extra },
  ];
}

const HL = 'Hägersten-Liljeholmen';
const ST = 'Spånga-Tensta';
const akter = [
  ['HL-0001', 'Bli självförsörjande genom arbete', [], held],
  ['HL-0002', 'Bli självförsörjande genom arbete', [], held],
  ['HL-0003', 'Bli självförsörjande genom arbete.', [], quarterly('Trepartssamtal hållet.').map((f) => (f.date === '2010-08-30' ? { ...f, goalsRevised: true } : f))],
  ['HL-0004', 'bli självförsörjande genom arbete', [], held],
  ['HL-0005', 'Egen försörjning', [], held.slice(0, 3)],
  ['HL-0006', 'Egen försörjning genom arbete', [], held],
  ['HL-0007', 'Att bli självförsörjande', [], []],
  ['HL-0008', 'Bli självförsörjande genom egna inkomster', [], held],
  ['HL-0009', 'Slutföra SFI kurs D under hösten och därefter söka arbete inom barnomsorgen, där hon har erfarenhet från hemlandet',
    [{ text: 'Godkänd SFI kurs D', due: '2010-12-20' }, { text: 'Praktik på förskola två dagar i veckan', due: '2011-03-31' }],
    quarterly('Trepartssamtal med coach och klient.')],
  ['HL-0010', 'Ta truckkort, söka "lagerarbete" i södra Stockholm och minska ryggsmärtan med sjukgymnastik',
    [{ text: 'Truckkort A+B klart', due: '2010-12-15' }, { text: 'Sjukgymnastik en gång i veckan', due: '' }],
    held],
].map(([caseId, goal, subGoals, followUps], i) => ({
  caseId,
  district: HL,
  personId: personnummer(`19${70 + i}0${(i % 9) + 1}1${i % 9}`, 200 + i),
  caseworker: i < 5 ? 'Handläggare A' : 'Handläggare B',
  supportReason: 'arbetsloshet',
  supportStart: '2009-03-01',
  plans: hlPlans(caseId, goal, subGoals),
  followUps: followUps.map((f) => ({ ...f, planId: f.date < '2010-06-01' ? `${caseId}-P1` : `${caseId}-P2` })),
}));

const stPlan = (caseId, n, created, validFrom, validTo, goal, nextFollowUp) => ({
  planId: `${caseId}-P${n}`, created, validFrom, validTo, goal, subGoals: [],
  activities: 'Inskriven på jobbtorg Kista.', requirements: 'Delta i jobbtorgets aktiviteter.', clientView: '', nextFollowUp, replaces: '',
});
const stFollowUps = (caseId, documented) => [
  fu('2010-02-15', 'narvarokontroll', documented ? 'Närvaron kontrollerad: full närvaro.' : ''),
  fu('2010-05-20', 'trepartssamtal', documented ? 'Trepartssamtal: fortsatt praktik, planen står fast.' : ''),
  fu('2010-08-25', 'trepartssamtal', documented ? 'Trepartssamtal: söker arbeten aktivt.' : ''),
  fu('2010-10-28', 'narvarokontroll', documented ? 'Närvaron kontrollerad: två dagars frånvaro.' : ''),
].map((f) => ({ ...f, planId: '' , caseId }));

const stSpec = [
  ['ST-0001', [stPlan('ST-0001', 1, '2010-09-01', '2010-09-01', '2011-02-28', 'Egen försörjning', '2010-12-01')], true, 'arbetsloshet'],
  ['ST-0002', [stPlan('ST-0002', 1, '2010-10-01', '2010-10-01', '2011-03-31', 'Egen försörjning genom arbete', '')], false, 'arbetsloshet'],
  ['ST-0003', [stPlan('ST-0003', 1, '2009-10-01', '2009-10-01', '2010-03-31', 'Egen försörjning', '2010-01-15')], false, 'arbetsloshet'],
  ['ST-0004', [stPlan('ST-0004', 1, '2009-07-01', '2009-07-01', '2009-12-31', 'Egen försörjning', '2009-10-01')], false, ''],
  ['ST-0005', [stPlan('ST-0005', 1, '2009-06-01', '2009-07-01', '2009-12-31', 'Egen försörjning', '2009-10-01'),
    stPlan('ST-0005', 2, '2010-01-10', '2010-01-01', '2010-06-30', 'Egen försörjning', '2010-04-01')], true, 'arbetsloshet'],
  ['ST-0006', [stPlan('ST-0006', 1, '2010-03-01', '2010-03-01', '2010-08-31', 'Få ett arbete', '2010-06-01')], false, 'arbetsloshet'],
  ['ST-0007', [stPlan('ST-0007', 1, '2010-02-01', '2010-02-01', '', 'Egen försörjning', '')], false, 'arbetsloshet'],
  ['ST-0008', [stPlan('ST-0008', 1, '2010-04-12', '', '', 'Egen försörjning', '')], false, ''],
  ['ST-0009', [], false, 'arbetsloshet'],
  ['ST-0010', [], false, 'arbetsloshet'],
];
stSpec.forEach(([caseId, plans, documented, supportReason], i) => {
  akter.push({
    caseId,
    district: ST,
    personId: personnummer(`19${80 + i}1${i % 3}0${(i % 9) + 1}`, 400 + i),
    caseworker: 'Handläggare C',
    supportReason,
    supportStart: '2009-05-01',
    plans,
    followUps: stFollowUps(caseId, documented).map(({ caseId: _c, ...f }) => f),
  });
});

// The jobbtorg, utredning, samtycke and anvisning parts. Half of each district's akter are
// aspirants at a jobbtorg, as in the 2011 audit's sample (002 §1.2); the jobbtorg mostly keeps its
// five-day jobbplan and two-week wait (001), but samtycken are often missing (001, point 2).
const jc = (referred, firstMeeting, jobPlanCreated, jobPlanReceived, exited = '') =>
  ({ referred, firstMeeting, enrolled: firstMeeting, jobPlanCreated, jobPlanReceived, exited });
const jobCenters = {
  'HL-0001': jc('2009-03-02', '2009-03-09', '2009-03-12', '2009-03-20'),
  'HL-0002': jc('2009-03-02', '2009-03-16', '2009-03-19', ''), // a 14-day wait; the jobbplan never reached the stadsdel
  'HL-0003': jc('2009-03-02', '2009-03-18', '2009-03-23', '2009-03-25'), // a 16-day wait
  'HL-0004': jc('2010-09-01', '2010-09-08', '2010-09-16', '2010-09-20'), // recently enrolled; jobbplan after 8 days
  'HL-0005': jc('2009-03-02', '2009-03-09', '2009-03-12', '2009-03-15', '2010-06-30'), // left the jobbtorg
  'ST-0001': jc('2009-05-10', '2009-05-17', '2009-05-20', '2009-05-28'),
  'ST-0002': jc('2009-05-10', '2009-05-24', '2009-05-29', '2009-06-02'),
  'ST-0003': jc('2009-05-10', '2009-05-31', '2009-06-03', ''), // a 21-day wait
  'ST-0004': jc('2010-10-25', '', '', ''), // referred, no meeting yet at D (21 days)
  'ST-0005': jc('2009-05-10', '2009-05-17', '2009-05-20', '2009-05-25'),
};
const consents = {
  'HL-0001': [{ date: '2009-02-25', scope: 'jobbtorg' }],
  'HL-0003': [{ date: '2009-03-10', scope: 'jobbtorg' }], // given after the referral
  'HL-0004': [{ date: '2010-08-30', scope: 'jobbtorg' }, { date: '2010-08-30', scope: 'arbetsformedlingen' }],
  'HL-0005': [{ date: '2009-03-01', scope: 'jobbtorg' }],
  'ST-0001': [{ date: '2009-05-05', scope: '' }], // a general samtycke
  'ST-0003': [{ date: '2009-05-05', scope: 'region' }], // covers the region, not the jobbtorg
  'ST-0004': [{ date: '2010-10-20', scope: 'jobbtorg' }],
  'ST-0005': [{ date: '2009-05-08', scope: 'jobbtorg' }],
};
const investigations = (a) => {
  if (a.caseId === 'ST-0006' || a.plans.length === 0) return []; // ST-0006 has a plan but no utredning
  const date = a.caseId === 'HL-0008' ? '2009-07-01' : a.district === HL ? '2009-04-01' : '2009-05-20'; // HL-0008: after its first plan
  return [{ date, type: 'grundutredning' }];
};
const placements = {
  'HL-0009': [{ start: '2010-09-01', type: 'praktik', afConsulted: '2010-08-20' }],
  'HL-0010': [{ start: '2010-10-01', type: 'kompetenshojande', afConsulted: '' }],
  'ST-0001': [{ start: '2010-10-01', type: 'praktik', afConsulted: '2010-10-05' }], // consulted after the start
  'ST-0003': [{ start: '2010-03-01', type: 'arbetstraning', afConsulted: '' }],
};
for (const a of akter) {
  a.investigations = investigations(a);
  a.consents = consents[a.caseId] ?? [];
  if (jobCenters[a.caseId]) a.jobCenter = jobCenters[a.caseId];
  a.placements = placements[a.caseId] ?? [];
}

// JSON drops empty values, as an exporter would; CSV writes them as empty cells.
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== false));
const asJson = akter.map((a) => ({
  ...compact(a),
  plans: a.plans.map((p) => ({ ...compact(p), subGoals: p.subGoals.map(compact) })),
  followUps: a.followUps.map((f) => ({ ...compact(f), goalsRevised: f.goalsRevised })),
  investigations: a.investigations.map(compact),
  consents: a.consents.map(compact),
  ...(a.jobCenter ? { jobCenter: compact(a.jobCenter) } : {}),
  placements: a.placements.map(compact),
}));

/** A CSV table; `names` renames columns, `value` rewrites cells, as another export system would. */
function csv(rows, columns, { delimiter = ',', eol = '\r\n', names = {}, value = (_c, v) => v } = {}) {
  const special = new RegExp(`["${delimiter === '|' ? '\\|' : delimiter}\r\n]`);
  const q = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = columns.map((c) => names[c] ?? c);
  return [header.join(delimiter), ...rows.map((r) => columns.map((c) => q(value(c, r[c]))).join(delimiter))].join(eol) + eol;
}

/** Windows-1252 bytes, as Swedish Excel saves "CSV (semikolonavgränsad)". */
function cp1252(text) {
  const special = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };
  return Buffer.from([...text].map((ch) => {
    const code = ch.codePointAt(0);
    if (special[ch] !== undefined) return special[ch];
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new Error(`cannot write ${ch} in windows-1252`);
  }));
}

const caseCols = ['caseId', 'district', 'personId', 'caseworker', 'supportReason', 'supportStart'];
const planCols = ['caseId', 'planId', 'created', 'validFrom', 'validTo', 'goal', 'activities', 'requirements', 'clientView', 'nextFollowUp', 'replaces'];
const subGoalCols = ['caseId', 'planId', 'text', 'due'];
const followUpCols = ['caseId', 'date', 'planId', 'type', 'outcome', 'goalsRevised'];
const investigationCols = ['caseId', 'date', 'type'];
const consentCols = ['caseId', 'date', 'scope'];
const jobCenterCols = ['caseId', 'referred', 'firstMeeting', 'enrolled', 'jobPlanCreated', 'jobPlanReceived', 'exited'];
const placementCols = ['caseId', 'start', 'type', 'afConsulted'];
const rowsOf = (key) => akter.flatMap((a) => a[key].map((x) => ({ caseId: a.caseId, ...x })));
const tables = {
  cases: akter,
  plans: akter.flatMap((a) => a.plans.map((p) => ({ caseId: a.caseId, ...p }))),
  subgoals: akter.flatMap((a) => a.plans.flatMap((p) => p.subGoals.map((s) => ({ caseId: a.caseId, planId: p.planId, ...s })))),
  followups: akter.flatMap((a) => a.followUps.map((f) => ({ caseId: a.caseId, ...f }))),
  investigations: rowsOf('investigations'),
  consents: rowsOf('consents'),
  jobcenter: akter.filter((a) => a.jobCenter).map((a) => ({ caseId: a.caseId, ...a.jobCenter })),
  placements: rowsOf('placements'),
};
const columnsOf = {
  cases: caseCols, plans: planCols, subgoals: subGoalCols, followups: followUpCols,
  investigations: investigationCols, consents: consentCols, jobcenter: jobCenterCols, placements: placementCols,
};

function write(dir, name, data) {
  mkdirSync(path.join(out, dir), { recursive: true });
  writeFileSync(path.join(out, dir, name), data);
}

write('json', 'akter.json', `${JSON.stringify(asJson, null, 2)}\n`);
for (const t of Object.keys(tables)) write('csv', `${t}.csv`, csv(tables[t], columnsOf[t]));

// excel/: what a handläggare gets from "Spara som CSV" in Swedish Excel: Windows-1252, semicolons,
// CRLF, Swedish file and column names, Swedish words for codes, dates in three shapes.
const swedish = {
  caseId: 'Aktnummer', district: 'Stadsdel', personId: 'Personnummer', caseworker: 'Handläggare', supportReason: 'Försörjningshinder',
  supportStart: 'Bistånd från', planId: 'Arbetsplan-ID', created: 'Upprättad', validFrom: 'Giltig från', validTo: 'Giltig t.o.m.',
  goal: 'Mål', activities: 'Aktiviteter', requirements: 'Krav på motprestation', clientView: 'Den enskildes uppfattning',
  nextFollowUp: 'Nästa uppföljning', replaces: 'Ersätter', text: 'Delmål', due: 'Tidpunkt', date: 'Datum', type: 'Typ',
  outcome: 'Anteckning', goalsRevised: 'Mål reviderade', scope: 'Avser', referred: 'Remitterad', firstMeeting: 'Första möte',
  enrolled: 'Inskriven', jobPlanCreated: 'Jobbplan upprättad', jobPlanReceived: 'Jobbplan mottagen', exited: 'Utskriven',
  start: 'Startdatum', afConsulted: 'Samråd AF',
};
const swedishValue = (c, v) => {
  if (c === 'supportReason') return { arbetsloshet: 'Arbetslöshet', 'sociala-medicinska': 'Sociala/medicinska skäl', ovrigt: 'Övrigt' }[v] ?? v;
  if (c === 'type') {
    const words = { trepartssamtal: 'Trepartssamtal', uppfoljning: 'Uppföljning', narvarokontroll: 'Närvarokontroll', kompetenshojande: 'Kompetenshöjande', arbetstraning: 'Arbetsträning', praktik: 'Praktik', grundutredning: 'Grundutredning' };
    return words[v] ?? v;
  }
  if (c === 'goalsRevised') return v ? 'Ja' : 'Nej';
  if (c === 'created' && v) return v.replace(/-/g, '');
  if (c === 'date' && v) return `${v} 10:00`;
  return v;
};
const excelNames = {
  cases: 'akter.csv', plans: 'arbetsplaner.csv', subgoals: 'delmål.csv', followups: 'uppföljningar.csv',
  investigations: 'grundutredningar.csv', consents: 'samtycken.csv', jobcenter: 'jobbtorg.csv', placements: 'anvisningar.csv',
};
for (const t of Object.keys(tables)) {
  write('excel', excelNames[t], cp1252(csv(tables[t], columnsOf[t], { delimiter: ';', names: swedish, value: swedishValue })));
}

// tab/: UTF-8 with a byte-order mark, tab-separated, LF line ends, canonical names.
for (const t of Object.keys(tables)) write('tab', `${t}.csv`, `\uFEFF${csv(tables[t], columnsOf[t], { delimiter: '\t', eol: '\n' })}`);

// mapped/: a case system's own export, read through mapping.json: its own file and column
// names, pipe-separated, coded values and day.month.year dates.
const codes = {
  supportReason: { arbetsloshet: '1', 'sociala-medicinska': '2', ovrigt: '3' },
  type: { trepartssamtal: 'TP', uppfoljning: 'UF', narvarokontroll: 'NK' },
  placementType: { praktik: 'P', arbetstraning: 'AT', kompetenshojande: 'KH' },
};
const mappedNames = {
  caseId: 'AKT_NR', district: 'ENHET', personId: 'PNR', caseworker: 'HANDL_SIGN', supportReason: 'HINDER_KOD', supportStart: 'BIST_START',
  planId: 'PLAN_NR', created: 'UPPR_DAT', validFrom: 'FOM', validTo: 'TOM', goal: 'MAL_TEXT', activities: 'AKT_TEXT', requirements: 'KRAV_TEXT',
  clientView: 'KLIENT_TEXT', nextFollowUp: 'NASTA_UF', replaces: 'ERSATTER_PLAN', text: 'DELMAL_TEXT', due: 'DELMAL_DAT', date: 'HAND_DAT',
  type: 'HAND_TYP', outcome: 'HAND_TEXT', goalsRevised: 'REV_FLAGGA', referred: 'JT_REMISS', firstMeeting: 'JT_MOTE1', enrolled: 'JT_INSKR',
  jobPlanCreated: 'JT_JP_UPPR', jobPlanReceived: 'JT_JP_MOTT', exited: 'JT_UTSKR', start: 'ANV_START', afConsulted: 'ANV_AF_SAMRAD', scope: 'SAMT_AVSER',
};
/** Per table, where a canonical name means something else there than in the follow-ups. */
const mappedTableNames = {
  investigations: { date: 'UTR_DAT', type: 'UTR_TYP' },
  consents: { date: 'SAMT_DAT' },
  placements: { type: 'ANV_TYP' },
};
const dmy = (v) => (v ? `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : v);
const mappedValue = (t) => (c, v) => {
  if (t === 'placements' && c === 'type') return codes.placementType[v] ?? v;
  if (t === 'investigations' && c === 'type') return v;
  if (codes[c]) return codes[c][v] ?? v;
  if (c === 'goalsRevised') return v ? 'J' : 'N';
  if (['supportStart', 'created', 'validFrom', 'validTo', 'nextFollowUp', 'due', 'date', 'referred', 'firstMeeting', 'enrolled', 'jobPlanCreated', 'jobPlanReceived', 'exited', 'start', 'afConsulted'].includes(c)) return dmy(v);
  return v;
};
const mappedFiles = {
  cases: 'KLIENT.TXT', plans: 'ARBPLAN.TXT', subgoals: 'DELMAL.TXT', followups: 'HANDELSE.TXT',
  investigations: 'UTREDN.TXT', consents: 'SAMTYCKE.TXT', jobcenter: 'JT_AKT.TXT', placements: 'ANVISN.TXT',
};
const namesOf = (t) => ({ ...mappedNames, ...mappedTableNames[t], internal: 'REG_ANV' });
for (const t of Object.keys(tables)) {
  const cols = [...columnsOf[t], ...(t === 'cases' ? ['internal'] : [])];
  const rows = t === 'cases' ? tables[t].map((r) => ({ ...r, internal: 'SYS' })) : tables[t];
  write('mapped', mappedFiles[t], csv(rows, cols, { delimiter: '|', names: namesOf(t), value: mappedValue(t) }));
}
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const columnsFor = (t) => Object.fromEntries(columnsOf[t].map((c) => [namesOf(t)[c], c]));
const mapping = {
  description: 'Mapping of the case system export in fixtures/stockholm-2011/mapped onto export format v1',
  delimiter: '|',
  files: invert(mappedFiles),
  columns: { ...Object.fromEntries(Object.keys(tables).map((t) => [t, columnsFor(t)])), cases: { ...columnsFor('cases'), REG_ANV: null } },
  values: {
    supportReason: invert(codes.supportReason),
    'followUps.type': invert(codes.type),
    'placements.type': invert(codes.placementType),
    goalsRevised: { J: true, N: false },
  },
  dateFormats: ['dd.MM.yyyy'],
};
// Kept outside the export directory, so that reading the export never takes the mapping for data.
mkdirSync(path.join(out, '..', 'mappings'), { recursive: true });
writeFileSync(path.join(out, '..', 'mappings', `${path.basename(out)}-mapped.json`), `${JSON.stringify(mapping, null, 2)}\n`);

// xlsx/: what a case system's report module delivers: one workbook, a sheet per table with
// Swedish sheet and column names, dates as date cells, booleans as boolean cells, Swedish words
// for codes, a date written as text (Upprättad, YYYYMMDD) and a date given by a formula whose
// value Excel cached (Nästa uppföljning).
const sheetNames = {
  cases: 'Akter', plans: 'Arbetsplaner', subgoals: 'Delmål', followups: 'Uppföljningar',
  investigations: 'Grundutredningar', consents: 'Samtycken', jobcenter: 'Jobbtorg', placements: 'Anvisningar',
};
const DATE_COLUMNS = new Set(['supportStart', 'validFrom', 'validTo', 'nextFollowUp', 'due', 'date', 'referred', 'firstMeeting', 'enrolled', 'jobPlanCreated', 'jobPlanReceived', 'exited', 'start', 'afConsulted']);
const utc = (iso) => new Date(`${iso}T00:00:00Z`);
function excelCell(c, v) {
  if (v === '' || v === undefined || v === null) return null;
  if (c === 'goalsRevised') return v === true;
  if (c === 'created') return v.replace(/-/g, '');
  if (c === 'nextFollowUp') return { formula: `DATE(${v.slice(0, 4)},${Number(v.slice(5, 7))},${Number(v.slice(8, 10))})`, result: utc(v) };
  if (DATE_COLUMNS.has(c)) return utc(v);
  return swedishValue(c, v);
}
/** The whole workbook; `order` lists the tables in sheet order, `date1904` picks Excel's other date system. */
async function workbook({ order = Object.keys(tables), date1904 = false } = {}) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'make-fixtures';
  wb.created = wb.modified = new Date(Date.UTC(2011, 0, 1));
  if (date1904) wb.properties.date1904 = true;
  for (const t of order) {
    const sheet = wb.addWorksheet(sheetNames[t]);
    sheet.addRow(columnsOf[t].map((c) => swedish[c]));
    for (const r of tables[t]) sheet.addRow(columnsOf[t].map((c) => excelCell(c, r[c])));
    columnsOf[t].forEach((c, i) => {
      if (DATE_COLUMNS.has(c)) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return repack(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A zip with fixed times, so that a fixture's bytes (and its SHA-256 in the reports) only change with its content. */
function zip(files) {
  const z = new yazl.ZipFile();
  const mtime = new Date(2011, 0, 1);
  for (const [name, data] of files) {
    if (name.endsWith('/')) z.addEmptyDirectory(name, { mtime });
    else z.addBuffer(data, name, { mtime, mode: 0o100644 });
  }
  z.end();
  return new Promise((resolve, reject) => {
    const parts = [];
    z.outputStream.on('data', (d) => parts.push(d)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
  });
}

/** exceljs stamps each part of a workbook with the time it was written; the parts are kept, in their order, with fixed times. */
async function repack(bytes) {
  const zf = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const list = await new Promise((resolve, reject) => {
    const found = [];
    zf.on('entry', (e) => {
      found.push(e);
      zf.readEntry();
    }).on('end', () => resolve(found)).on('error', reject);
    zf.readEntry();
  });
  const files = [];
  for (const entry of list) {
    const parts = [];
    if (!entry.fileName.endsWith('/')) for await (const chunk of await zf.openReadStreamPromise(entry)) parts.push(chunk);
    files.push([entry.fileName, Buffer.concat(parts)]);
  }
  return zip(files);
}

const book = await workbook();
write('xlsx', 'export.xlsx', book);
// zip/: the CSV tables in a folder, and a workbook in Excel's 1904 date system with its sheets
// the other way round (akter last), each zipped as they travel by mail.
write('zip', 'csv.zip', await zip(Object.keys(tables).map((t) => [`export/${t}.csv`, Buffer.from(csv(tables[t], columnsOf[t]))])));
write('zip', 'xlsx.zip', await zip([['export/', Buffer.alloc(0)], ['export/export.xlsx', await workbook({ order: Object.keys(tables).reverse(), date1904: true })]]));

console.log(`wrote ${akter.length} akter to ${path.relative(process.cwd(), out)}/{csv,json,excel,tab,mapped,xlsx,zip}`);

// stockholm-2012: the same akter a year of work later, as the follow-up audit would find them at
// the same audit date: Spånga-Tensta has drawn up a current arbetsplan in every akt.
const fixed = asJson.map((a) =>
  a.district !== ST
    ? a
    : {
        ...a,
        plans: [
          ...a.plans,
          { planId: `${a.caseId}-P9`, created: '2010-10-01', validFrom: '2010-10-01', validTo: '2011-03-31', goal: 'Egen försörjning',
            subGoals: [], activities: 'Inskriven på jobbtorg Kista.', requirements: 'Delta i jobbtorgets aktiviteter.', nextFollowUp: '2011-01-10' },
        ],
      },
);
const out2012 = path.join(out, '..', `${path.basename(out).replace('2011', '2012')}`, 'json');
mkdirSync(out2012, { recursive: true });
writeFileSync(path.join(out2012, 'akter.json'), `${JSON.stringify(fixed, null, 2)}\n`);
