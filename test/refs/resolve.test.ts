import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/refs/extract.js';
import { resolveShortForms } from '../../src/refs/resolve.js';
import { ALIAS_LEADS, BACK_DETERMINERS, SHORT_FORM_TYPES, TYPE_ABBREVIATIONS } from '../../src/refs/aliases-data.js';
import type { Reference } from '../../src/schema.js';

/** Short forms of a text resolved against the library's own extraction, as `text → target id`. */
function resolved(text: string, self?: { docType?: string; id?: string }): Array<[string, string | null]> {
  const refs = extractReferences(text);
  return resolveShortForms(text, refs, { self }).map((s) => [s.text, s.targetId]);
}

/** A minimal full reference at `text.indexOf(span)`. */
function ref(text: string, span: string, id: string, docType: string, typeCode: string | null, number: string): Reference {
  const start = text.indexOf(span);
  if (start < 0) throw new Error(`no "${span}"`);
  return {
    id,
    docType,
    typeCode,
    number,
    symbol: id.slice(number.length + 1),
    year: null,
    issuerCode: null,
    issuer: null,
    date: null,
    family: 'party',
    relation: 'refers',
    start,
    end: start + span.length,
    text: span,
    confidence: 1,
  };
}

describe('resolveShortForms: the forms of the grammar (docs §8)', () => {
  it('alias definitions name the reference before them, and later uses resolve to it', () => {
    const text =
      'Thực hiện Nghị quyết số 28-NQ/TW ngày 17/11/2022 của Bộ Chính trị về tiếp tục đổi mới (sau đây gọi tắt là Nghị quyết 28), ' +
      'Ban Thường vụ Tỉnh ủy ban hành kế hoạch. Qua 02 năm thực hiện Nghị quyết 28, tỉnh đã đạt nhiều kết quả.';
    expect(resolved(text)).toEqual([
      ['Nghị quyết 28', '28-NQ/TW'],
      ['Nghị quyết 28', '28-NQ/TW'],
    ]);
    const forms = resolveShortForms(text, extractReferences(text));
    expect(forms.map((f) => f.kind)).toEqual(['alias', 'alias']);
  });

  it('an alias without a number ("(sau đây gọi là Chương trình)") resolves every later capitalized use', () => {
    const text =
      'Chương trình hành động số 95-CTr/TU ngày 24/01/2025 của Ban Thường vụ Tỉnh ủy về chuyển đổi số ' +
      '(sau đây gọi là Chương trình). Các sở, ngành triển khai Chương trình theo kế hoạch; các chương trình khác chưa được xét.';
    expect(resolved(text)).toEqual([
      ['Chương trình', '95-CTr/TU'],
      ['Chương trình', '95-CTr/TU'],
    ]);
  });

  it('an alias that repeats the name written before a number names that document', () => {
    const text =
      'Luật Xử lý vi phạm hành chính số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 67/2020/QH14 (sau đây viết tắt là Luật Xử lý vi phạm hành chính). ' +
      'Theo Luật Xử lý vi phạm hành chính, việc xử phạt được thực hiện.';
    expect(resolved(text).map(([, id]) => id)).toEqual(['15/2012/QH13', '15/2012/QH13']);
    const other =
      'Quy định tại khoản 1 Điều 18a Luật Tần số vô tuyến điện số 42/2009/QH12 được sửa đổi, bổ sung bởi Luật số 09/2022/QH15 (sau đây gọi là Luật Tần số vô tuyến điện).';
    expect(resolved(other).map(([, id]) => id)).toEqual(['42/2009/QH12']);
  });

  it('an alias that names something else than the document before it is not one', () => {
    // The Đề án is what the Quyết định approves, not the Quyết định; a Hiệp hội is no document.
    const text =
      'Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu dân cư ' +
      '(sau đây gọi là Đề án). Theo Công văn số 12/HHNM ngày 01/02/2025 của Hiệp hội Nước mắm (sau đây gọi là Hiệp hội), Hiệp hội đề nghị.';
    expect(resolved(text)).toEqual([]);
  });

  it('"<Type> này" in a text of articles whose own type is unknown is the text itself: left out', () => {
    const text =
      'Điều 1. Sửa đổi Nghị định số 73/2019/NĐ-CP ngày 05/9/2019 của Chính phủ.\nĐiều 2. Nghị định này có hiệu lực từ ngày ký; quy định tại khoản 2 Điều 1 Nghị định này áp dụng ngay.';
    expect(resolved(text)).toEqual([]);
    // In a report (its type known, another), "Nghị định này" is the decree it just cited.
    expect(resolved(text, { docType: 'Báo cáo' }).map(([, id]) => id)).toEqual(['73/2019/NĐ-CP', '73/2019/NĐ-CP']);
  });

  it('"(gọi chung là ...)" names every reference of the run before it', () => {
    const text =
      'Nghị quyết số 03/NQ-CP ngày 09/01/2025 và Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ (gọi chung là các Nghị quyết của Chính phủ) được triển khai. ' +
      'Việc thực hiện các Nghị quyết của Chính phủ đạt kết quả tốt.';
    const targets = resolved(text).map(([, id]) => id);
    expect(targets).toEqual(['03/NQ-CP', '71/NQ-CP', '03/NQ-CP', '71/NQ-CP']);
  });

  it('number only: "Nghị quyết 52", "Nghị quyết số 52", "Kế hoạch số 01", "NQ 52", "NQ52"', () => {
    const text =
      'Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị; Kế hoạch số 01-KH/BCĐTW ngày 10/3/2025 của Ban Chỉ đạo Trung ương (Kế hoạch số 01). ' +
      'Kết quả thực hiện Nghị quyết 52 và Nghị quyết số 52; NQ 52 và NQ52 được quán triệt; Kế hoạch số 01 được triển khai.';
    expect(resolved(text)).toEqual([
      ['Kế hoạch số 01', '01-KH/BCĐTW'],
      ['Nghị quyết 52', '52-NQ/TW'],
      ['Nghị quyết số 52', '52-NQ/TW'],
      ['NQ 52', '52-NQ/TW'],
      ['NQ52', '52-NQ/TW'],
      ['Kế hoạch số 01', '01-KH/BCĐTW'],
    ]);
  });

  it('number only prefers the most recent reference of that type and number', () => {
    const text =
      'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Sau đó, Chính phủ ban hành Nghị quyết số 57/NQ-CP ngày 15/4/2025. ' +
      'Việc thực hiện Nghị quyết 57 còn chậm.';
    expect(resolved(text)).toEqual([['Nghị quyết 57', '57/NQ-CP']]);
  });

  it('a number-only form with no cited document of that type and number is left out', () => {
    const text = 'Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị. Kế hoạch 52 và Nghị quyết 53 chưa ban hành; Nghị quyết 52,5 tỷ đồng.';
    expect(resolved(text)).toEqual([]);
  });

  it('"<Type> nêu trên / trên / đã dẫn" is the nearest earlier document of that type', () => {
    const text =
      'Kế hoạch số 539-KH/TU ngày 29/4/2025 và Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. ' +
      'Nghị quyết nêu trên đặt mục tiêu lớn; Kế hoạch trên được cụ thể hóa; Nghị quyết đã dẫn có hiệu lực.';
    expect(resolved(text)).toEqual([
      ['Nghị quyết nêu trên', '57-NQ/TW'],
      ['Kế hoạch trên', '539-KH/TU'],
      ['Nghị quyết đã dẫn', '57-NQ/TW'],
    ]);
  });

  it('"văn bản nêu trên" is the nearest earlier document of any type (of the issuer it names)', () => {
    const text = 'UBND tỉnh ban hành Quyết định số 327/QĐ-UBND ngày 26/5/2025. Các sở triển khai văn bản nêu trên.';
    expect(resolved(text)).toEqual([['văn bản nêu trên', '327/QĐ-UBND']]);
    const other =
      'Theo Công văn số 4119/STC-QLN ngày 18/11/2025 của Sở Tài chính và Nghị quyết số 196/2025/QH15 của Quốc hội, như đề nghị của Sở Tài chính tại văn bản nêu trên; ' +
      'các sở góp ý dự thảo văn bản trên; đường dẫn văn bản trên cơ sở dữ liệu.';
    expect(resolved(other)).toEqual([['văn bản nêu trên', '4119/STC-QLN']]);
  });

  it('"<Type> này" is the citing document when it is of that type, else the nearest earlier one', () => {
    const text = 'Triển khai Kế hoạch số 539-KH/TU ngày 29/4/2025, các sở ban hành văn bản. Kế hoạch này đạt kết quả; Báo cáo này tổng hợp.';
    expect(resolved(text, { docType: 'Báo cáo', id: '398-BC/TU' })).toEqual([
      ['Kế hoạch này', '539-KH/TU'],
      ['Báo cáo này', '398-BC/TU'],
    ]);
    const forms = resolveShortForms(text, extractReferences(text), { self: { docType: 'Báo cáo', id: '398-BC/TU' } });
    expect(forms[1]).toMatchObject({ kind: 'self', self: true, target: null });
    // In a plan, "Kế hoạch này" is the plan itself.
    expect(resolved(text, { docType: 'Kế hoạch', id: '12-KH/TU' })[0]).toEqual(['Kế hoạch này', '12-KH/TU']);
  });

  it('"<Type> này" prefers the document that governs its sentence ("A sửa đổi, bổ sung B. Triển khai <A>")', () => {
    // Seed 001: "Nghị định này" is 82/2024/NĐ-CP, not the nearer 73/2019/NĐ-CP it amends (fixtures/gold/aliases.jsonl).
    const text =
      'Nghị định số 82/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 73/2019/NĐ-CP ngày 05 tháng 9 năm 2019 của Chính phủ. Triển khai Nghị định này, UBND tỉnh giao Sở Tài chính.';
    const refs = extractReferences(text);
    const governed = refs.flatMap((r, i) => (r.id === '73/2019/NĐ-CP' ? [i] : []));
    const self = { docType: 'Báo cáo' };
    expect(resolveShortForms(text, refs, { governed, self }).map((s) => s.targetId)).toEqual(['82/2024/NĐ-CP']);
    expect(resolveShortForms(text, refs, { self }).map((s) => s.targetId)).toEqual(['73/2019/NĐ-CP']);
  });

  it('leaves generic and plural uses alone', () => {
    const text =
      'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Các Nghị quyết trên được triển khai; ' +
      'Kế hoạch trên địa bàn tỉnh; nghị quyết này chưa rõ; Điều này quy định.';
    expect(resolved(text)).toEqual([]);
  });

  it('a type named without a number in between is the nearer antecedent: the short form is left out', () => {
    const text =
      'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị được quán triệt. Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX đề ra mục tiêu; Nghị quyết này là kim chỉ nam.';
    expect(resolved(text)).toEqual([]);
  });

  it('works on diacritic-stripped text', () => {
    const text = 'Ke hoach so 539-KH/TU ngay 29/4/2025 cua Ban Thuong vu Tinh uy. Ke hoach nay dat ket qua; Nghi quyet 52 chua.';
    const refs = [ref(text, 'Ke hoach so 539-KH/TU', '539-KH/TU', 'Kế hoạch', 'KH', '539')];
    expect(resolveShortForms(text, refs, { self: { docType: 'Báo cáo' } }).map((s) => [s.text, s.targetId])).toEqual([['Ke hoach nay', '539-KH/TU']]);
  });

  it('every example in the data tables resolves', () => {
    const types = SHORT_FORM_TYPES.map((t) => t.name);
    expect(new Set(types).size).toBe(types.length);
    // Determiners: "Nghị định này", "Kế hoạch nêu trên", ... after a reference of their type.
    for (const d of BACK_DETERMINERS) {
      const t = SHORT_FORM_TYPES.find((x) => d.example.startsWith(x.name + ' '))!;
      const code = t.codes[0] ?? 'X';
      const span = `${t.name} số 15/${code}-UBND`;
      const text = `Thực hiện ${span} ngày 01/01/2024 của UBND tỉnh, các sở đã triển khai. ${d.example} đã đạt kết quả.`;
      const refs = [ref(text, span, `15/${code}-UBND`, t.name, code, '15')];
      expect(resolveShortForms(text, refs, { self: { docType: 'Báo cáo' } }).map((s) => [s.text, s.targetId]), d.example).toEqual([
        [d.example, `15/${code}-UBND`],
      ]);
    }
    // Abbreviations: "NQ 52" style examples resolve against a reference of their type.
    for (const a of TYPE_ABBREVIATIONS) {
      const num = a.example.replace(/\D+/g, '');
      const t = SHORT_FORM_TYPES.find((x) => x.name === a.name)!;
      const text = `${a.name} số ${num}-${t.codes[0] ?? 'X'}/TU ngày 01/01/2024. Thực hiện ${a.example} đúng tiến độ.`;
      const refs = [ref(text, `${a.name} số ${num}-${t.codes[0] ?? 'X'}/TU`, `${num}-${t.codes[0]}/TU`, a.name, t.codes[0] ?? null, num)];
      expect(resolveShortForms(text, refs).map((s) => s.text), a.example).toEqual([a.example]);
    }
    // Type examples ("Nghị quyết 52", "Kế hoạch số 01", "Quy định này", ...), each after a reference of its type.
    for (const t of SHORT_FORM_TYPES) {
      const num = /\d+/.exec(t.example)?.[0] ?? '15';
      const code = t.codes[0] ?? null;
      const span = `${t.name} số ${num}/${code ?? 'QH'}-UBND`;
      const text = `Thực hiện ${span} ngày 01/01/2024 của UBND tỉnh. Qua một năm, ${t.example} được triển khai.`;
      const refs = [ref(text, span, `${num}/${code ?? 'QH'}-UBND`, t.name, code, num)];
      expect(
        resolveShortForms(text, refs, { self: { docType: t.name === 'Báo cáo' ? 'Tờ trình' : 'Báo cáo' } }).map((s) => [s.text, s.targetId]),
        t.example,
      ).toEqual([[t.example, `${num}/${code ?? 'QH'}-UBND`]]);
    }
    // Alias lead-ins, each after a reference of the type its short name has.
    for (const l of ALIAS_LEADS) {
      const inner = l.example.slice(1, -1); // "(sau đây viết tắt là Nghị quyết 52)" → inner text
      const x = inner.slice(inner.indexOf(' là ') + 4);
      const t = SHORT_FORM_TYPES.find((y) => x.replace(/^các /, '').startsWith(y.name)) ?? SHORT_FORM_TYPES[0];
      const code = t.codes[0] ?? 'X';
      const span = `${t.name} số 52-${code}/TW`;
      const text = `${span} ngày 27/9/2019 của Bộ Chính trị ${l.example} được quán triệt.`;
      const refs = [ref(text, span, `52-${code}/TW`, t.name, code, '52')];
      expect(resolveShortForms(text, refs).map((s) => s.text), l.example).toEqual([x]);
    }
  });
});

describe('resolveShortForms on the seeds', () => {
  const seed = (f: string) => readFileSync(`fixtures/seeds/${f}`, 'utf8');

  it('finds no short form in 000, 002 and 004 (the gold holds none there)', () => {
    for (const f of ['000_2dae4cc2179c821d.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt']) {
      expect(resolved(seed(f), { docType: 'Báo cáo' }), f).toEqual([]);
    }
  });

  it('in 001 finds only "Nghị định này" → 82/2024/NĐ-CP at the gold span (with the graph’s governed hint)', () => {
    const text = seed('001_ad13f960ec8507f6.txt');
    const gold = readFileSync('fixtures/gold/aliases.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; start: number; end: number; target: string });
    const refs = extractReferences(text);
    const governed = refs.flatMap((r, i) => (r.id === '73/2019/NĐ-CP' ? [i] : []));
    const forms = resolveShortForms(text, refs, { self: { docType: 'Báo cáo' }, governed });
    expect(forms.map((f) => ({ file: '001_ad13f960ec8507f6.txt', start: f.start, end: f.end, target: f.targetId }))).toEqual(
      gold.map((g) => ({ file: g.file, start: g.start, end: g.end, target: g.target })),
    );
  });
});

describe('resolveShortForms: bad input', () => {
  it('throws a TypeError naming the argument', () => {
    expect(() => resolveShortForms(42 as unknown as string, [])).toThrow(/"text"/);
    expect(() => resolveShortForms('x', null as unknown as Reference[])).toThrow(/"references"/);
  });

  it('never throws and returns spans into the input, for arbitrary text around real references', () => {
    const base = 'Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị. ';
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 60 }), (pre, post) => {
        const text = pre + base + 'Nghị quyết 52 và Nghị quyết này ' + post;
        const refs = extractReferences(text);
        const out = resolveShortForms(text, refs, { self: { docType: 'Báo cáo' } });
        for (const s of out) {
          expect(s.text).toBe(text.slice(s.start, s.end));
          if (s.target !== null) expect(refs[s.target].id).toBe(s.targetId);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('resolveShortForms on the hand-written report (fixtures/aliases)', () => {
  it('resolves every short form of the gold, and nothing else', async () => {
    const { digestDocument } = await import('../../src/graph/document.js');
    const { defaultExtractor } = await import('../../src/graph/build.js');
    const text = readFileSync('fixtures/aliases/short-forms.txt', 'utf8');
    const gold = readFileSync('fixtures/aliases/short-forms.gold.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: number; end: number; text: string; target: string });
    const found = digestDocument({ text }, defaultExtractor, { shortForms: true, statedRelations: true }).shortForms;
    expect(found.map((f) => [f.start, f.end, f.text, f.targetId])).toEqual(gold.map((g) => [g.start, g.end, g.text, g.target]));
  });

  it('a bare type name points back only when its phrase ends there, and only in a text of known type', () => {
    const text =
      'Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, tỉnh đã quán triệt Nghị quyết trong toàn Đảng bộ. ' +
      'HĐND tỉnh xây dựng dự thảo Nghị quyết; Nghị quyết Đại hội XX; các Nghị quyết được ban hành; Nghị quyết về chuyển đổi số.';
    expect(resolved(text, { docType: 'Báo cáo' })).toEqual([['Nghị quyết', '52-NQ/TW']]);
    expect(resolved(text)).toEqual([]);
    // In a plan, "Kế hoạch" alone is the plan itself.
    const plan = 'Thực hiện Kế hoạch số 539-KH/TU ngày 29/4/2025, các sở triển khai nhiệm vụ của Kế hoạch. Kế hoạch được gửi các sở.';
    expect(resolved(plan, { docType: 'Kế hoạch', id: '12/KH-UBND' })).toEqual([
      ['Kế hoạch', '12/KH-UBND'],
      ['Kế hoạch', '12/KH-UBND'],
    ]);
  });
});

describe('resolveShortForms: how far back "<Type> nêu trên" looks', () => {
  const filler = 'Các cơ quan, đơn vị đã tổ chức quán triệt, triển khai nhiều nhiệm vụ, giải pháp cụ thể. '.repeat(80); // about 7,000 characters
  it('reaches a document of its type pages back', () => {
    const text = `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. ${filler}Việc triển khai Nghị quyết nêu trên đạt kết quả.`;
    expect(resolved(text)).toEqual([['Nghị quyết nêu trên', '57-NQ/TW']]);
  });

  it('stops at an unnumbered mention of the type in between, and "văn bản nêu trên" stays near', () => {
    const between = `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. ${filler}Nghị quyết Đại hội Đảng bộ tỉnh đề ra nhiều chỉ tiêu. Việc triển khai Nghị quyết nêu trên đạt kết quả.`;
    expect(resolved(between)).toEqual([]);
    const vague = `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. ${filler}Việc triển khai văn bản nêu trên đạt kết quả.`;
    expect(resolved(vague)).toEqual([]);
  });
});
