import { Chalk } from 'chalk';
import { fill, formatInt } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import type { DataProblem } from '../../model/problems.js';
import { location, problemMessage, type FormatContext } from '../messages.js';
import type { ValidationReport } from '../validation.js';
import { problemJson } from './json.js';
import { table } from './markdown-table.js';

type Ctx = Pick<FormatContext, 'lang' | 'color'>;

function where(p: DataProblem): string {
  const at = location(p);
  return at === '' ? p.file : p.file + (p.line !== undefined ? `:${at}` : at);
}

function totals(r: ValidationReport, ctx: Ctx): string[] {
  const n = (x: number) => formatInt(x, ctx.lang);
  return [
    fill(ui('validationTotals', ctx.lang), {
      files: n(r.input.files.length),
      rowsRead: n(r.input.rowsRead),
      rowsRejected: n(r.input.rowsRejected),
      cases: n(r.input.casesRead),
    }),
    fill(ui('validationCounts', ctx.lang), { errors: n(r.errors), notices: n(r.notices) }),
  ];
}

/** One line per absent field: "Fältet clientView (plans) finns inte i exporten: … kan inte bedömas." */
function absentLines(r: ValidationReport, ctx: Ctx): string[] {
  return r.absentFields.map(({ field, rules }) => {
    const [table, name] = [field.slice(0, field.indexOf('.')), field.slice(field.indexOf('.') + 1)];
    return fill(ui('absentField', ctx.lang), { field: name, table, rules: rules.join(', ') });
  });
}

/** Problems grouped by code, the most frequent first, each with where it was found. */
export function formatValidationTerminal(r: ValidationReport, ctx: Ctx): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out = [c.bold(`${ui('validationTitle', ctx.lang)} – ${r.asOf}`), ...totals(r, ctx), r.valid ? c.green(ui('valid', ctx.lang)) : c.red(ui('invalid', ctx.lang))];
  for (const count of r.counts) {
    const colour = count.level === 'error' ? c.red : c.yellow;
    out.push('', colour(`${count.code} (${formatInt(count.count, ctx.lang)})`));
    for (const p of r.problems.filter((x) => x.code === count.code)) {
      const detail = [p.field, p.caseId].filter((x) => x !== undefined).join(' · ');
      out.push(`  ${where(p)}${detail ? `  ${c.dim(detail)}` : ''}  ${problemMessage(ctx, p)}`);
    }
  }
  if (r.omitted > 0) out.push('', fill(ui('problemsOmitted', ctx.lang), { count: formatInt(r.omitted, ctx.lang) }));
  if (r.absentFields.length > 0) out.push('', c.yellow(ui('absentFieldsHeading', ctx.lang)), ...absentLines(r, ctx).map((l) => `  ${l}`));
  return `${out.join('\n')}\n`;
}

export function formatValidationMarkdown(r: ValidationReport, ctx: Ctx): string {
  const { lang } = ctx;
  const out = [`# ${ui('validationTitle', lang)} – ${r.asOf}`, '', ...totals(r, ctx), '', `**${ui(r.valid ? 'valid' : 'invalid', lang)}**`];
  if (r.counts.length > 0) {
    const level = (l: DataProblem['level']) => ui(l === 'error' ? 'levelError' : 'levelNotice', lang);
    out.push('', table([ui('code', lang), ui('level', lang), ui('count', lang)], r.counts.map((x) => [`\`${x.code}\``, level(x.level), String(x.count)])));
    out.push(
      '',
      table(
        [ui('file', lang), ui('line', lang), ui('caseId', lang), ui('field', lang), ui('code', lang), ui('problem', lang)],
        r.problems.map((p) => [p.file, location(p), p.caseId ?? '', p.field ?? '', `\`${p.code}\``, problemMessage(ctx, p)]),
      ),
    );
  }
  if (r.omitted > 0) out.push('', fill(ui('problemsOmitted', lang), { count: formatInt(r.omitted, lang) }));
  if (r.absentFields.length > 0) out.push('', `**${ui('absentFieldsHeading', lang)}**`, '', ...absentLines(r, ctx).map((l) => `- ${l}`));
  return `${out.join('\n')}\n`;
}

export function formatValidationJson(r: ValidationReport, ctx: Ctx): string {
  return `${JSON.stringify({ ...r, lang: ctx.lang, problems: r.problems.map((p) => problemJson({ lang: ctx.lang, messages: true }, p)) }, null, 2)}\n`;
}

export const VALIDATION_FORMATTERS: Readonly<Record<string, (r: ValidationReport, ctx: Ctx) => string>> = {
  terminal: formatValidationTerminal,
  markdown: formatValidationMarkdown,
  json: formatValidationJson,
};
