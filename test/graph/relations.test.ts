import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/refs/extract.js';
import { analyzeRelations } from '../../src/graph/relations.js';
import { RELATION_PHRASES } from '../../src/graph/relation-words.js';
import { foldDiacritics } from '../../src/text/fold.js';

/** The relations a sentence states between its references, as "A relation B". */
function stated(text: string): string[] {
  const refs = extractReferences(text);
  const a = analyzeRelations(text, foldDiacritics(text), refs);
  return a.statements.map((s) => `${refs[s.from].id} ${s.relation} ${refs[s.to].id}`);
}

describe('relations stated between cited documents', () => {
  it('every relation word of the table, in its example', () => {
    for (const p of RELATION_PHRASES) {
      const out = stated(p.example + '.');
      expect(out, p.example).toHaveLength(1);
      expect(out[0].split(' ')[1], p.example).toBe(p.relation);
    }
  });

  it('the subject is the run of coordinated references before the relation word', () => {
    expect(
      stated(
        'Kế hoạch số 539-KH/TU ngày 29/4/2025, Kế hoạch số 336-KH/TU ngày 25/02/2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.',
      ),
    ).toEqual(['336-KH/TU implements 57-NQ/TW', '539-KH/TU implements 57-NQ/TW']);
  });

  it('objects coordinated after the relation word all receive it; a later relation starts from the nearest one', () => {
    expect(
      stated(
        'Kế hoạch số 1570/KH-UBND ngày 08/5/2025 của UBND tỉnh về triển khai thực hiện Nghị quyết 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ và Chương trình số 95-CTr/TU ngày 24 tháng 01 năm 2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW.',
      ),
    ).toEqual(['1570/KH-UBND implements 71/NQ-CP', '1570/KH-UBND implements 95-CTr/TU', '95-CTr/TU implements 57-NQ/TW']);
  });

  it('the passive reverses the direction', () => {
    expect(stated('Luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15.')).toEqual(['87/2025/QH15 amends 64/2025/QH15']);
    expect(stated('Nghị quyết số 23/2022/NQ-HĐND đã được thay thế bởi Nghị quyết số 05/2025/NQ-HĐND.')).toEqual([
      '05/2025/NQ-HĐND replaces 23/2022/NQ-HĐND',
    ]);
    expect(stated('Thông tư số 13/2020/TT-BGDĐT ngày 26/5/2020, sửa đổi bổ sung tại Thông tư số 23/2024/TT-BGDĐT.')).toEqual([
      '23/2024/TT-BGDĐT amends 13/2020/TT-BGDĐT',
    ]);
    // "bởi" marks it without "được"; agents coordinated after it all act.
    expect(stated('Nghị định số 83/2014/NĐ-CP sửa đổi, bổ sung bởi Nghị định số 08/2018/NĐ-CP, Nghị định số 95/2021/NĐ-CP.')).toEqual([
      '08/2018/NĐ-CP amends 83/2014/NĐ-CP',
      '95/2021/NĐ-CP amends 83/2014/NĐ-CP',
    ]);
  });

  it('a document named without a number carries the relation itself', () => {
    expect(
      stated(
        'Theo Công văn số 4119/STC-QLN ngày 18/11/2025 về việc phối hợp báo cáo tiến độ thực hiện các nhiệm vụ được UBND tỉnh giao tại các Kế hoạch thực hiện Nghị quyết số 111/NQ-CP.',
      ),
    ).toEqual([]);
    // ... unless the reference is what issues it
    expect(
      stated('Quyết định số 327/QĐ-UBND ngày 26/5/2025 về ban hành Kế hoạch hành động thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ.'),
    ).toEqual(['327/QĐ-UBND implements 71/NQ-CP']);
  });

  it('no relation across sentences, list items, or a new actor', () => {
    expect(stated('Ban hành Kế hoạch số 12/KH-UBND ngày 01/3/2025. Thực hiện Nghị quyết số 57-NQ/TW, tỉnh đã làm tốt.')).toEqual([]);
    expect(stated('(1) Kế hoạch số 336-KH/TU ngày 25/02/2025; (2) Kế hoạch số 359-KH/TU ngày 29/4/2025 về thực hiện Nghị quyết số 57-NQ/TW.')).toEqual([
      '359-KH/TU implements 57-NQ/TW',
    ]);
    expect(stated('Sau Kế hoạch số 12/KH-UBND ngày 01/3/2025, UBND tỉnh đã thực hiện Nghị quyết số 57-NQ/TW.')).toEqual([]);
    expect(stated('Nếu áp dụng Nghị quyết số 98/2023/QH15 ngày 24/6/2023 thì thực hiện kê khai theo mẫu ban hành kèm Thông tư số 80/2021/TT-BTC.')).toEqual([]);
    expect(stated('Luật Quy hoạch số 112/2025/QH15, thực hiện theo quy định tại Thông tư số 04/2023/TT-BKHĐT.')).toEqual([]);
    expect(stated('Nghị định 225/2025/NĐ-CP sửa đổi các Nghị định hướng dẫn Luật Đấu thầu về lựa chọn nhà đầu tư Công văn 5392/BCT-ĐL.')).toEqual([]);
    expect(
      stated('Quyết định số 08/2023/QĐ-UBND ngày 23/02/2023 sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 55/2014/QĐ-UBND.'),
    ).toEqual(['08/2023/QĐ-UBND amends 55/2014/QĐ-UBND']);
    // A law named between its type and number is still the object.
    expect(stated('Luật số 43/2024/QH15 sửa đổi, bổ sung Luật Đất đai số 31/2024/QH15.')).toEqual(['43/2024/QH15 amends 31/2024/QH15']);
    expect(stated('Thông tư này được ban hành kèm theo Thông tư liên tịch số 17/2006/TTLT-BLĐTBXH-BTC-BYT ngày 21/11/2006 và thay thế Thông tư liên tịch số 06/2007/TTLT-BLĐTBXH-BTC-BYT.')).toEqual([]);
    expect(stated('Mẫu theo Thông tư liên tịch số 17/2014/TTLT-BLĐTBXH-BTC ngày 01 tháng 8 năm 2014) Căn cứ Quyết định số 57/2013/QĐ-TTg.')).toEqual([]);
  });

  it('the citing document’s own relation: the relation word before a reference no other reference governs', () => {
    const text = 'Căn cứ Nghị định số 65/2023/NĐ-CP ngày 23/8/2023 của Chính phủ; Kế hoạch số 12/KH-UBND thực hiện Nghị quyết số 57-NQ/TW.';
    const refs = extractReferences(text);
    const a = analyzeRelations(text, foldDiacritics(text), refs);
    expect(refs.map((r) => r.id)).toEqual(['65/2023/NĐ-CP', '12/KH-UBND', '57-NQ/TW']);
    expect(a.leadRelation).toEqual(['based-on', 'refers', 'implements']);
    expect([...a.governor]).toEqual([-1, -1, 1]);
  });
});
