/**
 * Repairs inside what the corrector otherwise never touches: the letter
 * groups of document symbols ("327/QD-UBND" → "327/QĐ-UBND", "NQ/TVV" →
 * "NQ/TW") and Roman numerals of headings ("I11." → "III."). Digits are never
 * changed. A group is repaired only when it is not a code the citation
 * grammar knows and the learned channel turns exactly one known code into it
 * cheaply enough; otherwise it stays as read.
 */
import { BoundedMemo } from '../../memo.js';
import type { OcrChannel } from './channel.js';
import { ISSUER_CODES, TYPE_CODES } from './symbol-codes.js';
import { Trie } from './trie.js';

/** Highest channel cost (nats) of a symbol repair. */
const MAX_REPAIR_COST = 6;
/** The runner-up must cost this much more (nats) for the repair to be sure. */
const MARGIN = 1;

export interface SymbolRepairResult {
  text: string;
  /** 0..1, from the margin over the runner-up. */
  confidence: number;
}

export class SymbolRepair {
  private readonly canonical = new Map<string, string>(); // lower-case → canonical form
  private readonly trie = new Trie();
  private readonly cache = new BoundedMemo<SymbolRepairResult | null>(50_000);

  constructor(private readonly channel: OcrChannel) {
    for (const code of [...TYPE_CODES, ...ISSUER_CODES]) {
      const low = code.toLowerCase();
      this.canonical.set(low, code);
      this.trie.add(low);
    }
  }

  /**
   * `left` + `right` when the OCR split a symbol's last code group with a space
   * ("NQ-C" "P" → "NQ-CP"): the group before the space is no known code, the
   * joined group is one; or when it set a whole code group apart after its
   * separator ("57-NQ/" "TW", "52/QĐ-" "UBND"): the group is a known code in
   * its official case. Otherwise null.
   */
  join(left: string, right: string): string | null {
    // Only after a symbol begun ("57-NQ/", "52/QĐ-", "65/2023/"), not a list number ("2- UBND tỉnh ...").
    if (/^\d+[-/‐‑–](?:\p{L}[\p{L}&]*|\d{4})[-/‐‑–]$/u.test(left)) {
      const code = this.canonical.get(right.toLowerCase());
      return code !== undefined && code === right ? left + right : null;
    }
    const g = /[-/‐‑–](\p{Lu}{1,3})$/u.exec(left);
    if (!g || !/^\p{Lu}{1,4}$/u.test(right)) return null;
    if (this.canonical.has(g[1].toLowerCase())) return null;
    return this.canonical.has((g[1] + right).toLowerCase()) ? left + right : null;
  }

  /** The symbol with its unknown letter groups repaired, or null when nothing changes. */
  repair(core: string): SymbolRepairResult | null {
    return this.cache.get(core, (c) => this.compute(c));
  }

  private compute(core: string): SymbolRepairResult | null {
    let out = '';
    let last = 0;
    let confidence = 1;
    let changed = false;
    for (const m of core.matchAll(/\p{L}+/gu)) {
      const g = m[0];
      const low = g.toLowerCase();
      if (this.canonical.has(low) || g.length < 2 || g.length > 12) continue;
      // Only groups written as codes are (all capitals but a final lower-case letter, as in "TTg").
      if (!/^\p{Lu}+\p{Ll}?$/u.test(g)) continue;
      // "W" read as two "V"s ("NQ/TVV"): Vietnamese prose has no w, so the learned channel never saw it,
      // but the codes of the grammar have many (TW, BKTTW, VPTW).
      const w = low.includes('vv') ? this.canonical.get(low.replaceAll('vv', 'w')) : undefined;
      if (w !== undefined) {
        out += core.slice(last, m.index) + w;
        last = m.index! + g.length;
        changed = true;
        confidence = Math.min(confidence, 0.9);
        continue;
      }
      const best = new Map<string, number>();
      this.channel.generate(
        low,
        this.trie,
        (w, c) => {
          const s = this.trie.words[w];
          const prev = best.get(s);
          if (prev === undefined || c < prev) best.set(s, c);
        },
        2,
        MAX_REPAIR_COST + MARGIN,
      );
      const ranked = [...best].sort((a, b) => a[1] - b[1]);
      if (ranked.length === 0 || ranked[0][1] > MAX_REPAIR_COST) continue;
      const gap = ranked.length > 1 ? ranked[1][1] - ranked[0][1] : Infinity;
      if (gap < MARGIN) continue;
      const code = this.canonical.get(ranked[0][0])!;
      out += core.slice(last, m.index) + code;
      last = m.index! + g.length;
      changed = true;
      confidence = Math.min(confidence, gap === Infinity ? 0.95 : 1 / (1 + Math.exp(-gap)));
    }
    if (!changed) return null;
    return { text: out + core.slice(last), confidence };
  }
}

const ROMAN = /^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$/;

/**
 * A heading numeral misread with digits or a lower-case l ("I11" → "III",
 * "Il" → "II"): only when the core mixes a real I, V or X with 1, l or |, and
 * the repaired form is a Roman numeral.
 */
export function repairRoman(core: string): string | null {
  if (!/^[IVX1l|]+$/.test(core) || !/[IVX]/.test(core) || !/[1l|]/.test(core)) return null;
  const r = core.replace(/[1l|]/g, 'I');
  return ROMAN.test(r) ? r : null;
}

/** Letters a scan gives for digits: O and o for 0; l, I and | for 1. */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1', '|': '1' };
const LOOKALIKE = /[OolI|]/g;

/**
 * A number misread with letters for digits ("2O23", "2Ol9"): the number, or
 * null. The token must have nothing but digits and look-alikes, and more
 * digits than look-alikes ("O2", the gas, and "I1" stay as written).
 */
export function repairDigitWord(core: string): string | null {
  if (core.length < 3 || !/^[\dOolI|]+$/.test(core)) return null;
  const look = core.match(LOOKALIKE)?.length ?? 0;
  if (look === 0 || core.length - look <= look) return null;
  return core.replace(LOOKALIKE, (c) => DIGIT_LOOKALIKES[c]);
}

/**
 * A date misread with letters for digits ("27/9/2Ol9", "2l/9/2019"): the
 * date, or null. Only a day/month/year that is a real date after the repair.
 */
export function repairDigitDate(core: string): string | null {
  const m = /^([\dOolI|]{1,2})([/.-])([\dOolI|]{1,2})\2([\dOolI|]{4})$/.exec(core);
  if (!m || !/[OolI|]/.test(core)) return null;
  const fix = (g: string) => g.replace(LOOKALIKE, (c) => DIGIT_LOOKALIKES[c]);
  const [d, mo, y] = [fix(m[1]), fix(m[3]), fix(m[4])];
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1945 && year <= 2100)) return null;
  return `${d}${m[2]}${mo}${m[2]}${y}`;
}
