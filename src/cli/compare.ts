import { readFile, stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { audit, resolveSettings, type Settings } from '../audit.js';
import { compareReports, type Comparison } from '../compare/compare.js';
import { comparisonJson, comparisonMarkdown, comparisonTerminal } from '../compare/format.js';
import { RuleContractError } from '../engine/run.js';
import type { Lang } from '../engine/types.js';
import { UserError } from '../errors.js';
import { KEY_ENV, loadPseudonymKey, pseudonym } from '../privacy/pseudonym.js';
import { hasRealId, realId } from '../privacy/real-id.js';
import { ReadableReportSchema } from '../report/schema.js';
import type { Report } from '../report/types.js';
import { chooseLang } from './help.js';
import { ruleError } from './rule-error.js';
import { writeOutput } from './output.js';
import { addColorOptions, readFlags, ruleMap, useColor } from './shared.js';

interface CompareFlags {
  beforeAsOf?: string;
  afterAsOf?: string;
  format: 'terminal' | 'markdown' | 'json';
  output?: string;
  lang?: Lang;
  config?: string;
  public?: boolean;
  pseudonymKeyFile?: string;
  color?: boolean;
}

const MAX_REPORT_BYTES = 500_000_000;

const FORMATS = { terminal: comparisonTerminal, markdown: comparisonMarkdown, json: comparisonJson };

/** A JSON report from `check --format json`, or an export to audit at the date given for it. */
async function load(arg: string, asOf: string | undefined, flag: string, settings: Settings): Promise<Report> {
  const info = await stat(arg).catch(() => {
    throw new UserError('compare-no-path', { path: arg, flag });
  });
  if (info.isFile() && arg.toLowerCase().endsWith('.json')) {
    // V8 holds at most about 512 MB in one string: a report that large is read back as its export instead.
    if (info.size > MAX_REPORT_BYTES) {
      throw new UserError('compare-report-too-large', { path: arg, mb: Math.round(info.size / 1e6) });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(arg, 'utf8'));
    } catch {
      raw = undefined;
    }
    const r = ReadableReportSchema.safeParse(raw);
    if (r.success) return r.data as unknown as Report;
    if ((raw as { tool?: { name?: unknown } } | undefined)?.tool?.name === 'aktgranskning') {
      throw new UserError('compare-old-report', { path: arg, where: r.error.issues[0]?.path.join('.') ?? '' });
    }
  }
  if (asOf === undefined) throw new UserError('compare-needs-date', { path: arg, flag });
  readFlags({ asOf });
  const { report } = await audit({ paths: [arg], asOf, rules: settings.rules, read: { mapping: settings.mapping }, grades: settings.grades, placeholders: settings.placeholders });
  return report;
}

export function compareCommand(): Command {
  const cmd = new Command('compare');
  addColorOptions(cmd);
  return cmd
    .description('compare two audits (JSON reports, or exports with their audit dates): what has changed since last time')
    .argument('<before>', 'the earlier audit: a JSON report of check, or an export')
    .argument('<after>', 'the later audit: a JSON report of check, or an export')
    .option('--before-as-of <date>', 'audit date of <before> when it is an export')
    .option('--after-as-of <date>', 'audit date of <after> when it is an export')
    .addOption(new Option('--format <name>', 'output format').choices(Object.keys(FORMATS)).default('terminal'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addOption(new Option('--lang <lang>', 'language').choices(['sv', 'en']))
    .option('--config <file>', 'config file: rules, plug-ins and mapping for exports')
    .option('--public', 'name akter only by keyed pseudonym')
    .option('--pseudonym-key-file <file>', `secret for the pseudonyms (default: $${KEY_ENV}, else a key for this run only)`)
    .action(async (before: string, after: string, flags: CompareFlags) => {
      const settings = await resolveSettings({ config: flags.config });
      // Before the audits: a rule's bug in them names its akt by pseudonym too.
      const key = flags.public ? await loadPseudonymKey(flags.pseudonymKeyFile) : undefined;
      const audited = (arg: string, asOf: string | undefined, flag: string) =>
        load(arg, asOf, flag, settings).catch((e: unknown) => {
          throw e instanceof RuleContractError ? ruleError(e, key) : e;
        });
      const [b, a] = [await audited(before, flags.beforeAsOf, '--before-as-of'), await audited(after, flags.afterAsOf, '--after-as-of')];
      let comparison: Comparison = compareReports(b, a);
      if (key) {
        // Reports made with --public already hold pseudonyms; working papers are pseudonymised here, from the real caseId.
        const published = (r: Report) => r.privacy.mode === 'public';
        comparison = { ...comparison, akter: comparison.akter.map((x) => ({ ...x, caseId: published(a) && published(b) && !hasRealId(x) ? x.caseId : pseudonym(key.key, realId(x)) })) };
      }
      const text = FORMATS[flags.format](comparison, {
        lang: chooseLang(flags.lang, settings.lang),
        rules: ruleMap(settings.catalogue),
        color: flags.format === 'terminal' && flags.output === undefined && useColor(flags.color),
      });
      await writeOutput(flags.output, text);
    });
}
