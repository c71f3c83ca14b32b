import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { ciText } from '../../i18n/ci-text.js';
import { fill } from '../../i18n/catalog.js';
import type { DataProblem } from '../../model/problems.js';
import { districtName, problemMessage, reasonMessage, ruleTitle, type FormatContext } from '../messages.js';
import type { Report } from '../types.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** A placeholder the results are streamed in for: a whole country has millions of them. */
const RESULTS = '\u0000results\u0000';

/** A file path as a relative URI reference (SARIF §3.10): forward slashes, each segment percent-encoded. */
export function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function location(file: string | undefined, line: number | undefined): Pick<Result, 'locations'> {
  if (file === undefined) return {};
  return { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file) }, ...(line !== undefined ? { region: { startLine: line } } : {}) } }] };
}

function ruleDescriptors(report: Report, ctx: FormatContext): ReportingDescriptor[] {
  return report.rules.map((info) => {
    const rule = ctx.rules.get(info.ruleId);
    const criterion = rule?.criterion[ctx.lang] ?? info.ruleId;
    return {
      id: info.ruleId,
      name: ruleTitle(ctx, info.ruleId),
      shortDescription: { text: ruleTitle(ctx, info.ruleId) },
      fullDescription: { text: criterion },
      help: { text: fill(ciText('ruleHelp', ctx.lang), { criterion, source: rule?.criterion.source ?? '–', id: info.ruleId }) },
      defaultConfiguration: { level: info.severity === 'error' ? 'error' : 'warning' },
      properties: { docs: `docs/rules/${info.ruleId}.md` },
    };
  });
}

function problemDescriptor(code: string, ctx: FormatContext): ReportingDescriptor {
  return { id: code, name: fill(ciText('problemRule', ctx.lang), { code }), help: { text: fill(ciText('problemHelp', ctx.lang), { code }) } };
}

function* caseResults(report: Report, ctx: FormatContext, index: ReadonlyMap<string, number>): Generator<Result> {
  for (const c of report.cases) {
    for (const r of c.results) {
      if (r.status !== 'fail') continue;
      const reasons = r.reasons.map((x) => reasonMessage(ctx, r.ruleId, x)).join(' ');
      yield {
        ruleId: r.ruleId,
        ruleIndex: index.get(r.ruleId)!,
        level: r.severity === 'error' ? 'error' : 'warning',
        message: { text: fill(ciText('aktResult', ctx.lang), { caseId: c.caseId, district: districtName(ctx, c), reasons }) },
        ...location(c.origin?.file, c.origin?.line),
        ...(r.baseline === 'accepted' ? { baselineState: 'unchanged' as const } : {}),
        properties: { caseId: c.caseId, district: c.district, reasons: r.reasons.map((x) => x.code) },
      };
    }
  }
}

function problemResult(p: DataProblem, ctx: FormatContext, index: ReadonlyMap<string, number>): Result {
  return {
    ruleId: p.code,
    ruleIndex: index.get(p.code)!,
    level: p.level === 'error' ? 'error' : 'note',
    message: { text: problemMessage(ctx, p) },
    ...location(p.file, p.line),
    properties: { ...(p.caseId !== undefined ? { caseId: p.caseId } : {}), ...(p.field !== undefined ? { field: p.field } : {}), rejected: p.rejected ?? false },
  };
}

/**
 * SARIF 2.1.0 for code-scanning views (GitHub, GitLab, Azure DevOps): a reporting descriptor per rule
 * and per data-problem code, a result per failing akt and rule and per data problem, located at the
 * export file and line the akt was read from (a public report has no locations).
 */
export function* formatSarif(report: Report, ctx: FormatContext): Generator<string> {
  const codes = [...new Set(report.dataProblems.map((p) => p.code))].sort();
  const rules = [...ruleDescriptors(report, ctx), ...codes.map((c) => problemDescriptor(c, ctx))];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const run: Run = {
    tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, language: ctx.lang, rules } },
    language: ctx.lang,
    columnKind: 'unicodeCodePoints',
    results: RESULTS as unknown as Result[],
    properties: { asOf: report.asOf, privacy: report.privacy.mode, casesChecked: report.input.casesChecked },
  };
  const log: Log = { $schema: SCHEMA, version: '2.1.0', runs: [run] };
  const [head, tail] = JSON.stringify(log, null, 2).split(JSON.stringify(RESULTS)) as [string, string];
  yield head;
  let first = true;
  const all = (function* () {
    yield* caseResults(report, ctx, index);
    for (const p of report.dataProblems) yield problemResult(p, ctx, index);
  })();
  for (const result of all) {
    yield `${first ? '[\n' : ',\n'}        ${JSON.stringify(result, null, 2).replace(/\n/g, '\n        ')}`;
    first = false;
  }
  yield first ? '[]' : '\n      ]';
  yield `${tail}\n`;
}
