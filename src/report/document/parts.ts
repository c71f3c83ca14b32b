import { fill, formatPercent } from '../../i18n/catalog.js';
import { ui } from '../../i18n/ui.js';
import { districtName, type FormatContext } from '../messages.js';
import type { DistrictSummary, Report, RuleSummary } from '../types.js';
import type { Block, Inline } from './types.js';

/** Small pieces the chapters of the report share. */
export const h = (level: 1 | 2 | 3, t: string): Block => ({ kind: 'heading', level, text: t });
export const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

/** "20 % (6–51 %)", with * where the share rests on few akter. */
export function shareWithInterval(ctx: FormatContext, s: RuleSummary): string {
  if (s.share === null || s.interval === null) return '–';
  const pct = (x: number) => formatPercent(x, ctx.lang).replace(/\s?%$/, '');
  const unit = ctx.lang === 'sv' ? ' %' : '%';
  return `${formatPercent(s.share, ctx.lang)} (${pct(s.interval.low)}–${pct(s.interval.high)}${unit})${s.fewCases ? '*' : ''}`;
}

export function ofCases(ctx: FormatContext, s: RuleSummary): string {
  return s.applicable === 0 ? '–' : fill(ui('ofCases', ctx.lang), { passed: s.passed, applicable: s.applicable });
}

/** The districts, and the whole export after them when there is more than one. */
export function groups(r: Report): DistrictSummary[] {
  return r.districts.length > 1 ? [...r.districts, r.total] : r.districts;
}

export function groupName(ctx: FormatContext, r: Report, d: DistrictSummary): string {
  return d === r.total ? ui('total', ctx.lang) : districtName(ctx, d);
}
