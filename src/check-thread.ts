import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtinRules } from '../rules/index.js';
import { RuleContractError, type ActiveRule, type RuleFault } from './engine/run.js';
import { UserError } from './errors.js';
import { handOver, type AkterPart } from './ingest/hand-over.js';
import { firstLine } from './privacy/quote.js';
import type { Scope } from './model/fields.js';
import type { Akter } from './model/types.js';
import type { AggregateState, PartState } from './report/aggregate.js';
import type { BodyOptions } from './report/formatters/json.js';
import type { RuleInfo } from './report/types.js';

const WORKER = new URL('./check-worker.js', import.meta.url);

/**
 * Below this many akter one thread checks them all: the worker's share of the pass saves less than
 * the second thread costs (the hand-over, and every akt made on both threads). Set in session 13 at
 * 150,000, when the pass was slower; measured again in session 18 (paired turns, CSV terminal,
 * two threads forced against one): 20,000 akter 0.87–0.89 s against 0.78–0.79, 50,000 1.37–1.48
 * against 1.33–1.37, 75,000 1.62–1.78 against 1.64–1.73 (even), 100,000 1.85–2.11 against
 * 1.88–2.19, faster in 10 turns of 12 (docs/benchmarks.md). From 90,000, a margin above where it
 * breaks even.
 */
export const SPLIT_FROM = 90_000;

/**
 * CSV and NDJSON files named (or lying directly in a directory named) of fewer bytes than this
 * (NDJSON's counted at NDJSON_SHARE) hold fewer than SPLIT_FROM akter (about 850 bytes of CSV an
 * akt: the generated 100,000 akter take 85 MB, 75,000 take 63 MB): no worker is started.
 */
export const SPLIT_BYTES = 72 * 1024 * 1024;

/**
 * Files that do not count towards SPLIT_BYTES: a .json file is parsed whole on the main thread, and
 * a workbook is read far slower than it is checked.
 */
const ONE_THREAD = /\.(json|xlsx)$/i;

/**
 * An NDJSON file's bytes count at this share: an akt takes some 1,420 bytes of NDJSON against 850
 * of CSV (each record spells out its keys), so the generated 75,000 akter (107 MB) start no worker
 * and 100,000 (142 MB) do, as with CSV. Two threads gained there too in session 18: 100,000 akter
 * 2.33–2.50 s against 2.40–2.64, 75,000 1.93–2.18 against 2.02–2.13. With the rules shared out,
 * NDJSON at 400,000 peaked at 501–534 MB in 21 runs of session 14, as CSV does (515–531 MB).
 */
export const NDJSON_SHARE = 0.6;
const NDJSON = /\.(ndjson|jsonl)$/i;

/**
 * For json and ndjson the worker checks and writes the later akter (audit.ts writeShare) from this
 * many akter, and is started from WRITE_BYTES: in session 19's paired turns 400,000 akter took
 * 9.7–10.8 s against 10.5–13.9 s, but 100,000 akter 3.9–4.6 s against 4.1–5.0 s at load 2 and
 * 6.2–6.5 s against 4.0–5.1 s at load 4–6, with 1.0–1.9 s more CPU (docs/benchmarks.md).
 * Measured again in session 21 (json, two threads forced against one): 100,000 akter 2.09–2.17 s
 * against 2.01–2.07 (user CPU 3.4–3.5 against 2.8), 150,000 2.96–3.08 against 2.82–3.00, 200,000
 * 3.33–3.86 against 3.55–4.15 (0.08–0.29 s faster in 4 turns, 0.8 s more CPU, 80–90 MB more),
 * 400,000 5.9–7.1 against 6.2–7.2: it breaks even between 150,000 and 200,000 akter, and 250,000
 * stays the margin above. The worker's share costs some 0.6 s of CPU more than it takes off the
 * main thread: V8 compiles the pass's code again for it (0.35 s on its compiler threads), it runs
 * cold for its first 10,000 akter, and the hand-over, copy and append add 0.2 s on the main
 * thread; at 100,000 akter the one-thread pass leaves the second core idle for some 0.85 s only.
 */
export const WRITE_FROM = 250_000;
export const WRITE_BYTES = 200 * 1024 * 1024;

/** Whether the export may be large enough to split (`bytes` of CSV or more): its CSV and NDJSON files' sizes, without reading them. */
export async function largeInput(paths: readonly string[], bytes = SPLIT_BYTES): Promise<boolean> {
  let seen = 0;
  const size = async (file: string) => {
    if (ONE_THREAD.test(file)) return 0;
    const n = (await stat(file).catch(() => undefined))?.size ?? 0;
    return NDJSON.test(file) ? n * NDJSON_SHARE : n;
  };
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s?.isFile()) seen += await size(p);
    else if (s?.isDirectory()) {
      for (const e of await readdir(p, { withFileTypes: true }).catch(() => [])) {
        if (e.isFile()) seen += await size(path.join(p, e.name));
      }
    }
    if (seen >= bytes) return true;
  }
  return false;
}

/**
 * The built-in rules the worker runs; the main thread runs the others. Chosen so that both finish
 * together at 100,000 and 400,000 akter (each thread's end timed, session 13): the worker also
 * receives the store and makes every akt, the main thread hands the store over. The rules that
 * read follow-ups stay on the main thread, so their identifiers (a third of the store's text)
 * are never sent; individual-goals is the worker's, so its `prepare` runs on one thread only.
 * requirements-stated moved to the main thread in session 17, once akter had become cheaper to
 * make: the worker ended some 0.25 s after the main thread at 400,000 akter (docs/benchmarks.md).
 */
export const WORKER_RULES: ReadonlySet<string> = new Set([
  'individual-goals',
  'subgoals-present',
  'subgoals-dated',
  'investigation-before-plan',
  'job-plan-received',
  'waiting-time',
  'job-plan-within-5-days',
]);

/** What the check worker is sent: the akter in parts, then what to do with them (see check-worker.ts). */
export type ToWorker = { type: 'part'; part: AkterPart } | ({ type: 'check' } & CheckJob) | ({ type: 'write' } & WriteJob) | { type: 'prepared'; values: readonly (Prepared | undefined)[] };

/**
 * Of a built-in rule's `prepare` result, what the main thread sends the worker rather than have it
 * made again over the whole population: all of it, or the properties that are counted over the
 * akter (the others, such as individual-goals' matcher, a closure, are made from the options alone:
 * the worker makes them from no akter). A rule not named here prepares on the worker too.
 */
export const SENT_PREPARED: ReadonlyMap<string, 'all' | readonly string[]> = new Map<string, 'all' | readonly string[]>([
  ['follow-ups-traceable', 'all'],
  ['individual-goals', ['counts', 'inDistrict', 'keys']],
]);

/** One rule's `prepare` result sent to the worker: `whole`, or the properties named in SENT_PREPARED. */
export interface Prepared {
  whole: boolean;
  value: unknown;
}

/** What of each rule's `prepare` result (`shared`, undefined for a rule without one) the worker is sent (SENT_PREPARED). */
export function sendable(rules: readonly ActiveRule[], shared: readonly unknown[]): (Prepared | undefined)[] {
  return rules.map((a, i) => {
    const sent = a.rule.prepare ? SENT_PREPARED.get(a.rule.id) : undefined;
    const value = shared[i];
    if (sent === undefined) return undefined;
    if (sent === 'all') return { whole: true, value };
    if (typeof value !== 'object' || value === null) return undefined;
    return { whole: false, value: Object.fromEntries(sent.map((k) => [k, (value as Record<string, unknown>)[k]])) };
  });
}

/** The worker's rules and the run's settings for them. */
export interface CheckJob {
  rules: RuleInfo[];
  asOf: string;
  placeholders?: readonly string[];
  listLimit: number;
}

/**
 * For a format that writes every akt (json, ndjson): every rule on the akter from `from` on, each
 * akt written as the format's writer writes it (CaseBodies) into `file`, and their aggregate.
 */
export interface WriteJob extends CheckJob {
  /** The rules' `prepare` results follow (CheckThread.prepared): the worker takes the akter over meanwhile. */
  prepared?: boolean;
  from: number;
  file: string;
  bodies: BodyOptions;
}

/** The worker's aggregate of its rules, and per akt what it failed (AKT_FAILING, AKT_FOUND). */
export interface CheckedPart {
  state: AggregateState;
  flags: Uint8Array;
}

/** `at`: the akt the worker's rule failed on (its number in the population), -1 in a rule's prepare. */
export type CheckMessage = { type: 'done'; part: CheckedPart } | { type: 'written'; part: PartState } | { type: 'failed'; name: string; message: string; at: number; fault?: RuleFault };

/** A rule that broke its contract on the worker, and on which akt (see CheckMessage). */
export class WorkerRuleError extends RuleContractError {
  constructor(
    fault: RuleFault,
    readonly at: number,
  ) {
    super(fault);
  }
}

/**
 * The second core's share of the check pass: the worker runs some of the rules (WORKER_RULES) on
 * every akt and aggregates them while the main thread runs the others (buildReport's `split`), and
 * the two aggregates are joined rule by rule. Only for built-in rules, whose code the worker has
 * itself (a plug-in's rules are objects of the main thread, and cannot be sent).
 */
export class CheckThread {
  private readonly worker: Worker;
  private closed = false;

  private constructor() {
    // A small young generation: its garbage is one akt at a time (peak RSS at 400k 545–549 → 513–532 MB, session 13).
    this.worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    // A worker that is never given a job (too few akter) must not keep the run alive.
    this.worker.unref();
  }

  /** Started when the run starts (its modules load while the export is read), or undefined when the run keeps to one thread. */
  static start(threads: number, rules: readonly ActiveRule[]): CheckThread | undefined {
    if (threads < 2 || !rules.every((a) => builtinRules.includes(a.rule))) return undefined;
    if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
    return new CheckThread();
  }

  /**
   * Sends the akter and has the job's rules run on them all; gives their aggregate. A failed worker
   * ends the run with one line (or, for a rule that broke its contract, with the rule's own
   * message), never leaves it waiting.
   */
  check(akter: Akter, job: CheckJob): Promise<CheckedPart> | undefined {
    return this.run<CheckedPart>(akter, { type: 'check', ...job });
  }

  /** Has the akter from `job.from` on checked and written by the worker (WriteJob); gives their aggregate once the file is whole. */
  write(akter: Akter, job: WriteJob): Promise<PartState> | undefined {
    return this.run<PartState>(akter, { type: 'write', ...job });
  }

  /** The main thread's `prepare` results for a write job sent with `prepared`; where they cannot be cloned, the worker prepares itself. */
  prepared(values: readonly (Prepared | undefined)[]): void {
    try {
      this.worker.postMessage({ type: 'prepared', values } satisfies ToWorker);
    } catch {
      this.worker.postMessage({ type: 'prepared', values: [] } satisfies ToWorker);
    }
  }

  private run<T>(akter: Akter, job: Extract<ToWorker, { rules: unknown }>): Promise<T> | undefined {
    // The worker's rules read the akt and the tables they require (a plan's delmål with its plan).
    const byId = new Map(builtinRules.map((r) => [r.id, r]));
    const scopes = new Set<Scope>(['akt', ...job.rules.flatMap((r) => byId.get(r.ruleId)?.requires ?? [])]);
    if (scopes.has('plans')) scopes.add('subGoals');
    const parts = handOver(akter, scopes);
    if (!parts) return undefined;
    try {
      // Each part is made when it is sent, so no two packed copies of the identifiers are held at once.
      for (const part of parts) this.worker.postMessage({ type: 'part', part } satisfies ToWorker);
      this.worker.postMessage(job satisfies ToWorker);
    } catch {
      // Something that cannot be cloned (options a plug-in-free config never has): the main thread checks every akt.
      return undefined;
    }
    this.worker.ref();
    const done = new Promise<T>((resolve, reject) => {
      const fail = (why: string) => reject(new UserError('check-thread-failed', { why: firstLine(why) }));
      this.worker.on('message', (m: CheckMessage) => {
        if (m.type !== 'failed') {
          resolve(m.part as T);
          // Its heap (its akter's objects, its copy of the identifiers) goes now, not at the end of the run.
          void this.close();
        } else reject(m.fault ? new WorkerRuleError(m.fault, m.at) : new UserError('check-thread-failed', { why: `${m.name}: ${firstLine(m.message)}` }));
      });
      this.worker.on('error', (e) => fail(e.message));
      this.worker.on('messageerror', (e) => fail(e.message));
      this.worker.on('exit', (code) => {
        if (!this.closed) fail(`it stopped with exit code ${code}`);
      });
    });
    // Handled here too: the main thread may fail first (a rule's prepare), and then no one awaits it.
    done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
