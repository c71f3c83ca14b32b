import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { audit, resolveSettings } from '../src/audit.js';
import { formatHtml } from '../src/report/formatters/html.js';
import { formatMarkdown } from '../src/report/formatters/markdown.js';
import type { FormatContext } from '../src/report/messages.js';
import { publicReport } from '../src/report/public.js';
import type { LeftOutTallies, Report } from '../src/report/types.js';

/**
 * The 2011 export twice: as it is, and under other caseIds without its follow-ups and Jobbtorg
 * tables, so some akter can be assessed by every rule and some cannot.
 */
function mixedExport(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'akt-left-out-'));
  cpSync('fixtures/stockholm-2011/csv', path.join(root, 'full'), { recursive: true });
  const part = path.join(root, 'part');
  cpSync('fixtures/stockholm-2011/csv', part, { recursive: true });
  for (const t of ['followups.csv', 'jobcenter.csv']) rmSync(path.join(part, t));
  for (const t of ['cases', 'plans', 'subgoals', 'investigations', 'consents', 'placements']) {
    const file = path.join(part, `${t}.csv`);
    const rows = parse(readFileSync(file, 'utf8')) as string[][];
    const ids = rows[0]!.flatMap((h, i) => (/^(caseId|planId)$/.test(h) ? [i] : []));
    writeFileSync(file, stringify(rows.map((r, n) => (n === 0 ? r : r.map((v, i) => (ids.includes(i) ? `X${v}` : v))))));
  }
  return root;
}

const root = mixedExport();
const settings = await resolveSettings({ configLookup: false });
const { report } = await audit({ paths: [path.join(root, 'full'), path.join(root, 'part')], asOf: '2010-11-15', rules: settings.rules });
const ctx = (lang: 'sv' | 'en'): FormatContext => ({ lang, rules: new Map(settings.catalogue.map((r) => [r.id, r])), color: false });
const text = (x: string | Iterable<string>) => (typeof x === 'string' ? x : [...x].join(''));
const walkedAgain = (r: Report): Report => ({ ...r, leftOut: undefined });
const sum = (t: LeftOutTallies, status: keyof LeftOutTallies, rule: number) => [...t[status][rule]!.values()].reduce((n, e) => n + e.count, 0);

describe('akter left out by a rule, counted in the pass that aggregates', () => {
  it('per stadsdel and in total, the counts per reason add up to the figures', () => {
    const leftOut = report.leftOut!;
    expect(leftOut.districts.size).toBe(report.districts.length);
    for (const d of [...report.districts, report.total]) {
      const t = d === report.total ? leftOut.total : leftOut.districts.get(d.district)!;
      d.rules.forEach((s, i) => {
        expect(sum(t, 'not-assessable', i), `${s.ruleId} not assessable`).toBe(s.notAssessable);
        expect(sum(t, 'not-applicable', i), `${s.ruleId} not applicable`).toBe(s.notApplicable);
      });
    }
    const follow = report.rules.findIndex((r) => r.ruleId === 'follow-ups-traceable');
    expect(report.total.rules[follow]!.notAssessable).toBe(20);
    expect([...leftOut.total['not-assessable'][follow]!.values()]).toEqual([{ reason: { code: 'missing-data', data: { data: 'followUps' } }, count: 20 }]);
  });

  it('the notes read the same as when the akter are walked once more to count them', () => {
    for (const lang of ['sv', 'en'] as const) {
      const md = text(formatMarkdown(report, ctx(lang)));
      expect(md).toBe(text(formatMarkdown(walkedAgain(report), ctx(lang))));
      expect(text(formatHtml(report, ctx(lang)))).toBe(text(formatHtml(walkedAgain(report), ctx(lang))));
      expect(md).toMatch(lang === 'sv' ? /kunde inte bedömas i 10 akter: Exporten saknar .*\(followUps\)/ : /could not be assessed in 10 case files: The export lacks .*\(followUps\)/);
      expect(md).toMatch(lang === 'sv' ? /akter omfattas inte\./ : /case files not covered\./);
    }
  });

  it('in a public report, the notes quote no text of the export and still count the same', () => {
    const key = { key: Buffer.alloc(32, 7), source: 'per-run' as const };
    const pub = publicReport(report, key);
    const md = text(formatMarkdown(pub, ctx('sv')));
    expect(md).toBe(text(formatMarkdown(walkedAgain(pub), ctx('sv'))));
    for (const t of [pub.leftOut!.total, ...pub.leftOut!.districts.values()]) {
      for (const rules of Object.values(t)) for (const m of rules) for (const { reason } of m.values()) for (const v of Object.values(reason.data ?? {})) expect(String(v)).toMatch(/^(\d{4}-\d{2}(-\d{2})?|term:.+|[a-zA-Z, ]+)$/);
    }
  });
});
