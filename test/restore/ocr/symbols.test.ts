import { describe, expect, it } from 'vitest';
import { CHANNEL_DATA } from '../../../src/restore/ocr/channel-data.js';
import { OcrChannel } from '../../../src/restore/ocr/channel.js';
import { SymbolRepair, repairRoman } from '../../../src/restore/ocr/symbols.js';
import { ISSUER_CODES, TYPE_CODES } from '../../../src/restore/ocr/symbol-codes.js';

const repair = new SymbolRepair(new OcrChannel('eng', CHANNEL_DATA.eng));

describe('symbol repair', () => {
  it('restores Đ in codes the grammar knows, digits untouched', () => {
    expect(repair.repair('327/QD-UBND')?.text).toBe('327/QĐ-UBND');
    expect(repair.repair('02-KH/BCDTW')?.text).toBe('02-KH/BCĐTW');
    expect(repair.repair('65/2023/ND-CP')?.text).toBe('65/2023/NĐ-CP');
  });

  it('leaves known codes, lower-case groups and footnote digits alone', () => {
    for (const s of ['52-NQ/TW', '36-HD/VPTW', '1562/QĐ-TTg', '57-NQ/TW3', '954/2020/UBTVQH14', '27/9/2019', 'và/hoặc']) expect(repair.repair(s)).toBeNull();
  });

  it('joins a code group the OCR split with a space only into a known code', () => {
    expect(repair.join('01/NQ-C', 'P')).toBe('01/NQ-CP');
    expect(repair.join('52-NQ/TW', 'VÀ')).toBeNull();
    expect(repair.join('01/NQ-C', 'XYZ')).toBeNull();
  });

  it('every code list entry is a code group the repair accepts as it is', () => {
    for (const c of [...TYPE_CODES, ...ISSUER_CODES]) expect(repair.repair(`1/${c}`)).toBeNull();
  });
});

describe('Roman numerals of headings', () => {
  it('reads 1, l and | as I when the result is a numeral', () => {
    expect(repairRoman('I11')).toBe('III');
    expect(repairRoman('Il')).toBe('II');
    expect(repairRoman('V1')).toBe('VI');
    expect(repairRoman('X1V')).toBe('XIV');
  });
  it('leaves numbers, words and numerals that need nothing', () => {
    for (const s of ['11', 'III', 'Ilo', 'IIII1', 'l', 'Vl1l1']) expect(repairRoman(s)).toBeNull();
  });
});
