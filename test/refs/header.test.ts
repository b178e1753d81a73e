/** The document's own header. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocumentHeader, ordinaryCase } from '../../src/refs/header.js';
import { DocumentHeaderSchema } from '../../src/schema.js';

const seed = (name: string) => readFileSync(`fixtures/seeds/${name}`, 'utf8');

describe('extractDocumentHeader', () => {
  it('reads a draft: blank number, issuer block in ordinary case, place, blank day', () => {
    const text = seed('002_652940eb11e67dde.txt');
    const h = extractDocumentHeader(text)!;
    expect(DocumentHeaderSchema.safeParse(h).success).toBe(true);
    expect(h).toMatchObject({ id: null, number: null, symbol: 'BC-SKHCN', typeCode: 'BC', issuerCode: 'SKHCN' });
    expect(h.issuer).toBe('Sở Khoa học và Công nghệ');
    expect(h.place).toBe('Quảng Ngãi');
    expect(h.date).toBeNull();
    expect(text.slice(h.start!, h.end!)).toMatch(/^Số:\s+\/BC-SKHCN$/);
  });

  it('reads a Party report\'s number, place and date; no issuer block left in the clean text', () => {
    const text = seed('004_879014f10c9673c0.part1.txt');
    const h = extractDocumentHeader(text)!;
    expect(h).toMatchObject({ id: '398-BC/TU', number: '398', symbol: 'BC/TU', typeCode: 'BC', issuerCode: 'TU', issuer: null, place: 'Quảng Ngãi', date: '2023-09-15' });
    expect(text.slice(h.start!, h.end!)).toBe('Số 398-BC/TU');
  });

  it('returns null for a text without a header', () => {
    expect(extractDocumentHeader(seed('000_2dae4cc2179c821d.txt'))).toBeNull();
    expect(extractDocumentHeader('')).toBeNull();
    // "số" inside a sentence is a citation, not a header.
    expect(extractDocumentHeader('Theo Công văn số 4119/STC-QLN ngày 18/11/2025.')).toBeNull();
  });

  it('joins a locality line to the body above it, and leaves a body line alone', () => {
    const read = (block: string) => extractDocumentHeader(`${block}\nSố: 125/BC-UBND\nBắc Ninh, ngày 05 tháng 3 năm 2024\nBÁO CÁO\n`)!.issuer;
    // two columns merged line by line, as text pulled from a .doc comes out
    expect(read('ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC NINH                         Độc lập - Tự do - Hạnh phúc')).toBe(
      'Ủy ban nhân dân tỉnh Bắc Ninh',
    );
    expect(read('HỘI ĐỒNG NHÂN DÂN\nHUYỆN GIA LÂM')).toBe('Hội đồng nhân dân huyện Gia Lâm');
    expect(read('UBND TỈNH QUẢNG NAM\nSỞ TÀI CHÍNH')).toBe('Sở Tài chính');
    expect(read('ĐẢNG BỘ TỈNH BẮC NINH\nHUYỆN ỦY GIA BÌNH')).toBe('Huyện ủy Gia Bình');
    expect(read('TỈNH ỦY QUẢNG NGÃI')).toBe('Tỉnh ủy Quảng Ngãi');
  });

  it('reads an issuer block above the number line, cutting a motto merged on the same line', () => {
    const text = 'TỈNH ỦY QUẢNG NGÃI     ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 12-KH/TU     Quảng Ngãi, ngày 05 tháng 01 năm 2024\nKẾ HOẠCH';
    const h = extractDocumentHeader(text)!;
    expect(h.issuer).toBe('Tỉnh ủy Quảng Ngãi');
    expect(h.id).toBe('12-KH/TU');
    expect(h.date).toBe('2024-01-05');
    const u = extractDocumentHeader('ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-UBND\nBình Định, ngày 2 tháng 3 năm 2021')!;
    // the locality line completes the body named on the line above
    expect(u.issuer).toBe('Ủy ban nhân dân tỉnh Bình Định');
    expect(u.place).toBe('Bình Định');
    expect(u.date).toBe('2021-03-02');
  });

  it('throws a TypeError naming the argument', () => {
    expect(() => extractDocumentHeader(undefined as unknown as string)).toThrow(/"text"/);
  });
});

describe('ordinaryCase', () => {
  it.each([
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'Sở Khoa học và Công nghệ'],
    ['UBND TỈNH QUẢNG NGÃI', 'UBND tỉnh Quảng Ngãi'],
    ['BAN THƯỜNG VỤ TỈNH ỦY', 'Ban Thường vụ Tỉnh ủy'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', 'Ủy ban nhân dân thành phố Hà Nội'],
    ['BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'Bộ Tài nguyên và Môi trường'],
  ])('%s', (upper, ordinary) => {
    expect(ordinaryCase(upper)).toBe(ordinary);
  });
});
