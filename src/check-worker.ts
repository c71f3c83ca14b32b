import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { builtinRules } from '../rules/index.js';
import { Checker, RuleContractError, type ActiveRule } from './engine/run.js';
import { takeOver } from './ingest/hand-over.js';
import { Aggregator } from './report/aggregate.js';
import { caseMaker } from './report/build.js';
import { DEFAULT_GRADES } from './report/stats.js';
import type { AkterPart } from './ingest/hand-over.js';
import { ByteOut } from './report/formatters/bytes.js';
import { caseBodies } from './report/formatters/json.js';
import type { CheckJob, WriteJob, CheckMessage, Prepared, ToWorker } from './check-thread.js';
import type { AnyRule } from './engine/types.js';
import type { Akter } from './model/types.js';

/**
 * Runs some of the rules on every akt on a second core and aggregates them (see check-thread.ts):
 * their `prepare` over the whole population, then each akt made into a CaseResult as buildReport
 * makes them. It is started when the run starts, so loading its modules overlaps reading the export.
 */
const port = parentPort!;

const parts: AkterPart[] = [];
/** A write job whose `prepare` results the main thread sends after it (WriteJob.prepared), with its akter taken over meanwhile. */
let waiting: { job: WriteJob; akter: Akter } | undefined;
/** The akt being checked, for a rule that breaks its contract (-1: in a rule's prepare). */
let at = -1;

port.on('message', (m: ToWorker) => {
  if (m.type === 'part') {
    parts.push(m.part);
    return;
  }
  try {
    if (m.type === 'write') {
      const akter = takeOver(parts.splice(0)).views();
      if (m.prepared) waiting = { job: m, akter };
      else write(m, akter, []);
    } else if (m.type === 'prepared') write(waiting!.job, waiting!.akter, m.values);
    else check(m);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    // A rule's fault goes as data: the main thread's CLI names the akt and masks what the rule threw.
    port.postMessage({ type: 'failed', name: error.name, message: error.message, at, ...(e instanceof RuleContractError ? { fault: e.fault } : {}) } satisfies CheckMessage);
  }
});

/** The job's rules, the worker's own objects. */
function active(job: CheckJob): ActiveRule[] {
  const byId = new Map(builtinRules.map((r) => [r.id, r]));
  return job.rules.map((r) => ({ rule: byId.get(r.ruleId)!, severity: r.severity, options: r.options }));
}

function check(job: CheckJob): void {
  // Its rules read a few of the akt's lists: the others are never made.
  const akter = takeOver(parts.splice(0)).views();
  const checker = new Checker(akter, active(job), { asOf: job.asOf, ...(job.placeholders ? { placeholders: job.placeholders } : {}) });
  const make = caseMaker();
  const aggregator = new Aggregator(job.rules, DEFAULT_GRADES, job.listLimit);
  const flags = new Uint8Array(akter.length);
  for (at = 0; at < akter.length; at++) {
    const checked = akter.at(at);
    flags[at] = aggregator.add(make({ checked, findings: checker.findings(checked) }));
  }
  port.postMessage({ type: 'done', part: { state: aggregator.state(), flags } } satisfies CheckMessage, [flags.buffer]);
}

/**
 * The rule with what the main thread's `prepare` computed over the population put in place of its
 * own: the parts made from the options alone (Prepared) it makes itself, from no akter.
 */
function preparedBy(rule: AnyRule, sent: Prepared): AnyRule {
  const prepare = rule.prepare!;
  return { ...rule, prepare: (_akter, ctx, options) => (sent.whole ? sent.value : { ...(prepare([], ctx, options) as object), ...(sent.value as object) }) } as AnyRule;
}

/**
 * json's and ndjson's share of the second core (audit.ts): every rule's `prepare` over the whole
 * population (or what the main thread's gave, `prepared`), then the akter from `job.from` on checked, made, aggregated and written into the
 * file as the format's writer writes them, which the main thread copies after its own akter.
 */
function write(job: WriteJob, akter: Akter, prepared: readonly (Prepared | undefined)[]): void {
  const rules = active(job).map((a, i) => (prepared[i] ? { ...a, rule: preparedBy(a.rule, prepared[i]) } : a));
  const checker = new Checker(akter, rules, { asOf: job.asOf, ...(job.placeholders ? { placeholders: job.placeholders } : {}) });
  const make = caseMaker();
  const aggregator = new Aggregator(job.rules, DEFAULT_GRADES, job.listLimit, { record: true });
  const fd = openSync(job.file, 'w');
  try {
    const out = new ByteOut({
      write: (b) => {
        const bytes = b as Uint8Array;
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      },
    });
    const write = caseBodies(job.bodies, builtinRules, out);
    for (at = job.from; at < akter.length; at++) {
      const checked = akter.at(at);
      const c = make({ checked, findings: checker.findings(checked) });
      aggregator.add(c);
      write(c);
    }
    out.flush();
  } finally {
    closeSync(fd);
  }
  port.postMessage({ type: 'written', part: aggregator.part() } satisfies CheckMessage);
}
