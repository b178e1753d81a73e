/**
 * Sentence forms met in administrative and legal text beyond the seed
 * reports (the held-out review of fixtures/gold-heldout): each test is one
 * rule of the grammar, on sentences of the form the corpus writes (numbers
 * and names changed where the corpus line itself is held out).
 */
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/refs/extract.js';
import { ISSUER_VERBS_BEFORE_TAI, TOPIC_OPENERS } from '../../src/refs/data/issuers.js';
import type { Reference } from '../../src/schema.js';

const one = (text: string): Reference => {
  const refs = extractReferences(text);
  expect(refs).toHaveLength(1);
  return refs[0];
};
const ids = (text: string) => extractReferences(text).map((r) => r.id);
const issuers = (text: string) => extractReferences(text).map((r) => r.issuer);

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

describe('issuer names', () => {
  it('a type name after a body\'s head word is its field ("Sở Kế hoạch và Đầu tư", "Đoàn Luật sư")', () => {
    expect(one('Công văn số 120/SKHĐT-TH ngày 08/3/2024 của Sở Kế hoạch và Đầu tư về việc góp ý').issuer).toBe('Sở Kế hoạch và Đầu tư');
    expect(one('Thông tư số 04/2012/TT-BKHĐT của Bộ Kế hoạch và Đầu tư.').issuer).toBe('Bộ Kế hoạch và Đầu tư');
    expect(one('Tờ trình số 05-TTr/ĐLS ngày 02/4/2025 của Đoàn Luật sư tỉnh Bình Thuận.').issuer).toBe('Đoàn Luật sư tỉnh Bình Thuận');
    // A type name that does not follow a head word still ends the name.
    expect(one('Quyết định số 1/QĐ-BTC của Bộ Tài chính Quy định về mức thu').issuer).toBe('Bộ Tài chính');
  });

  it('a stop word matches its spelling, not every word that folds alike ("giáo" is not "giao", "sáu" not "sau")', () => {
    expect(one('công văn số 1879-CV/BTGVTW ngày 13/8/2025 của Ban Tuyên giáo và Dân vận Trung ương về việc').issuer).toBe(
      'Ban Tuyên giáo và Dân vận Trung ương',
    );
    expect(one('Quyết định số 800/QĐ-BDTTG của Bộ trưởng Bộ Dân tộc và Tôn giáo về việc').issuer).toBe('Bộ trưởng Bộ Dân tộc và Tôn giáo');
    expect(one('Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII về').issuer).toBe(
      'Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII',
    );
    // Folded text (no diacritics at all) still stops at the folded word.
    expect(one('Nghi dinh so 12/2020/ND-CP cua Chinh phu ve viec').issuer).toBe('Chinh phu');
  });

  it('a hyphen joins the parts of a name ("Bộ Lao động - Thương binh và Xã hội", "Bà Rịa - Vũng Tàu")', () => {
    expect(one('Thông tư số 26/2016/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội hướng dẫn').issuer).toBe('Bộ Lao động - Thương binh và Xã hội');
    expect(one('Quyết định số 15/2021/QĐ-UBND của UBND tỉnh Bà Rịa - Vũng Tàu về').issuer).toBe('UBND tỉnh Bà Rịa - Vũng Tàu');
    expect(one('Quyết định số 05/2000/QĐ-BVHTT của Bộ trưởng Bộ Văn hóa - Thông tin ban hành').issuer).toBe('Bộ trưởng Bộ Văn hóa - Thông tin');
  });

  it('the bodies of a joint document joined by "-" are its issuer, up to the last whole one', () => {
    expect(
      one('Thông tư liên tịch số 20/2013/TTLT-BYT-BCT-BNNPTNT ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Y tế - Bộ trưởng Bộ Công Thương - Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn quy định').issuer,
    ).toBe('Bộ trưởng Bộ Y tế - Bộ trưởng Bộ Công Thương - Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn');
  });

  it('after a place, no lower-case syllable and no capitalized topic opener continue the name', () => {
    expect(one('Nghị quyết số 246/NQ-HĐND của Hội đồng nhân dân tỉnh Vĩnh Long quyết định việc áp dụng').issuer).toBe('Hội đồng nhân dân tỉnh Vĩnh Long');
    expect(one('Công văn số 20595/HAN-QLDN5 của Chi cục Thuế thành phố Hà Nội không có').issuer).toBe('Chi cục Thuế thành phố Hà Nội');
    // Place names that fold like stop words are names: "Nam" is not "năm".
    expect(one('Quyết định số 44/2024/QĐ-UBND của Ủy ban nhân dân tỉnh Hà Nam về').issuer).toBe('Ủy ban nhân dân tỉnh Hà Nam');
    expect(one('Quyết định số 10/2007/QĐ-BGTVT của Bộ trưởng Bộ Giao thông vận tải quyết định').issuer).toBe('Bộ trưởng Bộ Giao thông vận tải');
  });

  for (const o of TOPIC_OPENERS) {
    it(`a capitalized "${o.words}" opens the topic: ${o.example}`, () => {
      expect(one(o.example).issuer).toBe(o.issuer);
    });
  }

  it('nothing but a term or "Việt Nam" extends a complete name ("Chính phủ nhưng chưa ...")', () => {
    expect(one('theo Nghị định số 68/2020/NĐ-CP ngày 24 tháng 6 năm 2020 của Chính phủ nhưng chưa thực hiện').issuer).toBe('Chính phủ');
    expect(one('Nghị định số 75/2024/NĐ-CP của Chính phủ điều chỉnh lương hưu').issuer).toBe('Chính phủ');
  });

  it('"X và Quy" cut from "Quy trình" is no second body', () => {
    expect(one('Quyết định số 112/KT ngày 15 tháng 5 năm 1989 của Cục trưởng Cục Đo đạc và Bản đồ Nhà nước và Quy trình hiện chỉnh').issuer).toBe(
      'Cục trưởng Cục Đo đạc và Bản đồ Nhà nước',
    );
  });

  it('a name of one word is a code or a head word: OCR debris ("cua B¢ Chinh") names no issuer', () => {
    expect(one('Nghi quyét so 30-NQ/TW ngay 25/7/2018 cua B¢ Chinh\ntri vé').issuer).toBeNull();
    expect(issuers('Quyết định số 12/QĐ-UBND của UBND về việc')).toEqual(['UBND']);
  });
});

describe('issuers read around a reference', () => {
  it('the bodies of a joint document listed after "của" ("X, Y, Z", "X và Y", "liên Bộ ...")', () => {
    expect(one('theo Điều 31 Thông tư liên tịch số 06/2019/TTLT-VKSNDTC-BCA-BQP ngày 19/10/2019 của Viện kiểm sát nhân dân tối cao, Bộ Công an, Bộ Quốc phòng quy định về phối hợp').issuer).toBe(
      'Viện kiểm sát nhân dân tối cao, Bộ Công an, Bộ Quốc phòng',
    );
    expect(one('Thông tư liên tịch số 29/2014/TTLT-BLĐTBXH-BTC của Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính hướng dẫn').issuer).toBe(
      'Bộ Lao động - Thương binh và Xã hội và Bộ Tài chính',
    );
    expect(one('Thông tư liên tịch số 08/1999/TTLT-BYT-BLĐTBXH ngày 20 tháng 4 năm 1999 của liên tịch Bộ Y tế - Bộ Lao động - Thương binh và Xã hội hướng dẫn').issuer).toBe(
      'liên tịch Bộ Y tế - Bộ Lao động - Thương binh và Xã hội',
    );
    // Not for a document of one body: "của Bộ Tài chính, Bộ Công an ..." after a Thông tư is the next phrase's.
    expect(one('Thông tư số 12/2020/TT-BTC của Bộ Tài chính, Bộ Công an có trách nhiệm').issuer).toBe('Bộ Tài chính');
  });

  it('"(đề nghị) của X tại A, B và C" gives X to each; "... và Y tại B" gives Y', () => {
    expect(issuers('Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 41/TTr-STC ngày 03 tháng 9 năm 2025, Công văn số 3120/STC-QLGCS ngày 10 tháng 9 năm 2025.')).toEqual([
      'Giám đốc Sở Tài chính',
      'Giám đốc Sở Tài chính',
    ]);
    expect(issuers('Theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường tại các văn bản số: 7001/BNNMT-ĐCKS ngày 02 tháng 10 năm 2025 và 7002/BNNMT-ĐCKS ngày 03 tháng 10 năm 2025.')).toEqual([
      'Bộ trưởng Bộ Nông nghiệp và Môi trường',
      'Bộ trưởng Bộ Nông nghiệp và Môi trường',
    ]);
    expect(issuers('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 212/TTr-SNV ngày 20 tháng 01 năm 2025 và Chủ tịch Hiệp hội Du lịch tỉnh tại Công văn số 05/HHDL ngày 02 tháng 01 năm 2025.')).toEqual([
      'Giám đốc Sở Nội vụ',
      'Chủ tịch Hiệp hội Du lịch tỉnh',
    ]);
    // The next reference of the run keeps an issuer code of its own: another body's document is not X's.
    expect(issuers('Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 41/TTr-STC, Công văn số 88/SNV-TCBC.')).toEqual(['Giám đốc Sở Tài chính', null]);
  });

  for (const v of ISSUER_VERBS_BEFORE_TAI) {
    it(`"X ${v.words} tại <ref>" names X: ${v.example}`, () => {
      expect(one(v.example).issuer).toBe(v.issuer);
    });
  }
  it('"X quy định tại <ref>" does not: it means "provided in"', () => {
    expect(one('Bản sao Quyết định phê duyệt hỗ trợ của UBND Thành phố quy định tại Nghị quyết số 35/2025/NQ-HĐND./.').issuer).toBeNull();
  });

  it('"do X ban hành" closing the title a reference opens names X (web database titles)', () => {
    expect(
      issuers('Thông tư 22/2020/TT-NHNN sửa đổi Thông tư 19/2016/TT-NHNN quy định về hoạt động thẻ ngân hàng do Ngân hàng Nhà nước Việt Nam ban hành'),
    ).toEqual(['Ngân hàng Nhà nước Việt Nam', null]);
    expect(
      issuers('Quyết định 1973/QĐ-UBND năm 2025 công bố Danh mục thủ tục hành chính do tỉnh Cao Bằng ban hành Quyết định 1973/QĐ-UBND ngày 28/11/2025 công bố Danh mục thủ tục hành chính do tỉnh Cao Bằng ban hành Ban hành: 28/11/2025'),
    ).toEqual(['tỉnh Cao Bằng', 'tỉnh Cao Bằng']);
    // Inside a sentence, "do X ban hành" qualifies another noun.
    expect(one('Các cơ quan thực hiện theo Nghị định số 15/2020/NĐ-CP đối với các văn bản do Bộ Tài chính ban hành trong năm').issuer).toBeNull();
  });
});
