import { fill, formatInt } from '../../i18n/catalog.js';
import { text } from '../../i18n/report-text.js';
import type { FormatContext } from '../messages.js';
import type { Report } from '../types.js';
import { appendices } from './appendices.js';
import { assessment, observations, recommendations } from './findings.js';
import { introduction, summary } from './introduction.js';
import { h, p } from './parts.js';
import type { Doc } from './types.js';

export { shareWithInterval } from './parts.js';

/** The revisionsrapport: Sammanfattning, Inledning, Iakttagelser, Bedömning, Rekommendationer, Bilagor. */
export function reportDocument(ctx: FormatContext, r: Report): Doc {
  const { lang } = ctx;
  return [
    h(1, text('reportTitle', lang)),
    p(fill(text('meta', lang), { asOf: r.asOf, cases: formatInt(r.total.cases, lang), tool: r.tool.name, version: r.tool.version })),
    ...summary(ctx, r),
    ...introduction(ctx, r),
    ...observations(ctx, r),
    ...assessment(ctx, r),
    ...recommendations(ctx, r),
    ...appendices(ctx, r),
  ];
}
