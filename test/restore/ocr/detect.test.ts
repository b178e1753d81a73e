import { describe, expect, it } from 'vitest';
import { detectInputKind, inspectInputKind } from '../../../src/restore/detect.js';
import { DAMAGE_NONE, DAMAGE_STRONG, DAMAGE_WEAK, damageOf, inspectOcr } from '../../../src/restore/ocr/detect.js';
import { confirmVieOcr, suspectVieOcr } from '../../../src/restore/ocr/detect-vie.js';
import { foldedSyllables } from '../../../src/restore/syllables.js';
import { foldDiacritics } from '../../../src/text/fold.js';
import { ocrFixture, seedText, testModel } from './model.js';

const syl = foldedSyllables();
const damage = (w: string, afterNumber = false) => damageOf(w, syl, afterNumber);
const lines = (t: string, from: number, n: number) => t.split('\n').filter((l) => l.trim()).slice(from, from + n).join('\n');

describe('OCR damage of one word', () => {
  it('signs and digits among lower-case letters are strong damage', () => {
    for (const w of ['s6', 'ti&p', 't&', 'vi¢c', 'k¥', 'c6ng', 'ngu0i', 'ö', 'Ø1']) expect(damage(w), w).toBe(DAMAGE_STRONG);
  });

  it('marks no syllable carries are strong damage', () => {
    for (const w of ['quyêt', 'đăt', 'thợc', 'Quyêt']) expect(damage(w), w).toBe(DAMAGE_STRONG);
    for (const w of ['giếng', 'giết', 'quyết', 'uỷ', 'khoẻ', 'ĐẢNG']) expect(damage(w), w).toBe(DAMAGE_NONE);
  });

  it('codes, units and list letters are no damage', () => {
    for (const w of ['T2', 'G3', 'QH15', 'F1', 'D2', '24V', 'KH&CN', 'b', 'đ', 'x', 'GM_Point', '30a', 'm2', 'km2', 'cm3', '15tháng', 'sử;dụng', 'b)Điều'])
      expect(damage(w), w).toBe(DAMAGE_NONE);
    expect(damage('kg', true)).toBe(DAMAGE_NONE); // "50 kg"
    expect(damage('m3', true)).toBe(DAMAGE_NONE);
  });

  it('a syllable with a footnote mark beside it, English words and spelling slips are weak at most', () => {
    for (const w of ['dục*', 'lý3', 'vụ[8', 'carbon', 'ciia', 'cdc', 'website']) expect(damage(w), w).toBe(DAMAGE_WEAK);
    expect(damage('Tiếnhành')).toBe(DAMAGE_NONE); // two syllables glued
  });

  it('letters of other scripts are quoted, not misread: no damage', () => {
    for (const w of ['㐀', 'ぁ', '习近平', 'Дмитрий', 'λόγος']) expect(damage(w), w).toBe(DAMAGE_NONE);
    for (const w of ['ö', 'Straße', 'ø1']) expect(damage(w), w).not.toBe(DAMAGE_NONE);
    // fast-check found it: two CJK letters and one odd syllable made "OCR", and the corrector rewrote the syllable
    expect(detectInputKind('㐀\tぁ buẩng')).not.toBe('ocr');
    expect(detectInputKind('Дмитрий Медведев và Тập Cận Bình 习近平 đã hội đàm')).toBe('clean');
  });

  it('words glued by a quotation mark and the apostrophe names of the Central Highlands are no damage', () => {
    for (const w of ['tạo“Cải', 'là"Chương', 'H’rê', "M'Nông", 'K’Ho', 'H’re']) expect(damage(w), w).toBe(DAMAGE_NONE);
    // but a sign inside a syllable is still what a scan makes
    for (const w of ['ti’p', 'vi"c', 'qu’yết']) expect(damage(w), w).toBe(DAMAGE_STRONG);
  });
});

describe('detectInputKind: OCR', () => {
  it('calls a short passage without marks OCR on one scan-made word when damage is dense enough', () => {
    // "s6" for "số", "ciia" for "của": too few damaged words for the share rule alone
    expect(detectInputKind('Nghi dinh s6 65/2023/ND-CP ngay 23/8/2023 ciia Chinh phu')).toBe('ocr');
    // a subclause label in a long stripped passage is no scan damage
    const long = 'Theo quy dinh tai diem b1 khoan 2 Dieu 5 cua Thong tu nay, co quan quan ly co trach nhiem huong dan cac don vi thuc hien viec kiem tra, giam sat va bao cao ket qua dinh ky hang nam theo mau quy dinh.';
    expect(detectInputKind(long)).toBe('stripped');
  });

  it('never calls clean or stripped text with codes OCR', () => {
    const texts = [
      '(iii) PTTg, Bộ trưởng Ngoại giao: làm việc với UAE (T2, T4/2025), điện đàm Bộ trưởng Ngoại giao Hàn Quốc (3/2025).',
      'Các điểm G2, G3, G4 và F1, F2 theo QH15; chỉ số (2.002738) | 24V | 300A | COVID-19',
      'e) Các đối tượng quy định tại điểm c, d, đ khoản này được cấp tài khoản sử dụng',
      'a) Có kích thước không quá 1,2 mét x 0,7 mét; trọng lượng không quá 50 kg đối với mỗi bao, từ 0,2 m3 đến dưới 0,4 m3;',
      '1. Nguyên tắc Thực hành sản xuất tốt (Good Manufacturing Practice - sau đây gọi tắt là GMP) thực phẩm bảo vệ sức khỏe',
      'Kính an toàn, bao gồm kính tôi hoặc kính dán nhiều lớp (laminated glass).\n7013.10.00 - Bằng gốm thủy tinh',
      '+ Văn bản của huyện uỷ, quận uỷ, đảng uỷ trực thuộc tỉnh uỷ, thành uỷ và ban thường vụ huyện uỷ.',
      'b)Điều kiện tài chính (nếu có);\nTiếnhành đánh giá tài chính, thương mại các nhà thầu thuộc danh sách ngắn trên cùngmột mặt bằng',
    ];
    for (const t of texts) {
      expect(detectInputKind(t, { model: testModel() }), t).not.toBe('ocr');
      expect(detectInputKind(foldDiacritics(t), { model: testModel() }), t).not.toBe('ocr');
    }
    for (const f of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt']) {
      expect(detectInputKind(seedText(f), { model: testModel() }), f).toBe('clean');
      expect(detectInputKind(foldDiacritics(seedText(f)), { model: testModel() }), f).toBe('stripped');
    }
  });

  it('detects English-model OCR, also in a few lines, also heavily damaged', () => {
    expect(detectInputKind(ocrFixture('seed000-00.eng-d1-s1.txt'))).toBe('ocr');
    expect(detectInputKind(lines(ocrFixture('seed001-00.eng-d2-s5.txt'), 4, 4))).toBe('ocr');
    // most words damaged: the damaged words count as Vietnamese, not against it
    expect(detectInputKind('Tiep tuc thuc hien Nghi quyét s6 52 ciia B9 Chinh tri va ti&p tuc t& chuc vi¢c hi¢n nay, k¥ thuat s& 12')).toBe('ocr');
  });

  it('does not take English with a few signs for OCR', () => {
    expect(detectInputKind('The new model is ready to go, and so is the report: AT&T, R&D, e-mail.')).not.toBe('ocr');
    expect(inspectOcr('The quick brown fox jumps over the lazy dog').ocr).toBe(false);
  });

  it('detects Vietnamese-model OCR with the language model, and only with it', () => {
    const vie = ocrFixture('seed000-01.vie-d4-s1.txt');
    expect(detectInputKind(vie, { model: null })).toBe('clean'); // spelling alone: its damage mostly spells syllables
    const e = inspectInputKind(vie, { model: testModel() });
    expect(e.kind).toBe('ocr');
    expect(e.vieOcr!.changed).toBeGreaterThan(0.04 * e.vieOcr!.words);
  });

  it('asks the model only when the spelling gives cause, and clean text keeps it under the threshold', () => {
    const clean = seedText('000_2dae4cc2179c821d.txt');
    expect(suspectVieOcr(clean.slice(0, 3000), inspectOcr(clean.slice(0, 3000)))).toBe(false);
    const c = confirmVieOcr(clean, testModel());
    expect(c.ocr).toBe(false);
    expect(c.changed).toBeLessThan(0.02 * c.words);
  });
});
