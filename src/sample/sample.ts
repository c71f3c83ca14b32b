import { UserError } from '../errors.js';
import { criteriaText } from '../i18n/error-text.js';
import { readExport } from '../ingest/read-export.js';
import type { ReadOptions } from '../ingest/options.js';
import { VERSION } from '../version.js';
import { drawGroup, type GroupDraw } from './draw.js';
import { describeSelection, selectPopulation, type Selection } from './population.js';
import type { SampleProtocol } from './protocol.js';

export interface SampleOptions {
  paths: readonly string[];
  asOf: string;
  seed: string;
  selection: Selection;
  perDistrict?: number;
  size?: number;
  aspirantShare?: number;
  read?: Omit<ReadOptions, 'asOf'>;
}

/** Draws the sample and returns its urvalsprotokoll; the caseIds drawn are in `groups`. */
export async function drawSample(opts: SampleOptions): Promise<SampleProtocol> {
  const loaded = await readExport(opts.paths, { ...opts.read, asOf: opts.asOf });
  if (loaded.akter.length === 0) throw new UserError('no-akter-to-sample', { paths: opts.paths.join(', ') });
  const population = [...selectPopulation(loaded.akter, opts.selection, opts.asOf)];
  if (population.length === 0) throw new UserError('no-akter-selected', { paths: opts.paths.join(', '), criteria: criteriaText(describeSelection(opts.selection)) });
  const groups: GroupDraw[] = [];
  if (opts.perDistrict !== undefined) {
    const byDistrict = new Map<string, typeof population>();
    for (const a of population) {
      const d = a.akt.district ?? '';
      const list = byDistrict.get(d) ?? [];
      list.push(a);
      byDistrict.set(d, list);
    }
    for (const [d, akter] of byDistrict) groups.push(drawGroup(d === '' ? null : d, akter, opts.perDistrict, opts.seed, opts.asOf, opts.aspirantShare));
  } else {
    groups.push(drawGroup(null, population, opts.size ?? 0, opts.seed, opts.asOf, opts.aspirantShare));
  }
  return {
    tool: { name: 'aktgranskning', version: VERSION },
    asOf: opts.asOf,
    seed: opts.seed,
    method: 'sha256-rank-v1',
    criteria: describeSelection(opts.selection),
    design: { perDistrict: opts.perDistrict, size: opts.size, aspirantShare: opts.aspirantShare },
    population: population.length,
    groups,
    drawn: groups.reduce((n, g) => n + g.strata.reduce((m, s) => m + s.drawn.length, 0), 0),
    files: loaded.files.map((f) => ({ file: f.file, sha256: f.sha256 })),
  };
}
