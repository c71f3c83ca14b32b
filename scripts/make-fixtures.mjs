#!/usr/bin/env node
// Writes fixtures/stockholm-2011 as CSV tables and as JSON from one synthetic definition, so both
// layouts hold the same akter. Every person and personnummer here is made up.
// The akter reproduce the akt review of revisionsrapport 3-2011 at the audit date 2010-11-15.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
  fu('2010-06-01', 'uppfoljning', outcome && `${outcome} Ny arbetsplan upprättad.`),
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

// JSON drops empty values, as an exporter would; CSV writes them as empty cells.
const compact = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== false));
const asJson = akter.map((a) => ({
  ...compact(a),
  plans: a.plans.map((p) => ({ ...compact(p), subGoals: p.subGoals.map(compact) })),
  followUps: a.followUps.map((f) => ({ ...compact(f), goalsRevised: f.goalsRevised })),
}));

function csv(rows, columns) {
  const q = (v) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => q(r[c])).join(','))].join('\r\n') + '\r\n';
}

mkdirSync(path.join(out, 'csv'), { recursive: true });
mkdirSync(path.join(out, 'json'), { recursive: true });
writeFileSync(path.join(out, 'json', 'akter.json'), `${JSON.stringify(asJson, null, 2)}\n`);
const caseCols = ['caseId', 'district', 'personId', 'caseworker', 'supportReason', 'supportStart'];
const planCols = ['caseId', 'planId', 'created', 'validFrom', 'validTo', 'goal', 'activities', 'requirements', 'clientView', 'nextFollowUp', 'replaces'];
writeFileSync(path.join(out, 'csv', 'cases.csv'), csv(akter, caseCols));
writeFileSync(path.join(out, 'csv', 'plans.csv'), csv(akter.flatMap((a) => a.plans.map((p) => ({ caseId: a.caseId, ...p }))), planCols));
writeFileSync(
  path.join(out, 'csv', 'subgoals.csv'),
  csv(akter.flatMap((a) => a.plans.flatMap((p) => p.subGoals.map((s) => ({ caseId: a.caseId, planId: p.planId, ...s })))), ['caseId', 'planId', 'text', 'due']),
);
writeFileSync(
  path.join(out, 'csv', 'followups.csv'),
  csv(akter.flatMap((a) => a.followUps.map((f) => ({ caseId: a.caseId, ...f }))), ['caseId', 'date', 'planId', 'type', 'outcome', 'goalsRevised']),
);
console.log(`wrote ${akter.length} akter to ${path.relative(process.cwd(), out)}/{csv,json}`);
