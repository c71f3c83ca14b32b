import type { Lang } from '../engine/types.js';
import { fill } from '../i18n/catalog.js';
import { criterionText } from '../i18n/report-text.js';
import { quote } from '../privacy/quote.js';
import type { GroupDraw } from './draw.js';

/** The urvalsprotokoll: everything needed to show, later, how the sample was drawn. */
export interface SampleProtocol {
  tool: { name: string; version: string };
  asOf: string;
  seed: string;
  method: string;
  criteria: string[];
  design: { perDistrict?: number; size?: number; aspirantShare?: number };
  population: number;
  groups: GroupDraw[];
  drawn: number;
  files: { file: string; sha256?: string }[];
}

const T = {
  title: { sv: 'Urvalsprotokoll', en: 'Sampling record' },
  intro: {
    sv: 'Urvalet är draget med {tool} {version} per {asOf} med fröet `{seed}`. Metod: varje akt får talet SHA-256(frö, aktnummer); akterna ordnas efter det och de första i varje stratum dras. Samma export, samma kriterier och samma frö ger samma urval, oavsett filernas ordning och format; ett större urval med samma frö behåller de akter som redan dragits.',
    en: 'The sample was drawn with {tool} {version} as of {asOf} with the seed `{seed}`. Method: each case file gets the number SHA-256(seed, caseId); the case files are ordered by it and the first in each stratum are drawn. The same export, criteria and seed give the same sample whatever the order and format of the files; a larger sample with the same seed keeps the case files already drawn.',
  },
  criteria: { sv: 'Urvalskriterier', en: 'Selection criteria' },
  none: { sv: 'inga (samtliga akter i exporten)', en: 'none (every case file in the export)' },
  design: { sv: 'Urvalsstorlek', en: 'Sample size' },
  perDistrict: { sv: '{n} akter per stadsdel', en: '{n} case files per district' },
  size: { sv: '{n} akter ur hela populationen', en: '{n} case files from the whole population' },
  stratify: { sv: '{pct} % av varje urval bland aspiranter på jobbtorg', en: '{pct} % of each sample among job centre aspirants' },
  population: { sv: 'Population: {n} akter.', en: 'Population: {n} case files.' },
  group: { sv: 'Stadsdel', en: 'District' },
  whole: { sv: 'Hela populationen', en: 'Whole population' },
  stratum: { sv: 'Stratum', en: 'Stratum' },
  inPopulation: { sv: 'I populationen', en: 'In the population' },
  wanted: { sv: 'Önskat', en: 'Wanted' },
  drawn: { sv: 'Draget', en: 'Drawn' },
  shortfall: {
    sv: '{district}: stratumet {stratum} har för få akter; {missing} akter har dragits ur det andra stratumet i stället.',
    en: '{district}: the stratum {stratum} has too few case files; {missing} were drawn from the other stratum instead.',
  },
  tooFew: {
    sv: '{district}: populationen har bara {population} akter, färre än de {wanted} som skulle dras; samtliga har dragits.',
    en: '{district}: the population has only {population} case files, fewer than the {wanted} to be drawn; all of them were drawn.',
  },
  drawnIds: { sv: 'Dragna akter (i dragningsordning)', en: 'Case files drawn (in draw order)' },
  files: { sv: 'Exporten', en: 'The export' },
  file: { sv: 'fil', en: 'file' },
  strata: { all: { sv: 'alla', en: 'all' }, aspirant: { sv: 'aspiranter', en: 'aspirants' }, other: { sv: 'övriga', en: 'others' } },
} as const;

const groupName = (g: GroupDraw, lang: Lang) => (g.district === null ? T.whole[lang] : quote(g.district));

/** Groups with fewer akter than the sample size asked for: each a sentence for the protocol and stderr. */
export function tooFewNotices(p: SampleProtocol, lang: Lang): string[] {
  return p.groups.flatMap((g) => {
    const wanted = g.strata.reduce((n, s) => n + s.wanted, 0);
    return g.population < wanted ? [fill(T.tooFew[lang], { district: groupName(g, lang), population: g.population, wanted })] : [];
  });
}

export function protocolMarkdown(p: SampleProtocol, lang: Lang): string {
  const name = (g: GroupDraw) => groupName(g, lang);
  const lines = [
    `# ${T.title[lang]}`,
    '',
    fill(T.intro[lang], { tool: p.tool.name, version: p.tool.version, asOf: p.asOf, seed: p.seed }),
    '',
    `## ${T.criteria[lang]}`,
    '',
    ...(p.criteria.length > 0 ? p.criteria.map((c) => `- ${quote(criterionText(c, lang))}`) : [`- ${T.none[lang]}`]),
    '',
    `## ${T.design[lang]}`,
    '',
    `- ${p.design.perDistrict !== undefined ? fill(T.perDistrict[lang], { n: p.design.perDistrict }) : fill(T.size[lang], { n: p.design.size ?? 0 })}`,
    ...(p.design.aspirantShare !== undefined ? [`- ${fill(T.stratify[lang], { pct: Math.round(p.design.aspirantShare * 100) })}`] : []),
    '',
    fill(T.population[lang], { n: p.population }),
    '',
    `| ${T.group[lang]} | ${T.stratum[lang]} | ${T.inPopulation[lang]} | ${T.wanted[lang]} | ${T.drawn[lang]} |`,
    '| --- | --- | --- | --- | --- |',
    ...p.groups.flatMap((g) => g.strata.map((s) => `| ${name(g)} | ${T.strata[s.name][lang]} | ${s.population} | ${s.wanted} | ${s.drawn.length} |`)),
    '',
    ...tooFewNotices(p, lang).flatMap((n) => [n, '']),
    ...p.groups.flatMap((g) =>
      g.shortfall ? [fill(T.shortfall[lang], { district: name(g), stratum: T.strata[g.shortfall.stratum][lang], missing: g.shortfall.missing }), ''] : [],
    ),
    `## ${T.drawnIds[lang]}`,
    '',
    ...p.groups.flatMap((g) => [`### ${name(g)}`, '', ...g.strata.flatMap((s) => s.drawn.map((id) => `- \`${quote(id)}\` (${T.strata[s.name][lang]})`)), '']),
    `## ${T.files[lang]}`,
    '',
    `| ${T.file[lang]} | SHA-256 |`,
    '| --- | --- |',
    ...p.files.map((f) => `| \`${quote(f.file)}\` | \`${f.sha256 ?? '–'}\` |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function protocolJson(p: SampleProtocol): string {
  const masked = {
    ...p,
    criteria: p.criteria.map((x) => quote(x)),
    groups: p.groups.map((g) => ({
      ...g,
      district: g.district === null ? null : quote(g.district),
      strata: g.strata.map((s) => ({ ...s, drawn: s.drawn.map((x) => quote(x)) })),
    })),
    files: p.files.map((f) => ({ ...f, file: quote(f.file) })),
  };
  return `${JSON.stringify(masked, null, 2)}\n`;
}
