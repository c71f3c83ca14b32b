// Preloaded into a benchmarked process (node --import): reports its peak RSS when it ends.
// VmHWM from /proc (Linux): getrusage's ru_maxrss survives exec, so a child of a large bench
// process would report the parent's peak.
import { readFileSync, writeSync } from 'node:fs';

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  writeSync(2, `\nBENCH_RSS_KB ${peakKb()}\n`);
});
