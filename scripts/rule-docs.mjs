// npm run docs:rules: rewrites the generated sections of docs/rules/*.md (options, reason codes)
// and README's rule table from the rules' metadata (build first; the npm script does). The
// hand-written prose around them is kept; test/rule-docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { builtinRules, PRESETS } from '../dist/src/index.js';
import { rulePage, rulesTable, withGenerated } from '../dist/src/report/formatters/rule-reference.js';

const write = (file, next) => {
  if (readFileSync(file, 'utf8') !== next) {
    writeFileSync(file, next);
    console.log(`updated ${file}`);
  }
};
for (const rule of builtinRules) {
  const file = `docs/rules/${rule.id}.md`;
  write(file, rulePage(readFileSync(file, 'utf8'), rule));
}
write('README.md', withGenerated(readFileSync('README.md', 'utf8'), 'rules', rulesTable(builtinRules, PRESETS)));
