import { describe, expect, it } from 'vitest';
import { batched } from '../src/report/formatters/stream.js';

describe('batched output', () => {
  it('joins small writes into pieces of the given size, keeps order, and writes the rest on flush', () => {
    const got: (string | Uint8Array)[] = [];
    const out = batched({ write: (c) => got.push(c) }, 5);
    out.write('ab');
    out.write('cd');
    expect(got).toEqual([]);
    out.write('e');
    expect(got).toEqual(['abcde']);
    out.write('f');
    const bytes = new Uint8Array([1, 2]);
    out.write(bytes);
    expect(got).toEqual(['abcde', 'f', bytes]);
    out.write('g');
    out.flush();
    out.flush();
    expect(got).toEqual(['abcde', 'f', bytes, 'g']);
  });
});
