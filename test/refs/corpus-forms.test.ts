/**
 * Sentence forms met in administrative and legal text beyond the seed
 * reports (the held-out review of fixtures/gold-heldout): each test is one
 * rule of the grammar, on sentences of the form the corpus writes (numbers
 * and names changed where the corpus line itself is held out).
 */
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/refs/extract.js';
import type { Reference } from '../../src/schema.js';

const one = (text: string): Reference => {
  const refs = extractReferences(text);
  expect(refs).toHaveLength(1);
  return refs[0];
};
const ids = (text: string) => extractReferences(text).map((r) => r.id);

describe('drafts and blank numbers', () => {
  it('a blank number is no citation, whatever fills the blank', () => {
    for (const blank of ['      /', ' /', ' ..../', ' …/', '...../', '      /\n', ' ____/']) {
      expect(ids(`Căn cứ Nghị định số${blank}2026/NĐ-CP ngày    tháng    năm 2026 của Chính phủ;`)).toEqual([]);
    }
    expect(ids('Ban hành kèm theo TT số...../2024/TT-BLĐTBXH ngày..... của Bộ trưởng')).toEqual([]);
  });
  it('a number wrapped after its slash is still read', () => {
    expect(ids('theo Nghị định số 12/\n2026/NĐ-CP ngày 05/01/2026')).toEqual(['12/2026/NĐ-CP']);
  });
});

describe('laws cited by title and number', () => {
  it('a title holding "số" ("Tần số", "Chuyển đổi số") starts the span at "Luật"', () => {
    const r = one('quy định tại Điều 11a Luật Tần số vô tuyến điện số 42/2009/QH12 được bổ sung');
    expect(r.text).toBe('Luật Tần số vô tuyến điện số 42/2009/QH12');
    expect(r.docType).toBe('Luật');
    expect(one('Căn cứ Luật Chuyển đổi số số 148/2025/QH15;').text).toBe('Luật Chuyển đổi số số 148/2025/QH15');
  });
});
