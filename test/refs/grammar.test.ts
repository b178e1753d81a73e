/** The number-and-symbol grammar: families, canonical ids, what normalization would fix, what is not a symbol. */
import { describe, expect, it } from 'vitest';
import { numberStartBefore, parseSymbol } from '../../src/refs/grammar.js';
import { nextAnchor } from '../../src/refs/scan.js';

function parse(s: string, single = false) {
  const k = s.search(/\d/);
  return parseSymbol(s, k, single);
}

describe('families and fields', () => {
  it.each([
    ['52-NQ/TW', 'party', '52-NQ/TW', 'NQ', 'TW', null],
    ['3720-CV/BKTTW', 'party', '3720-CV/BKTTW', 'CV', 'BKTTW', null],
    ['111/NQ-CP', 'state', '111/NQ-CP', 'NQ', 'CP', null],
    ['4119/STC-QLN', 'state', '4119/STC-QLN', null, 'STC', null],
    ['51/QĐ-VKSTC-V12', 'state', '51/QĐ-VKSTC-V12', 'QĐ', 'VKSTC', null],
    ['65/2023/NĐ-CP', 'normative', '65/2023/NĐ-CP', 'NĐ', 'CP', 2023],
    ['193/2025/QH15', 'normative', '193/2025/QH15', null, 'QH15', 2025],
    ['85/2016/TTLT-BTC-BCA', 'normative', '85/2016/TTLT-BTC-BCA', 'TTLT', 'BTC-BCA', 2016],
    ['12/2020/HS-ST', 'court', '12/2020/HS-ST', null, null, 2020],
    ['37/2023/QĐST-HNGĐ', 'court', '37/2023/QĐST-HNGĐ', 'QĐ', null, 2023],
    ['01/2016/AL', 'court', '01/2016/AL', 'AL', null, 2016],
  ] as const)('%s', (s, family, id, typeCode, issuerCode, year) => {
    const p = parse(s)!;
    expect(p.family).toBe(family);
    expect(p.id).toBe(id);
    expect(p.typeCode).toBe(typeCode);
    expect(p.issuerCode).toBe(issuerCode);
    expect(p.year).toBe(year);
  });
});

describe('what normalization would fix', () => {
  it.each([
    ['57\u2013NQ/TW', '57-NQ/TW'],
    ['57\u2011NQ/TW', '57-NQ/TW'],
    ['57/NQ \u2013 CP', '57/NQ-CP'],
    ['954/ 2020/UBTVQH14', '954/2020/UBTVQH14'],
    ['94- KH/BTGDVTW', '94-KH/BTGDVTW'],
    ['37/2023/QĐST - HNGĐ', '37/2023/QĐST-HNGĐ'],
    ['12\u00a0/QĐ-UBND', '12/QĐ-UBND'],
    ['336-\n\nKH/TU', '336-KH/TU'],
    ['65/2023/ND-CP', '65/2023/NĐ-CP'],
    ['12/QD-UBND', '12/QĐ-UBND'],
    ['23/2022/NQ-HDND', '23/2022/NQ-HĐND'],
    ['05/CT-TTG', '05/CT-TTg'],
    ['65-Ctr/TU', '65-CTr/TU'],
    ['12/2020/nđ-cp', '12/2020/NĐ-CP'],
    ['2537-NQ/ÐU', '2537-NQ/ĐU'],
    ['13/2003/QH 11', '13/2003/QH11'],
    ['139/1999-QĐ-KHCN', '139/1999/QĐ-KHCN'],
    ['30a/2008/NQ-CP', '30a/2008/NQ-CP'],
  ])('%j → %s', (s, id) => {
    expect(parse(s)!.id).toBe(id);
  });

  it('splits a footnote marker glued to the symbol, not a code\'s own digits', () => {
    const p = parse('57-NQ/TW3; (3)')!;
    expect(p.id).toBe('57-NQ/TW');
    expect(p.footnote).toBe('3');
    expect(p.end).toBe('57-NQ/TW'.length);
    expect(parse('193/2025/QH15 ngày')!.id).toBe('193/2025/QH15');
    // The issue date follows: the digits belong to the code.
    expect(parse('362/1999/QĐ-NHNN1 ngày 08/10/1999')!.id).toBe('362/1999/QĐ-NHNN1');
  });

  it('continues a symbol after a page break and its footnotes', () => {
    const text = 'Kế hoạch hành động số 359-\n\n' + ' '.repeat(43) + '\n1 Thực hiện Quyết định số 53/QĐ-UBND ngày 20/01/2025. \n2\nghi chú. \n KH/TU ngày 29/4/2025';
    const k = text.indexOf('359');
    const p = parseSymbol(text, k)!;
    expect(p.id).toBe('359-KH/TU');
    expect(p.pageBreak).toBe(true);
    expect(text.slice(p.end - 5, p.end)).toBe('KH/TU');
  });

  it('does not jump a page break without a footnote separator', () => {
    const text = 'số 359-\n\n1 Thực hiện.\n KH/TU ngày';
    expect(parseSymbol(text, text.indexOf('359'))).toBeNull();
  });

  it('reads the older forms with a type name or "số" before', () => {
    expect(parse('25-HĐBT ngày', true)!.id).toBe('25-HĐBT');
    expect(parse('25-HĐBT ngày', true)!.family).toBe('state');
    expect(parse('25-HĐBT ngày')).toBeNull();
    expect(parse('103/SL', true)!.id).toBe('103/SL');
    expect(parse('999-TC/QĐ/CĐKT')!.family).toBe('state');
  });
});

describe('not symbols', () => {
  it.each([
    'giai đoạn 2021-2025',
    '20/34 tỉnh',
    '2136 DVCTT/2253 TTHC',
    'CSDLQG/HTTT',
    '30–50%',
    'KH&CN',
    'V/v',
    'b/c',
    'T/M',
    'ngày 27/9/2019',
    '0255-3822-123',
    '35/63.',
    'nhóm 2 – Cân ô tô',
    '4G/5G',
    '100 m3/ngày',
    '12-KH',
    'số/2016/NĐ-CP',
  ])('%s', (s) => {
    let pos = 0;
    for (;;) {
      const a = nextAnchor(s, pos);
      if (a < 0) break;
      const k = numberStartBefore(s, a);
      if (k >= 0) expect(parseSymbol(s, k, false)).toBeNull();
      pos = a + 1;
    }
  });
});

describe('numberStartBefore', () => {
  it('finds the number before a normative year', () => {
    const s = 'số 65/2023/NĐ-CP';
    expect(numberStartBefore(s, s.lastIndexOf('/'))).toBe(s.indexOf('65'));
    const t = 'số 954/ 2020/UBTVQH14';
    expect(numberStartBefore(t, t.lastIndexOf('/'))).toBe(t.indexOf('954'));
  });
  it('refuses a number after a slash that is not a year', () => {
    const s = 'số 08.x/011/TT-BTC';
    expect(numberStartBefore(s, s.lastIndexOf('/'))).toBe(-1);
  });
});
