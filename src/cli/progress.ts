import cliProgress from 'cli-progress';
import type { Lang } from '../engine/types.js';
import { formatInt } from '../i18n/catalog.js';
import { newProgress, type ProgressCounter } from '../progress.js';

const WORDS = {
  read: { sv: 'läser', en: 'reading' },
  check: { sv: 'granskar', en: 'checking' },
  report: { sv: 'skriver rapport', en: 'writing report' },
  line: {
    sv: '{phase} · {files} filer · {rows} rader · {akter} akter granskade · {rate} rader/s',
    en: '{phase} · {files} files · {rows} rows · {akter} case files checked · {rate} rows/s',
  },
} as const;

export interface ProgressView {
  counter: ProgressCounter;
  stop(): void;
}

/**
 * A progress line on stderr for runs longer than a second, and only for a person at a terminal:
 * never on stdout, never in a pipe or a log, never with --quiet.
 */
export function startProgress(lang: Lang, quiet: boolean | undefined): ProgressView {
  const counter = newProgress();
  if (quiet || !process.stderr.isTTY) return { counter, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  const payload = () => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    return {
      phase: WORDS[counter.phase][lang],
      files: formatInt(counter.files, lang),
      rows: formatInt(counter.rows, lang),
      akter: formatInt(counter.akter, lang),
      rate: formatInt(Math.round(counter.rows / seconds), lang),
    };
  };
  const timer = setInterval(() => {
    if (!bar && Date.now() - started >= 1000) {
      bar = new cliProgress.SingleBar({ format: WORDS.line[lang], stream: process.stderr, hideCursor: true, clearOnComplete: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
      bar.start(0, 0, payload());
    }
    bar?.update(0, payload());
  }, 200);
  timer.unref();
  return {
    counter,
    stop: () => {
      clearInterval(timer);
      bar?.stop();
    },
  };
}
