// Preloaded into a benchmarked process (node --import): reports its peak RSS when it ends.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nBENCH_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
