/**
 * What a TCVN3 round trip gives back, as the README states it: toned capitals
 * (which .VnTimeH stores as lower-case codes) come back upper case only
 * where their word is written in capitals, judged from the letters TCVN3
 * stores with their case, the nearest decided words on the line, the line,
 * and sentence starts. Written from the statement of the rule, on the
 * original text, apart from the decoder.
 */
import { TCVN3_CASE_AMBIGUOUS, TCVN3_DECODE } from '../../../src/text/encodings/tcvn3.js';
import { WORDS_AROUND } from '../../../src/text/repair/tcvn3-case.js';

const LOWER_ONLY = new Set<string>();
for (let b = 0; b < 256; b++) if (TCVN3_CASE_AMBIGUOUS[b]) LOWER_ONLY.add(String.fromCharCode(TCVN3_DECODE[b]));

/** True for a letter TCVN3 stores without its case. */
export function caseLost(ch: string): boolean {
  return LOWER_ONLY.has(ch.toLowerCase());
}

export function tcvn3Expected(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let prevText = '';
  for (const line of lines) {
    const words = [...line.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => {
      const w = m[0];
      let amb = 0, up = 0, low = 0;
      for (const ch of w) {
        if (caseLost(ch)) amb++;
        else if (ch !== ch.toLowerCase()) up++;
        else if (ch !== ch.toUpperCase()) low++;
      }
      return { start: m.index!, w, amb, up, low };
    });
    const lineUp = words.reduce((a, w) => a + w.up, 0);
    const lineLow = words.reduce((a, w) => a + w.low, 0);
    let result = line;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w.amb === 0) continue;
      let upper: boolean;
      if (w.low > 0) upper = false;
      else if (w.up >= 2) upper = true;
      else {
        const side = (dir: number) => {
          for (let j = k + dir; j >= 0 && j < words.length && Math.abs(j - k) <= WORDS_AROUND; j += dir) {
            if (words[j].low > 0) return 'lower';
            if (words[j].up >= 2) return 'caps';
          }
          return 'none';
        };
        const l = side(-1), r = side(1);
        upper = l === 'none' && r === 'none' ? lineUp >= 2 && lineLow === 0 : l !== 'lower' && r !== 'lower';
      }
      let word = [...w.w].map((ch) => (caseLost(ch) ? (upper ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join('');
      if (!upper && caseLost(word[0]) && sentenceStart(prevText + line.slice(0, w.start), line.slice(0, w.start))) {
        word = word[0].toUpperCase() + word.slice(1);
      }
      result = result.slice(0, w.start) + word + result.slice(w.start + w.w.length);
    }
    out.push(result);
    prevText += line + '\n';
  }
  return out.join('\n');
}

function sentenceStart(before: string, lineBefore: string): boolean {
  const onLine = lineBefore.replace(/[\s"'“‘(\[]+$/u, '');
  if (onLine === '') {
    const prev = before.slice(0, before.length - lineBefore.length).replace(/[\s"'“‘(\[]+$/u, '');
    return prev === '' || /[.!?…:]$/u.test(prev);
  }
  if (/[.!?…]$/u.test(onLine)) return true;
  if (/^\s*[-+•*–—]$/u.test(onLine)) return true;
  return /^\s*\(?[\p{L}\p{N}]{1,4}\)$/u.test(onLine);
}
