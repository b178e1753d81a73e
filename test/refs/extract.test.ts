/**
 * extractReferences on real text: the cases issue 3 lists (all of which
 * occur in fixtures/seeds), read from the seed files themselves, and the
 * same grammar on short texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReferences, findReferences } from '../../src/refs/extract.js';
import { ReferenceSchema, type Reference } from '../../src/schema.js';

const seed = (name: string) => readFileSync(`fixtures/seeds/${name}`, 'utf8');
const S000 = seed('000_2dae4cc2179c821d.txt');
const S001 = seed('001_ad13f960ec8507f6.txt');
const S002 = seed('002_652940eb11e67dde.txt');
const S004 = seed('004_879014f10c9673c0.part1.txt');

/** The references found in `text` whose span contains `needle` (first occurrence at or after `from`). */
function refAt(text: string, needle: string, from = 0): Reference {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in text: ${needle}`);
  // The innermost span holding it (a span broken by a page holds the footnotes' references).
  const hits = extractReferences(text).filter((x) => x.start <= at && at < x.end);
  if (hits.length === 0) throw new Error(`no reference at: ${needle}`);
  return hits.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
}

describe('spans', () => {
  it('every span is the text it claims, in order', () => {
    for (const text of [S000, S001, S002, S004]) {
      const refs = extractReferences(text);
      let prev = -1;
      for (const r of refs) {
        expect(text.slice(r.start, r.end)).toBe(r.text);
        expect(r.start).toBeGreaterThanOrEqual(prev);
        prev = r.start;
        expect(ReferenceSchema.safeParse(r).success).toBe(true);
      }
    }
  });

  it('starts at the type name with its modifiers, at "số" for a bare list item, at the number otherwise', () => {
    expect(refAt(S000, '32-CTr/TU').text).toBe('Chương trình hành động số 32-\nCTr/TU'.replace('\n', S000.slice(S000.indexOf('32-') + 3, S000.indexOf('CTr/TU'))));
    expect(refAt(S001, '71/NQ-CP', S001.indexOf('và \n\nsố 71')).text).toBe('số 71/NQ-CP');
    expect(refAt(S000, '1282/QĐ-UBND').text).toBe('1282/QĐ-UBND');
    expect(refAt(S000, '862/QĐ-UBND').text).toBe('Quyết định số: 862/QĐ-UBND');
  });

  it('crosses line breaks inside type names and symbols ("Kế hoạch số 336-\\nKH/TU", "Nghị \\nquyết")', () => {
    const r = refAt(S000, '336-');
    expect(r.id).toBe('336-KH/TU');
    expect(r.text.replace(/\s+/g, ' ')).toBe('Kế hoạch số 336- KH/TU');
    const n = refAt(S001, 'quyết số 68-NQ/TW');
    expect(n.id).toBe('68-NQ/TW');
    expect(n.text.startsWith('Nghị')).toBe(true);
  });

  it('crosses a page break and its footnotes, and finds the footnotes\' own references', () => {
    const r = refAt(S001, 'hành động số 359-');
    expect(r.id).toBe('359-KH/TU');
    expect(r.date).toBe('2025-04-29');
    const inner = refAt(S001, '53/QĐ-UBND');
    expect(inner.start).toBeGreaterThan(r.start);
    expect(inner.end).toBeLessThan(r.end);
  });

  it('leaves glued footnote digits out ("57-NQ/TW3", "17Kế hoạch")', () => {
    const r = refAt(S001, '57-NQ/TW3');
    expect(r.text.endsWith('NQ/TW')).toBe(true);
    const k = refAt(S001, 'Kế hoạch số 21/', S001.indexOf('17Kế hoạch'));
    expect(S001.slice(k.start - 2, k.start)).toBe('17');
    expect(k.text).toBe('Kế hoạch số 21/KH-UBND');
  });
});

describe('lists', () => {
  it('reads each item of a list under one type with its own date', () => {
    const a = refAt(S000, '862/QĐ-UBND');
    const b = refAt(S000, '1282/QĐ-UBND');
    expect([a.date, b.date]).toEqual(['2022-07-04', '2025-10-20']);
    expect(b.docType).toBe('Quyết định');
  });

  it('gives a closing "của X" to each reference of its run', () => {
    const at = S001.indexOf('Nghị quyết số 03/NQ-CP ngày');
    const a = refAt(S001, '03/NQ-CP', at);
    expect(a.issuer).toBe('Chính phủ');
    expect(a.date).toBe('2025-01-09');
    const k = refAt(S000, '539-KH/TU');
    expect(k.issuer).toBe('Ban Thường vụ Tỉnh ủy');
  });

  it('gives "X ban hành A; B" to each listed reference', () => {
    expect(refAt(S000, '08-NQ/TU').issuer).toBe('Ban Thường vụ Tỉnh ủy');
    expect(refAt(S000, '32-').issuer).toBe('Ban Thường vụ Tỉnh ủy');
    // Its own "của" wins.
    expect(refAt(S000, '36-NQ/TW').issuer).toBe('Bộ Chính trị');
  });

  it('does not give an issuer across documents with other issuer codes', () => {
    const refs = extractReferences('Tại khoản 2 Điều 160 Luật Đất đai số 31/2024/QH15, Nghị định số 151/2025/NĐ-CP ngày 12/06/2025 của Chính phủ');
    expect(refs.map((r) => r.issuer)).toEqual([null, 'Chính phủ']);
  });
});

describe('dates', () => {
  it('a date belongs to the reference it follows, not the next one', () => {
    const refs = extractReferences('Kế hoạch số 539-KH/TU ngày 29/4/2025, Kế hoạch số 336-KH/TU và Quyết định số 12/QĐ-UBND ngày 01/02/2020');
    expect(refs.map((r) => r.date)).toEqual(['2025-04-29', null, '2020-02-01']);
  });

  it('keeps a typo as written, reads a misspelt cue as meant', () => {
    // The seed cites 57-NQ/TW once with the wrong year.
    const r = refAt(S001, '57-NQ/TW ngày 22/12/2025');
    expect(r.date).toBe('2025-12-22');
    expect(refAt(S001, '327/QĐ-UBND này').date).toBe('2025-05-26');
    expect(refAt(S002, '18/2024/NQ-HĐND').date).toBe('2024-07-13');
  });
});

describe('issuers', () => {
  it('reads "của X" across a line break, in the new tone style', () => {
    expect(refAt(S000, '36-NQ/TW').issuer).toBe('Bộ Chính trị');
    expect(refAt(S000, '29-NQ/TW').issuer).toBe('Ban Chấp hành Trung ương Đảng khóa Xiii');
    expect(refAt(S001, '1014/UBND-KGVX').issuer).toBe('UBND tỉnh Kon Tum');
    expect(refAt(S001, '138/KH-UBND').issuer).toBe('Chủ tịch UBND tỉnh Quảng Ngãi');
    expect(refAt(S001, '02/KH-BCĐ').issuer).toBe('Ban Chỉ đạo của UBND tỉnh');
  });

  it('reads "X ban hành <ref>" and "đề nghị của X tại <ref>"', () => {
    expect(refAt(S002, '827/QĐ-UBND').issuer).toBe('Chủ tịch UBND tỉnh');
    expect(refAt(S000, '4119/STC-QLN').issuer).toBe('Sở Tài chính');
    const t = 'Tham mưu UBND tỉnh ban hành Quyết định số 12/QĐ-UBND ngày 01/02/2020.';
    expect(extractReferences(t)[0].issuer).toBe('UBND tỉnh');
  });

  it('stops at the topic', () => {
    const cases: [string, string][] = [
      ['Công văn số 7137/CT-TTHT ngày 10/7/2013 của Cục Thuế tỉnh BR-VT trả lời', 'Cục Thuế tỉnh BR-VT'],
      ['kèm theo TT số 02/2025/TT-BLĐTBXH ngày 10/01/2025 của Bộ trưởng Bộ LĐTBXH QUỸ ĐỀN ƠN ĐÁP NGHĨA', 'Bộ trưởng Bộ LĐTBXH'],
      ['Quyết định số 844/QĐ-TTg ngày 18/5/2016 của Thủ tướng Chính phủ phê duyệt Đề án', 'Thủ tướng Chính phủ'],
      ['Nghị định số 64/2007/NĐ-CP của Chính phủ Ứng dụng công nghệ thông tin', 'Chính phủ'],
      ['Công văn số 2575/SNV-TCCC ngày 24/9/2024 của Sở Nội vụ về việc báo cáo', 'Sở Nội vụ'],
      ['Quyết định số 2054/QĐ-UBND ngày 27 tháng 10 năm 2025 của Chủ tịch Ủy ban nhân dân thành phố về việc', 'Chủ tịch Ủy ban nhân dân thành phố'],
      ['Nghị quyết số 13-NQ/TU ngày 06/9/2023 của Ban Thường vụ Tỉnh ủy khóa XX về chuyển đổi số', 'Ban Thường vụ Tỉnh ủy khóa XX'],
      ['Nghị định 136/2025/NĐ-CP do Văn phòng Chính phủ ban hành', 'Văn phòng Chính phủ'],
      ['Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị và các Thông báo', 'Bộ Chính trị'],
    ];
    for (const [t, issuer] of cases) expect(extractReferences(t)[0].issuer).toBe(issuer);
  });

  it('names no issuer for "trình X: (1) ..." or "tham mưu X"', () => {
    expect(refAt(S001, '336-KH/TU ngày 25/02/2025; (2)').issuer).toBeNull();
  });
});

describe('types', () => {
  it('keeps a type name that disagrees with the code, with lower confidence', () => {
    const r = refAt(S000, '827/QĐ-UBND');
    expect(r.docType).toBe('Kế hoạch');
    expect(r.typeCode).toBe('QĐ');
    expect(r.confidence).toBeLessThan(refAt(S000, '844/QĐ-TTg').confidence);
  });

  it('drops modifiers and reads the type from the code when the text names none', () => {
    expect(refAt(S000, '32-').docType).toBe('Chương trình');
    expect(refAt(S001, '1063/KH-UBND').docType).toBe('Kế hoạch');
    const r = extractReferences('theo 4119/STC-QLN và 50-KL/TW');
    expect(r.map((x) => x.docType)).toEqual(['Công văn', 'Kết luận']);
    expect(extractReferences('Thông tri số 05-TT/TU')[0].docType).toBe('Thông tri');
    expect(extractReferences('theo 05-TT/TU')[0].docType).toBe('Thông tri');
    expect(extractReferences('theo 05/2020/TT-BTC')[0].docType).toBe('Thông tư');
  });

  it('reads titled laws, modifiers and abbreviations', () => {
    const r = extractReferences('Căn cứ Luật Quản lý thuế số 38/2019/QH14; NĐ 88/2025/NĐ-CP; Kế hoạch thanh tra số 1505/KH-TTCP; Mẫu số 05/DS-TNCN; Luật thuế thu nhập doanh nghiệp số 32/2013/QH13; Kế hoạch thực hiện số 12/QĐ-UBND');
    expect(r.map((x) => [x.text, x.docType])).toEqual([
      ['Luật Quản lý thuế số 38/2019/QH14', 'Luật'],
      ['NĐ 88/2025/NĐ-CP', 'Nghị định'],
      ['Kế hoạch thanh tra số 1505/KH-TTCP', 'Kế hoạch'],
      ['Luật thuế thu nhập doanh nghiệp số 32/2013/QH13', 'Luật'],
      // A type name a word or two before "số" counts only when the code agrees.
      ['số 12/QĐ-UBND', 'Quyết định'],
    ]);
  });
});

describe('relations', () => {
  it.each([
    ['Căn cứ Nghị định số 99/2012/NĐ-CP ngày 15 tháng 11 năm 2012', 'based-on'],
    ['Tình hình thực hiện Nghị quyết số 111/NQ-CP', 'implements'],
    ['triển khai có hiệu quả Nghị quyết số 57-NQ/TW', 'implements'],
    ['quán triệt Nghị quyết 52-NQ/TW', 'implements'],
    ['Nghị định sửa đổi, bổ sung một số điều của Nghị định số 73/2019/NĐ-CP', 'amends'],
    ['Thay thế Kế hoạch số 336-KH/TU', 'replaces'],
    ['bãi bỏ Quyết định số 62/2014/QĐ-UBND', 'repeals'],
    ['hướng dẫn thi hành Nghị định số 108/2008/NĐ-CP', 'guides'],
    ['theo Quyết định số 1763/QĐ-UBND', 'refers'],
    ['Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU', 'refers'],
    ['Luật Quản lý thuế được sửa đổi, bổ sung bởi Luật số 56/2024/QH15', 'refers'],
    ['thực hiện (theo Quyết định số 1763/QĐ-UBND)', 'refers'],
  ])('%s → %s', (t, rel) => {
    const refs = extractReferences(t);
    expect(refs[refs.length - 1].relation).toBe(rel);
  });

  it('a clause-initial relation word applies to the list that follows', () => {
    const t = 'Tiếp tục hiện thực hóa các mục tiêu Chiến lược; Nghị quyết số 13-NQ/TU ngày 06/9/2023; Kế hoạch hành động số 359-KH/TU ngày 29/4/2025 và Quyết định số 327/QĐ-UBND.';
    expect(extractReferences(t).map((r) => r.relation)).toEqual(['implements', 'implements', 'implements']);
    const u = 'Tham mưu UBND tỉnh: (1) Kế hoạch số 51/KH-UBND ngày 07/3/2025 về thực hiện Nghị quyết số 03/NQ-CP; (2) Quyết định số 327/QĐ-UBND.';
    expect(extractReferences(u).map((r) => r.relation)).toEqual(['refers', 'implements', 'refers']);
  });
});

describe('not references', () => {
  it('finds nothing in ranges, ratios, counts, codes, percentages, phone numbers, dates alone', () => {
    const t =
      'giai đoạn 2021-2025, đạt 38,02 điểm xếp hạng 20/34 tỉnh; cấp tỉnh 2136 DVCTT/2253 TTHC; CSDLQG/HTTT; giảm 30–50%; ' +
      'KH&CN; V/v đề nghị; UBND tỉnh (để b/c); T/M Ban Thường vụ; ĐT: 0255.3822.123, 0255-3822-123; ngày 27/9/2019; ' +
      'xếp hạng 35/63; Mẫu số 05/DS-TNCN; Biểu số 113/LĐTL-Sở; 100 m3/ngày; 4G/5G; X- Quang; năm 2025-\n230';
    expect(extractReferences(t)).toEqual([]);
  });

  it('leaves out the document\'s own header number', () => {
    expect(extractReferences(S004).some((r) => r.id === '398-BC/TU')).toBe(false);
    const withHeader = extractReferences(S004, { includeHeader: true });
    expect(withHeader[0].id).toBe('398-BC/TU');
  });
});

describe('tolerance', () => {
  it('reads diacritic-stripped text', () => {
    const [r] = extractReferences('Nghi quyet so 52-NQ/TW ngay 27 thang 9 nam 2019 cua Bo Chinh tri ve mot so chu truong');
    expect(r.docType).toBe('Nghị quyết');
    expect(r.date).toBe('2019-09-27');
    expect(r.issuer).toBe('Bo Chinh tri');
    expect(r.text).toBe('Nghi quyet so 52-NQ/TW');
  });

  it('reads NFD text (combining marks), spans into the NFD string, issuer in NFC', () => {
    const t = 'Căn cứ Nghị quyết số 52-NQ/TW ngày 27 tháng 9 năm 2019 của Bộ Chính trị về một số chủ trương'.normalize('NFD');
    const [r] = extractReferences(t);
    expect([r.docType, r.date, r.issuer, r.relation]).toEqual(['Nghị quyết', '2019-09-27', 'Bộ Chính trị', 'based-on']);
    expect(r.text).toBe(t.slice(r.start, r.end));
    expect(r.text).toBe('Nghị quyết số 52-NQ/TW'.normalize('NFD'));
  });

  it('reads all-capital titles', () => {
    const [r] = extractReferences('TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ');
    expect([r.id, r.docType, r.date, r.issuer, r.relation]).toEqual(['57-NQ/TW', 'Nghị quyết', '2024-12-22', 'BỘ CHÍNH TRỊ', 'implements']);
  });

  it('reads ASCII and odd-case codes into their official spelling', () => {
    const r = extractReferences('Quyết định số 1562/QD-TTG; Nghị định số 65/2023/ND-CP; Chương trình số 65-Ctr/TU; 12/2019/NQ-HDND');
    expect(r.map((x) => x.id)).toEqual(['1562/QĐ-TTg', '65/2023/NĐ-CP', '65-CTr/TU', '12/2019/NQ-HĐND']);
  });

  it('reads OCR-damaged "số" and stops issuers at lines that are paragraphs', () => {
    expect(extractReferences('Nghi quyét s6 52-NQ/TW ngay 27/9/2019')[0].text).toBe('Nghi quyét s6 52-NQ/TW');
    expect(extractReferences('Cong vin s 3720-CV/BKTTW')[0].text).toBe('Cong vin s 3720-CV/BKTTW'); // a type name misread by one letter, confirmed by the code
    const paragraphs = 'Quyết định số 1/QĐ-UBND của UBND tỉnh.\nCăn cứ Luật số 5/2020/QH14;\nNghị định số 2/NĐ-CP ngày 01/02/2020;\n';
    expect(findReferences(paragraphs).map((r) => r.relation)).toEqual(['refers', 'based-on', 'refers']);
  });
});

describe('options and bad input', () => {
  it('throws a TypeError naming the argument', () => {
    expect(() => extractReferences(42 as unknown as string)).toThrow(TypeError);
    expect(() => extractReferences(42 as unknown as string)).toThrow(/"text"/);
    expect(() => extractReferences(null as unknown as string)).toThrow(/"text".*null/);
    expect(() => extractReferences('x', 'clean' as never)).toThrow(/"options"/);
    expect(() => extractReferences('x', { input: 'scan' as never })).toThrow(/options\.input/);
    expect(() => extractReferences('x', { minConfidence: 2 })).toThrow(TypeError);
    expect(() => extractReferences('x', { bogus: 1 } as never)).toThrow(TypeError);
  });

  it('returns [] for empty text and filters by confidence', () => {
    expect(extractReferences('')).toEqual([]);
    const all = extractReferences(S000);
    const sure = extractReferences(S000, { minConfidence: 0.9 });
    expect(sure.length).toBeLessThan(all.length);
    expect(sure.every((r) => r.confidence >= 0.9)).toBe(true);
  });
});

describe('spans through a preparing stage', () => {
  it('maps spans found on rewritten text back to the input (what normalization will do)', async () => {
    const { OffsetMapBuilder } = await import('../../src/text/offsets.js');
    const { mapReferences, findReferences: find } = await import('../../src/refs/extract.js');
    // A stage that turns NFD into NFC, recording each change in an OffsetMap.
    const input = 'Theo Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị.'.normalize('NFD');
    const b = new OffsetMapBuilder();
    let out = '';
    let i = 0;
    while (i < input.length) {
      let j = i + 1;
      while (j < input.length && /\p{M}/u.test(input[j])) j++;
      const cluster = input.slice(i, j).normalize('NFC');
      b.replace(j - i, cluster.length);
      out += cluster;
      i = j;
    }
    const map = b.build();
    expect(out).toBe(input.normalize('NFC'));
    const refs = mapReferences(find(out), input, map);
    expect(refs).toHaveLength(1);
    expect(refs[0].text).toBe(input.slice(refs[0].start, refs[0].end));
    expect(refs[0].text.normalize('NFC')).toBe('Nghị quyết số 52-NQ/TW');
    expect(refs[0].issuer).toBe('Bộ Chính trị');
  });
});

describe('type names a scan misread by one letter', () => {
  it('takes a near type name when the symbol code agrees, with the issuer before it', () => {
    const text = 'Theo đề nghị của Ban Kinh tế Trung ương tại Cổng vin s 3720-CV/BKTTW ngày 01/8/2023 về việc';
    const [r] = extractReferences(text, { input: 'clean' });
    expect(r.text).toBe('Cổng vin s 3720-CV/BKTTW');
    expect(r.issuer).toBe('Ban Kinh tế Trung ương');
    expect(r.docType).toBe('Công văn');
  });

  it('leaves it out when the code names another type, or the first letter differs', () => {
    const [a] = extractReferences('theo Cong vin s 12/QĐ-UBND ngày 01/8/2023', { input: 'clean' });
    expect(a.text).toBe('s 12/QĐ-UBND');
    expect(a.docType).toBe('Quyết định');
    const [b] = extractReferences('theo Cong xan số 12/CV-UBND ngày 01/8/2023', { input: 'clean' });
    expect(b.text).toBe('số 12/CV-UBND');
  });
});

describe('issuers of a list opened by "X đã ban hành:"', () => {
  it('gives every item the body before the colon', () => {
    const refs = extractReferences('UBND tỉnh đã ban hành: Kế hoạch số 100/KH-UBND ngày 10/5/2024; Quyết định số 200/QĐ-UBND ngày 12/5/2024', { input: 'clean' });
    expect(refs.map((r) => [r.id, r.issuer])).toEqual([
      ['100/KH-UBND', 'UBND tỉnh'],
      ['200/QĐ-UBND', 'UBND tỉnh'],
    ]);
  });
});
