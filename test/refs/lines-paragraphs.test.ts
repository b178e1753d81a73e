/**
 * `linesAreParagraphs` (lists.ts) reads lines through a character table now
 * (its comparison chain was deoptimized over and over in bulk runs): the
 * answer is the same as the plain reading's on any text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace } from '../../src/refs/chars.js';
import { linesAreParagraphs } from '../../src/refs/lists.js';

/** The reading as first written: a line ends with . ; : ! ? ) " ” (first 200 non-empty lines). */
function reference(text: string): boolean {
  let lines = 0;
  let ended = 0;
  let last = -1;
  let nonSpace = false;
  const n = text.length;
  for (let i = 0; i <= n && lines < 200; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (nonSpace) {
        lines++;
        const e = text.charCodeAt(last);
        if (e === 46 || e === 59 || e === 58 || e === 33 || e === 63 || e === 41 || e === 34 || e === 0x201d) ended++;
      }
      nonSpace = false;
      continue;
    }
    if (!isSpace(c)) {
      nonSpace = true;
      last = i;
    }
  }
  return lines >= 3 && ended * 2 >= lines;
}

describe('linesAreParagraphs', () => {
  it('answers as the plain reading on random lines', () => {
    const piece = fc.constantFrom('x', 'Nghị quyết', ' ', '\t', '\u00a0', '\n', '\r\n', '\r', '\u2028', '.', ';', ':', '!', '?', ')', '"', '”', ',', '-', '\u000b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), (parts) => {
        const t = parts.join('');
        expect(linesAreParagraphs(t)).toBe(reference(t));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => {
        expect(linesAreParagraphs(t)).toBe(reference(t));
      }),
    );
  });

  it('answers as the plain reading on the seeds and past 200 lines', () => {
    for (const f of readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt'))) {
      const t = readFileSync(`fixtures/seeds/${f}`, 'utf8');
      expect(linesAreParagraphs(t)).toBe(reference(t));
    }
    const ended = 'Một câu.\n'.repeat(150);
    const open = 'một dòng\n'.repeat(150);
    for (const t of [ended + open, open + ended, ended + open + ended]) expect(linesAreParagraphs(t)).toBe(reference(t));
    expect(linesAreParagraphs(ended + open)).toBe(true);
    expect(linesAreParagraphs(open + ended)).toBe(false);
  });
});
