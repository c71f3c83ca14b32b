import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_USAGE } from '../src/errors.js';
import { CsvPrefetch } from '../src/load/csv-parallel.js';
import { UserError } from '../src/errors.js';

const BIN = path.resolve('bin/aktgranskning.js');
const FIXTURE = path.resolve('fixtures/stockholm-2011');
const AS_OF = ['--as-of', '2010-11-15'];
const root = mkdtempSync(path.join(tmpdir(), 'akt-rel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(root, String(n++));
  mkdirSync(dir);
  return dir;
};

/** The built binary with a time limit: a hang shows as a failed test, not a stuck run. */
function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, exit 2, no stack trace. */
function oneLineError(r: ReturnType<typeof run>, mentions: RegExp): void {
  expect(r.signal, 'ended by the time limit').toBeNull();
  expect(r.code, r.stderr).toBe(EXIT_USAGE);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(mentions);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('output files and directories', () => {
  it('an output directory that cannot be made is one line and exit 2, at once', () => {
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--format', 'markdown,json', '--output-dir', '/proc/x/y']), /\/proc\/x\/y: katalogen kan inte skapas \(ENOENT\); välj en annan --output-dir\n$/);
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--output', '/proc/x/r.md', '--lang', 'en']), /cannot create the directory \(ENOENT\); choose another --output\n$/);
  });

  it('--output creates missing parent directories, as --output-dir does', () => {
    const dir = fresh();
    const r = run(['check', `${FIXTURE}/csv`, ...AS_OF, '--format', 'json', '-o', 'missing/dir/r.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'missing/dir/r.json'), 'utf8')).asOf).toBe('2010-11-15');
  });

  it('never writes over an input file, also through a linked directory', () => {
    const dir = fresh();
    cpSync(`${FIXTURE}/csv`, path.join(dir, 'akter'), { recursive: true });
    symlinkSync(path.join(dir, 'akter'), path.join(dir, 'alias'));
    const before = readFileSync(path.join(dir, 'akter/cases.csv'), 'utf8');
    oneLineError(run(['check', 'akter', ...AS_OF, '-o', 'alias/cases.csv', '--lang', 'en'], { cwd: dir }), /alias\/cases\.csv: is an input file/);
    oneLineError(run(['check', 'alias', ...AS_OF, '-o', 'akter/cases.csv'], { cwd: dir }), /är en indatafil i exporten/);
    expect(readFileSync(path.join(dir, 'akter/cases.csv'), 'utf8')).toBe(before);
    expect(readdirSync(path.join(dir, 'akter')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed write to stdout is one line, exit 2', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check "${FIXTURE}/csv" --as-of 2010-11-15 --format json > /dev/full`], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(EXIT_USAGE);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write to standard output \(ENOSPC\)/);
  });

  // A formatter module that signals its own process as its report is written, then writes forever:
  // the run ends only by the signal, at a known point, however fast or slow the machine. It lists
  // the temporary files there at that moment (its own; json's and csv's, written in the pass).
  const SIGNALLER = `import { readdirSync } from 'node:fs';
export default function* () {
  process.stderr.write(JSON.stringify(readdirSync(process.env.OUT).filter((f) => f.endsWith('.tmp'))) + '\\n');
  process.kill(process.pid, process.env.SIGNAL);
  for (;;) yield 'x'.repeat(1 << 16);
}
`;

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s while writing leaves no temporary file and exits %i', async (signal, code) => {
    const dir = fresh();
    const out = path.join(dir, 'out');
    const module = path.join(dir, 'signaller.mjs');
    writeFileSync(module, SIGNALLER);
    const child = spawn(process.execPath, [BIN, 'check', `${FIXTURE}/csv`, ...AS_OF, '--format', `${module},json,csv`, '--output-dir', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OUT: out, SIGNAL: signal },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(status, stderr).toBe(code);
    expect(JSON.parse(stderr.split('\n')[0]!)).toEqual(['.aktgranskning.csv', '.aktgranskning.json', '.aktgranskning.txt'].map((f) => `${f}.${child.pid}.tmp`));
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('temporary directories', () => {
  it('Ctrl-C while an export is read from stdin leaves no copy of it', async () => {
    const dir = fresh();
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [BIN, 'check', '-', ...AS_OF, '--format', 'json'], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, TMPDIR: tmp } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Half the export, and stdin kept open: the run waits with its copy half written.
    const json = readFileSync(path.join(FIXTURE, 'json', 'akter.json'));
    child.stdin.write(json.subarray(0, json.length >> 1));
    const copy = () => readdirSync(tmp).filter((f) => f.startsWith('aktgranskning-stdin-') && readdirSync(path.join(tmp, f)).length > 0);
    for (let i = 0; i < 400 && copy().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(copy()).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s removes every directory made by makeTempDir (the json worker\'s bytes, too)', (signal, code) => {
    const dir = fresh();
    const script = `import { writeFileSync } from 'node:fs';
import { exitCleanlyOnSignals } from '${path.resolve('dist/src/cli/output.js')}';
import { makeTempDir, removeTempDir } from '${path.resolve('dist/src/temp-dirs.js')}';
exitCleanlyOnSignals();
const kept = makeTempDir('aktgranskning-');
writeFileSync(kept + '/akter', 'x'.repeat(1 << 20));
removeTempDir(makeTempDir('aktgranskning-'));
makeTempDir('aktgranskning-');
process.kill(process.pid, '${signal}');
setInterval(() => {}, 1000);
`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, TMPDIR: dir } });
    expect(r.status, r.stderr).toBe(code);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('nothing to do is not success', () => {
  it('no rule left to run is a usage error', () => {
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--rule', 'current-plan', '--skip-rule', 'current-plan', '--lang', 'en']), /no rules left to run/);
  });

  it('a sample of 0 is a usage error; one larger than the population is said on stderr and in the urvalsprotokoll', () => {
    oneLineError(run(['sample', `${FIXTURE}/csv`, '--seed', '1', '--size', '0', '--lang', 'en']), /--size.*1 or more/);
    oneLineError(run(['sample', `${FIXTURE}/csv`, '--seed', '1', '--per-district', '0']), /--per-district.*1 eller större/);
    const r = run(['sample', `${FIXTURE}/csv`, ...AS_OF, '--seed', '1', '--size', '5000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('populationen har bara 20 akter, färre än de 5000 som skulle dras; samtliga har dragits');
    expect(r.stdout).toContain('populationen har bara 20 akter, färre än de 5000 som skulle dras');
    const en = run(['sample', `${FIXTURE}/csv`, ...AS_OF, '--seed', '1', '--per-district', '11', '--lang', 'en', '--format', 'json']);
    expect(en.stderr).toContain('Hägersten-Liljeholmen: the population has only 10 case files, fewer than the 11 to be drawn; all of them were drawn.');
  });
});

describe('two layouts of one export side by side', () => {
  it('rejects every row of the second layout, naming the file it duplicates', () => {
    const dir = fresh();
    cpSync(`${FIXTURE}/csv`, path.join(dir, 'csv'), { recursive: true });
    cpSync(`${FIXTURE}/json`, path.join(dir, 'json'), { recursive: true });
    const r = run(['validate', dir, ...AS_OF, '--format', 'json']);
    const v = JSON.parse(r.stdout) as { input: { files: { file: string; rowsRead: number; rowsRejected: number }[] }; problems: { file: string; code: string; value?: string }[] };
    const csv = v.input.files.filter((f) => f.file.includes('/csv/'));
    expect(csv.length).toBeGreaterThan(3);
    for (const f of csv) expect(f.rowsRejected, f.file).toBe(f.rowsRead);
    const rows = csv.reduce((s, f) => s + f.rowsRead, 0);
    const dup = v.problems.filter((p) => p.file.includes('/csv/') && p.code === 'duplicate-case-id');
    expect(dup).toHaveLength(rows);
    for (const p of dup) expect(p.value).toMatch(/json\/akter\.json\[\d+\]$/);
  });

  it('a case row repeated within one layout keeps the akt and its other rows', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'cases.csv'), 'caseId,district\nA-1,Bromma\nA-1,Bromma\n');
    writeFileSync(path.join(dir, 'plans.csv'), 'caseId,planId,validFrom,validTo,goal\nA-1,P1,2010-01-01,2010-12-31,Söka arbete\n');
    const v = JSON.parse(run(['validate', dir, ...AS_OF, '--format', 'json']).stdout) as { input: { files: { rowsRejected: number }[] } };
    expect(v.input.files.map((f) => f.rowsRejected)).toEqual([1, 0]);
  });
});

describe('special files and names', () => {
  it('a FIFO, or a link to a device, inside an export is named as ignored, not read', () => {
    const dir = fresh();
    cpSync(`${FIXTURE}/csv/cases.csv`, path.join(dir, 'cases.csv'));
    expect(spawnSync('mkfifo', [path.join(dir, 'plans.csv')]).status).toBe(0);
    symlinkSync('/dev/zero', path.join(dir, 'followups.csv'));
    const r = run(['validate', dir, ...AS_OF, '--format', 'json']);
    expect(r.signal).toBeNull();
    const v = JSON.parse(r.stdout) as { problems: { file: string; code: string }[] };
    const ignored = v.problems.filter((p) => p.code === 'ignored-file').map((p) => path.basename(p.file));
    expect(ignored.sort()).toEqual(['followups.csv', 'plans.csv']);
  });

  it('a FIFO or a device given as the export is one line, exit 2, no hang', () => {
    const dir = fresh();
    expect(spawnSync('mkfifo', [path.join(dir, 'cases.csv')]).status).toBe(0);
    oneLineError(run(['check', path.join(dir, 'cases.csv'), ...AS_OF, '--lang', 'en']), /cases\.csv: not a regular file/);
    oneLineError(run(['validate', '/dev/zero', ...AS_OF]), /\/dev\/zero: ingen vanlig fil/);
  });

  it('a directory whose name is not UTF-8 does not abort the export', () => {
    const dir = fresh();
    cpSync(`${FIXTURE}/csv`, path.join(dir, 'akter'), { recursive: true });
    const bad = Buffer.concat([Buffer.from(path.join(dir, 'akter') + '/'), Buffer.from([0x66, 0xe5, 0x6c])]);
    mkdirSync(bad);
    const r = run(['check', path.join(dir, 'akter'), ...AS_OF, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { input: { casesChecked: number }; dataProblems: { code: string; file: string }[] };
    expect(report.input.casesChecked).toBe(20);
    expect(report.dataProblems.filter((p) => p.code === 'ignored-file')).toHaveLength(1);
  });
});

describe('input that used to crash', () => {
  it('JSON nested thousands of levels deep is a data problem, not a stack overflow', () => {
    const dir = fresh();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    writeFileSync(path.join(dir, 'a.json'), `[{"caseId":"D-1","district":"Bromma","plans":[{"planId":"P","goal":${deep}}]},{"caseId":"D-2","district":"Bromma"}]`);
    writeFileSync(path.join(dir, 'b.ndjson'), `{"caseId":"D-3","district":"Bromma","x":${deep}}\n{"caseId":"D-4","district":"Bromma"}\n`);
    const r = run(['validate', dir, ...AS_OF, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const v = JSON.parse(r.stdout) as { input: { casesRead: number }; problems: { code: string; value: string; index?: number; line?: number }[] };
    expect(v.input.casesRead).toBe(2);
    expect(v.problems.filter((p) => p.code === 'invalid-json').map((p) => [p.index ?? p.line, p.value])).toEqual([
      [0, 'nested more than 64 levels deep'],
      [1, 'nested more than 64 levels deep'],
    ]);
  });

  it('a Moment-style date pattern in a mapping is one line naming the file and the date-fns pattern', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ dateFormats: ['dd.MM.yyyy', 'YYYY-MM-DD'] }));
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--mapping', path.join(dir, 'mapping.json'), '--lang', 'en']), /mapping\.json: dateFormats\.1: "YYYY-MM-DD" uses Moment-style tokens.*"yyyy-MM-dd"/);
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--mapping', path.join(dir, 'mapping.json')]), /mapping\.json: dateFormats\.1: "YYYY-MM-DD" använder Moment-tecken.*"yyyy-MM-dd"/);
    writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ dateFormats: ['yyyy-mm-dd'] }));
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--mapping', path.join(dir, 'mapping.json'), '--lang', 'en']), /"yyyy-mm-dd" does not give year, month and day/);
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--mapping', path.join(dir, 'mapping.json')]), /"yyyy-mm-dd" ger inte år, månad och dag/);
  });

  it('a plug-in rule that throws is named: plug-in, rule and akt', () => {
    const dir = fresh();
    const L = { sv: 'x', en: 'x' };
    writeFileSync(
      path.join(dir, 'boom.mjs'),
      `export default { id: 'boom', title: ${JSON.stringify(L)}, criterion: ${JSON.stringify({ ...L, source: 'x' })}, defaultSeverity: 'error', reasons: { x: ${JSON.stringify(L)} }, observation: ${JSON.stringify(L)}, recommendation: ${JSON.stringify(L)}, check(akt) { if (akt.caseId === 'HL-0003') throw new TypeError('oops\\nsecond line'); return { status: 'pass' }; } };`,
    );
    writeFileSync(path.join(dir, 'aktgranskning.config.json'), JSON.stringify({ plugins: ['./boom.mjs'] }));
    oneLineError(run(['check', `${FIXTURE}/csv`, ...AS_OF, '--config', path.join(dir, 'aktgranskning.config.json'), '--rule', 'boom', '--lang', 'en']), /plug-in \.\/boom\.mjs: rule boom threw on akt HL-0003: TypeError: oops second line/);
  });

  it('a header whose cells hold line breaks and escape codes is quoted on one line', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'cases.csv'), '"dist\nrict","\u001b[31mred"\nBromma,x\n');
    const r = run(['check', dir, ...AS_OF, '--lang', 'en']);
    oneLineError(r, /no caseId column; found dist rict, +red/);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('an error no one foresaw is masked like any message, its stack too under AKTGRANSKNING_DEBUG', () => {
    const dir = fresh();
    // A formatter module that quotes a personnummer over two lines, as a library's error might quote a value.
    writeFileSync(path.join(dir, 'f.mjs'), "export default () => { throw new Error('cannot format 850101-\\n2389 here\\nnext line'); };\n");
    const args = ['check', `${FIXTURE}/csv`, ...AS_OF, '--format', path.join(dir, 'f.mjs'), '--lang', 'en'];
    oneLineError(run(args), /^aktgranskning: internal error: cannot format ÅÅMMDD-XXXX here next line \(set AKTGRANSKNING_DEBUG=1 for details\)\n$/);
    const debug = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1', AKTGRANSKNING_DEBUG: '1' } });
    expect(debug.status).toBe(EXIT_USAGE);
    expect(debug.stderr).toMatch(/^Error: cannot format ÅÅMMDD-XXXX here next line\n(\s+at .*\n)+aktgranskning: internal error: /);
    expect(debug.stderr).not.toMatch(/850101|2389/);
  });

  it('commander usage errors are one line', () => {
    oneLineError(run(['check', '--no-such-flag', '--lang', 'en']), /unknown option '--no-such-flag' \(run aktgranskning --help for usage\)/);
    oneLineError(run(['check', '--no-such-flag']), /^fel: okänd flagga '--no-such-flag' \(kör aktgranskning --help för hjälp\)$/m);
    oneLineError(run(['chekc']), /okänt kommando 'chekc'/);
  });

  it('the export generator answers --help', () => {
    const r = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--help'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: node scripts\/generate-export\.mjs/);
    const bad = spawnSync(process.execPath, ['scripts/generate-export.mjs', '--nope'], { encoding: 'utf8', timeout: 20_000 });
    expect(bad.status).toBe(EXIT_USAGE);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the CSV reading thread', () => {
  it.each([
    ['throws', 'throw new Error("broken worker");'],
    ['stops', 'process.exit(3);'],
  ])('that %s ends the read with one clear line, not a hang', async (_what, body) => {
    const dir = fresh();
    const worker = path.join(dir, 'worker.mjs');
    writeFileSync(worker, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { ${body} });\n`);
    chmodSync(worker, 0o644);
    const prefetch = new CsvPrefetch([{ path: 'x/plans.csv', overrides: {} }], new URL(`file://${worker}`));
    try {
      const read = (async () => {
        for await (const _ of prefetch.events(0)) void _;
      })();
      const e = await read.then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toMatch(/^x\/plans\.csv: the thread reading CSV failed \(.+\); run again with --threads 1$/);
    } finally {
      await prefetch.close();
    }
  });
});
