// The DuckDB peer is only a fair yardstick if it computes what `check` computes: its figures per
// stadsdel and rule are held against the tool's report (districts[].rules) of the same export.
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const FIGURES = ['applicable', 'passed', 'failed', 'notAssessable', 'notApplicable'];

const label = (district) => (district === null ? '(no stadsdel)' : district);

/**
 * Every way the peer's figures differ from the report's, as one line each naming the rule, the
 * stadsdel and both figures; empty when they agree. Only the rules the peer computes are compared,
 * but for those every stadsdel on either side.
 */
export function disagreements(report, figures) {
  const out = [];
  const ruleIds = new Set(figures.map((f) => f.ruleId));
  const ran = new Set(report.rules.map((r) => r.ruleId));
  for (const id of ruleIds) if (!ran.has(id)) out.push(`${id}: computed by DuckDB but not run by check`);
  const key = (district, ruleId) => JSON.stringify([district ?? null, ruleId]);
  const tool = new Map();
  for (const d of report.districts) for (const r of d.rules) if (ruleIds.has(r.ruleId)) tool.set(key(d.district, r.ruleId), r);
  const peer = new Map(figures.map((f) => [key(f.district, f.ruleId), f]));
  for (const k of new Set([...tool.keys(), ...peer.keys()])) {
    const [district, ruleId] = JSON.parse(k);
    const t = tool.get(k);
    const p = peer.get(k);
    if (!t || !p) {
      if (ran.has(ruleId)) out.push(`${ruleId}, stadsdel ${label(district)}: ${t ? 'no figures from DuckDB' : 'no figures from check'}`);
      continue;
    }
    for (const name of FIGURES) {
      if (t[name] !== p[name]) out.push(`${ruleId}, stadsdel ${label(district)}: ${name} is ${t[name]} in check, ${p[name]} in DuckDB`);
    }
  }
  return out;
}

/** The last line of a file (an NDJSON report's summary), read from the end: the akter before it can be gigabytes. */
export function lastLine(file) {
  const fd = openSync(file, 'r');
  try {
    let tail = Buffer.alloc(0);
    let body = tail;
    for (let at = fstatSync(fd).size; at > 0; ) {
      const length = Math.min(1 << 20, at);
      at -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, at);
      tail = Buffer.concat([chunk, tail]);
      body = tail[tail.length - 1] === 10 ? tail.subarray(0, -1) : tail;
      const newline = body.lastIndexOf(10);
      if (newline >= 0) return body.subarray(newline + 1).toString('utf8');
    }
    return body.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
