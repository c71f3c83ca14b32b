import { describe, expect, it } from 'vitest';
import { neutralise } from '../src/report/formatters/csv.js';
import { grade, wilson } from '../src/report/stats.js';

describe('Wilson 95 % interval', () => {
  // Reference values: Newcombe (1998), Statistics in Medicine 17:857–872, table I (method 3), and
  // the same formula as computed by R's prop.test(x, n, correct = FALSE).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.8830, 1],
    [8, 10, 0.4902, 0.9433],
    [2, 10, 0.0567, 0.5098],
  ])('%i of %i → %f–%f', (x, n, low, high) => {
    const i = wilson(x, n)!;
    expect(i.low).toBeCloseTo(low, 4);
    expect(i.high).toBeCloseTo(high, 4);
  });

  it('has no interval for nothing judged', () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('grades on the four-step scale', () => {
  it.each([
    [1, 'fulfilled'],
    [0.9, 'fulfilled'],
    [0.8999, 'largely-fulfilled'],
    [0.75, 'largely-fulfilled'],
    [0.7499, 'partly-fulfilled'],
    [0.4, 'partly-fulfilled'],
    [0.3999, 'not-fulfilled'],
    [0, 'not-fulfilled'],
  ] as const)('%f → %s', (share, expected) => {
    expect(grade(share)).toBe(expected);
  });

  it('nine of ten is 90 % exactly, whatever the floating point', () => {
    expect(grade(9 / 10)).toBe('fulfilled');
    expect(grade(3 / 4)).toBe('largely-fulfilled');
    expect(grade(2 / 5)).toBe('partly-fulfilled');
  });

  it('follows configured thresholds', () => {
    const t = { fulfilled: 100, largely: 80, partly: 50 };
    expect(grade(0.95, t)).toBe('largely-fulfilled');
    expect(grade(0.5, t)).toBe('partly-fulfilled');
    expect(grade(0.49, t)).toBe('not-fulfilled');
  });
});

describe('CSV cells cannot run as formulas', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+46 8 508 00', "'+46 8 508 00"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['HL-0001', 'HL-0001'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(neutralise(raw)).toBe(expected);
  });
});
