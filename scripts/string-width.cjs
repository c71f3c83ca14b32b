/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as cli-table3 requires it */
// string-width for cli-table3 in the command's bundle (scripts/bundle.mjs). cli-table3 measures
// every cell several times, and string-width runs an expression of every emoji over each text:
// most of the 50–100 ms the terminal format spent drawing its tables at the end of a run. A text
// of printable ASCII, Latin letters and the common dashes and quotes is as wide as it is long in
// string-width too (none of them is a control, combining, wide or emoji character); any other
// text is measured by string-width itself. test/string-width.test.ts holds the two equal.
const stringWidth = require('string-width');

const PLAIN = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

module.exports = (text) => (typeof text === 'string' && PLAIN.test(text) ? text.length : stringWidth(text));
