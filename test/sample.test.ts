import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE } from '../src/errors.js';
import { fullMonths } from '../src/sample/population.js';
import { attributeSampleSize } from '../src/sample/size.js';
import { cli } from './helpers/cli.js';

const FIXTURE = 'fixtures/stockholm-2011';
const AS_OF = ['--as-of', '2010-11-15'];
const MAPPING = ['--mapping', 'fixtures/mappings/stockholm-2011-mapped.json'];

interface Protocol {
  seed: string;
  population: number;
  drawn: number;
  groups: { district: string | null; population: number; strata: { name: string; population: number; wanted: number; drawn: string[] }[]; shortfall?: { stratum: string; missing: number } }[];
  files: { file: string; sha256: string }[];
}

function sample(args: string[]): Protocol {
  const r = cli(['sample', ...args, ...AS_OF, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT_OK);
  return JSON.parse(r.stdout) as Protocol;
}
const drawn = (p: Protocol) => p.groups.map((g) => [g.district, g.strata.map((s) => [s.name, s.drawn])]);

describe('the population', () => {
  it.each([
    ['2009-11-15', '2010-11-15', 12],
    ['2009-11-15', '2010-11-14', 11],
    ['2009-03-01', '2010-11-15', 20],
    ['2009-01-31', '2009-02-28', 0],
    ['2010-11-15', '2010-11-15', 0],
  ])('%s → %s is %i full months', (from, to, months) => {
    expect(fullMonths(from, to)).toBe(months);
  });

  it('is counted per criterion', () => {
    expect(sample([`${FIXTURE}/csv`, '--seed', 'p', '--size', '1']).population).toBe(20);
    expect(sample([`${FIXTURE}/csv`, '--seed', 'p', '--size', '1', '--min-support-months', '19']).population).toBe(10); // HL since 2009-03, ST since 2009-05
    expect(sample([`${FIXTURE}/csv`, '--seed', 'p', '--size', '1', '--aspirant', 'yes']).population).toBe(8);
    expect(sample([`${FIXTURE}/csv`, '--seed', 'p', '--size', '1', '--district', 'spånga-tensta', '--aspirant', 'no']).population).toBe(6);
    expect(sample([`${FIXTURE}/csv`, '--seed', 'p', '--size', '1', '--support-reason', 'arbetsloshet']).population).toBe(18);
  });

  it('check audits only the population and says so', () => {
    const r = JSON.parse(cli(['check', `${FIXTURE}/csv`, ...AS_OF, '--format', 'json', '--aspirant', 'yes']).stdout) as { population: { criteria: string[]; cases: number } };
    expect(r.population).toEqual({ criteria: ['aspirant = yes'], cases: 8 });
  });
});

describe('sample', () => {
  const design = ['--seed', '2011', '--per-district', '4', '--stratify', 'aspirant=0.5', '--min-support-months', '12'];

  it('draws the 2011 design: per stadsdel, half among aspirants', () => {
    const p = sample([`${FIXTURE}/csv`, ...design]);
    expect(p.drawn).toBe(8);
    for (const g of p.groups) expect(g.strata.map((s) => [s.name, s.wanted, s.drawn.length])).toEqual([['aspirant', 2, 2], ['other', 2, 2]]);
  });

  it('is the same sample whatever the layout or the order of the files', () => {
    const base = drawn(sample([`${FIXTURE}/csv`, ...design]));
    expect(drawn(sample([`${FIXTURE}/json`, ...design]))).toEqual(base);
    expect(drawn(sample([`${FIXTURE}/excel`, ...design]))).toEqual(base);
    expect(drawn(sample([`${FIXTURE}/mapped`, ...MAPPING, ...design]))).toEqual(base);
    const tables = ['placements', 'followups', 'jobcenter', 'cases', 'plans', 'subgoals', 'consents', 'investigations'].map((t) => `${FIXTURE}/csv/${t}.csv`);
    expect(drawn(sample([...tables, ...design]))).toEqual(base);
  });

  it('another seed draws another sample', () => {
    expect(drawn(sample([`${FIXTURE}/csv`, ...design.map((x) => (x === '2011' ? '2012' : x))]))).not.toEqual(drawn(sample([`${FIXTURE}/csv`, ...design])));
  });

  it('a larger sample with the same seed keeps the akter already drawn', () => {
    for (const [small, large] of [['2', '5'], ['3', '8']]) {
      const a = sample([`${FIXTURE}/csv`, '--seed', 's', '--per-district', small!]);
      const b = sample([`${FIXTURE}/csv`, '--seed', 's', '--per-district', large!]);
      a.groups.forEach((g, i) => expect(b.groups[i]!.strata[0]!.drawn.slice(0, g.strata[0]!.drawn.length)).toEqual(g.strata[0]!.drawn));
    }
    const s1 = sample([`${FIXTURE}/csv`, '--seed', 's', '--size', '4', '--stratify', 'aspirant=0.5']);
    const s2 = sample([`${FIXTURE}/csv`, '--seed', 's', '--size', '8', '--stratify', 'aspirant=0.5']);
    for (const i of [0, 1]) expect(s2.groups[0]!.strata[i]!.drawn.slice(0, 2)).toEqual(s1.groups[0]!.strata[i]!.drawn);
  });

  it('takes a stratum that is too small whole, fills from the other, and says so', () => {
    const p = sample([`${FIXTURE}/csv`, '--seed', '1', '--per-district', '8', '--stratify', 'aspirant=0.75']);
    const st = p.groups.find((g) => g.district === 'Spånga-Tensta')!;
    expect(st.strata.map((s) => [s.name, s.population, s.wanted, s.drawn.length])).toEqual([['aspirant', 4, 6, 4], ['other', 6, 2, 4]]);
    expect(st.shortfall).toEqual({ stratum: 'aspirant', missing: 2 });
    const md = cli(['sample', `${FIXTURE}/csv`, ...AS_OF, '--seed', '1', '--per-district', '8', '--stratify', 'aspirant=0.75']).stdout;
    expect(md).toContain('Spånga-Tensta: stratumet aspiranter har för få akter; 2 akter har dragits ur det andra stratumet i stället.');
  });

  it('writes the sample as an export of the same layout, with its urvalsprotokoll, ready for check', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'akt-sample-')), 'urval');
    const r = cli(['sample', `${FIXTURE}/excel`, ...AS_OF, ...design, '--output-dir', out]);
    expect(r.code).toBe(EXIT_OK);
    for (const f of ['export/akter.csv', 'export/arbetsplaner.csv', 'export/uppföljningar.csv', 'urvalsprotokoll.md', 'urvalsprotokoll.json']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const protocol = JSON.parse(readFileSync(path.join(out, 'urvalsprotokoll.json'), 'utf8')) as Protocol;
    expect(protocol.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    const report = JSON.parse(cli(['check', path.join(out, 'export'), ...AS_OF, '--format', 'json']).stdout) as { cases: { caseId: string }[]; dataProblems: { code: string }[] };
    expect(report.cases.map((c) => c.caseId).sort()).toEqual(protocol.groups.flatMap((g) => g.strata.flatMap((s) => s.drawn)).sort());
    expect(report.dataProblems).toEqual([]);
  });

  it('prints a random seed when none is given, so the draw can be repeated', () => {
    const r = cli(['sample', `${FIXTURE}/csv`, ...AS_OF, '--size', '3', '--format', 'json']);
    const seed = /seed (\d+)/.exec(r.stderr)![1]!;
    expect((JSON.parse(r.stdout) as Protocol).seed).toBe(seed);
    expect(drawn(sample([`${FIXTURE}/csv`, '--size', '3', '--seed', seed]))).toEqual(drawn(JSON.parse(r.stdout) as Protocol));
  });

  it('refuses unclear designs', () => {
    for (const args of [['--size', '3', '--per-district', '2'], [], ['--size', '3', '--stratify', 'aspiranter=0.5']]) {
      expect(cli(['sample', `${FIXTURE}/csv`, ...AS_OF, ...args]).code, args.join(' ')).toBe(EXIT_USAGE);
    }
  });
});

describe('sample size for attribute sampling', () => {
  // AICPA Audit Sampling Guide, tables A-1 (95 % confidence) and A-2 (90 %), large populations.
  it.each([
    [0, 0.02, 0.95, 149],
    [0, 0.05, 0.95, 59],
    [0, 0.1, 0.95, 29],
    [0, 0.2, 0.95, 14],
    [0.0025, 0.05, 0.95, 93],
    [0.01, 0.05, 0.95, 93],
    [0.01, 0.1, 0.95, 46],
    [0.015, 0.05, 0.95, 124],
    [0.02, 0.05, 0.95, 181],
    [0.03, 0.1, 0.95, 61],
    [0.05, 0.1, 0.95, 116],
    [0, 0.05, 0.9, 45],
    [0, 0.1, 0.9, 22],
    [0.01, 0.05, 0.9, 77],
    [0.02, 0.05, 0.9, 132],
  ])('expected %f, tolerable %f, confidence %f → %i', (e, t, c, n) => {
    expect(attributeSampleSize(e, t, c)?.n).toBe(n);
  });

  it('is printed by sample --sample-size-for', () => {
    const r = cli(['sample', '--sample-size-for', '0,10,95']);
    expect(r.stdout.split('\n')[0]).toBe('29');
    expect(cli(['sample', '--sample-size-for', '10,5']).code).toBe(EXIT_USAGE);
  });
});
