import { closeSync, openSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { builtinRules } from '../rules/index.js';
import { Checker, type ActiveRule } from './engine/run.js';
import { takeOver } from './ingest/hand-over.js';
import { Aggregator } from './report/aggregate.js';
import { caseMaker } from './report/build.js';
import { DEFAULT_GRADES } from './report/stats.js';
import type { AkterPart } from './ingest/hand-over.js';
import { ByteOut } from './report/formatters/bytes.js';
import { CaseBytes } from './report/formatters/json.js';
import type { FormatContext } from './report/messages.js';
import type { CheckJob, CheckMessage, ToWorker } from './check-thread.js';

/**
 * Runs some of the rules on every akt on a second core and aggregates them (see check-thread.ts):
 * their `prepare` over the whole population, then each akt made into a CaseResult as buildReport
 * makes them. It is started when the run starts, so loading its modules overlaps reading the export.
 */
const port = parentPort!;

const parts: AkterPart[] = [];
/** The akt being checked, for a rule that breaks its contract (-1: in a rule's prepare). */
let at = -1;

port.on('message', (m: ToWorker) => {
  if (m.type === 'part') {
    parts.push(m.part);
    return;
  }
  try {
    if (m.type === 'write') write(m);
    else check(m);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ type: 'failed', name: error.name, message: error.message, at } satisfies CheckMessage);
  }
});

function check(job: CheckJob): void {
  // Its rules read a few of the akt's lists: the others are never made.
  const akter = takeOver(parts.splice(0)).views();
  const byId = new Map(builtinRules.map((r) => [r.id, r]));
  const active: ActiveRule[] = job.rules.map((r) => ({ rule: byId.get(r.ruleId)!, severity: r.severity, options: r.options }));
  const checker = new Checker(akter, active, { asOf: job.asOf, ...(job.placeholders ? { placeholders: job.placeholders } : {}) });
  const make = caseMaker();
  const aggregator = new Aggregator(job.rules, DEFAULT_GRADES, job.listLimit);
  const flags = new Uint8Array(akter.length);
  for (at = 0; at < akter.length; at++) {
    const checked = akter.at(at);
    flags[at] = aggregator.add(make({ checked, findings: checker.findings(checked) }));
  }
  port.postMessage({ type: 'done', part: { state: aggregator.state(), flags } } satisfies CheckMessage, [flags.buffer]);
}

// PROTOTYPE: checks, masks, aggregates and writes the json bytes of akter [from, n) to a sink.
function write(job: CheckJob & { from: number; omit?: string[] }): void {
  const t0 = performance.now();
  const akter = takeOver(parts.splice(0)).views();
  const byId = new Map(builtinRules.map((r) => [r.id, r]));
  const active: ActiveRule[] = job.rules.map((r) => ({ rule: byId.get(r.ruleId)!, severity: r.severity, options: r.options }));
  const checker = new Checker(akter, active, { asOf: job.asOf, ...(job.placeholders ? { placeholders: job.placeholders } : {}) });
  const t1 = performance.now();
  const make = caseMaker();
  const aggregator = new Aggregator(job.rules, DEFAULT_GRADES, job.listLimit);
  let bytes = 0;
  const fd = openSync(process.env.JSPLIT_FILE!, 'w');
  const out = new ByteOut({ write: (c) => { bytes += c.length; writeSync(fd, c as Uint8Array); return true; } });
  const cases = new CaseBytes({ messages: false, evidence: false } as FormatContext, new Set(job.omit), out);
  for (at = job.from; at < akter.length; at++) {
    const checked = akter.at(at);
    const c = make({ checked, findings: checker.findings(checked) });
    aggregator.add(c);
    out.byte(0x2c);
    cases.write(c);
  }
  out.flush();
  closeSync(fd);
  const t2 = performance.now();
  if (process.env.JSPLIT_LOG) process.stderr.write(`worker: takeOver+prepare ${(t1 - t0).toFixed(0)} ms, pass ${(t2 - t1).toFixed(0)} ms, ${bytes} bytes\n`);
  port.postMessage({ type: 'done', part: { state: aggregator.state(), flags: new Uint8Array(0) } } satisfies CheckMessage);
}
