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

describe('text glued or dotted by PDF extraction', () => {
  it('a word glued to the symbol\'s end is no part of it ("NĐ-CPngày", "TTGvà"); the date after it is read', () => {
    const r = one('quy định tại Điều 20 Nghị định số 35/2016/NĐ-CPngày 15/5/2016 của Chính phủ');
    expect(r.id).toBe('35/2016/NĐ-CP');
    expect(r.date).toBe('2016-05-15');
    expect(r.issuer).toBe('Chính phủ');
    expect(ids('Căn cứ Nghị quyết số 01/2021/UBTVQH15, Quyết định số 30/2021/QĐ-TTGvà Chỉ thị 21/CT-TTg ngày 05 tháng 8 năm 2021')).toEqual([
      '01/2021/UBTVQH15',
      '30/2021/QĐ-TTg',
      '21/CT-TTg',
    ]);
    // A mixed-case code is not cut: "TTg", "CTr", "QĐi".
    expect(ids('Quyết định số 5/QĐ-TTg và Chương trình số 12-CTr/TU, Quy định số 08-QĐi/TW')).toEqual(['5/QĐ-TTg', '12-CTr/TU', '08-QĐi/TW']);
  });
  it('"số" glued to the type name before the number ("Thông tưsố200/2014/TT-BTC")', () => {
    expect(ids('ban hành kèm theo Thông tưsố200/2014/TT-BTCngày 22/12/2014 của Bộ Tài chính')).toEqual(['200/2014/TT-BTC']);
  });
  it('a dot for the dash between two known codes ("NĐ.CP"); a sentence\'s dot is not', () => {
    expect(ids('Căn cứ Nghị định số 142/2005/NĐ.CP ngày 14/11/2005 của Chính phủ')).toEqual(['142/2005/NĐ-CP']);
    expect(ids('theo Quyết định số 125/2006/QĐ.UBND ngày 12/5/2006')).toEqual(['125/2006/QĐ-UBND']);
    expect(ids('theo Nghị định số 12/2020/NĐ-CP.Tỉnh ủy chỉ đạo')).toEqual(['12/2020/NĐ-CP']);
  });
});

describe('forms are not documents', () => {
  it('a form\'s noun a few words before "số", or glued to the word before it ("theomẫu")', () => {
    expect(ids('Phụ lục kèm theo tờ khai quyết toán thuế TNDN số 03/TNDN ban hành kèm theo Thông tư số 78/2014/TT-BTC')).toEqual(['78/2014/TT-BTC']);
    expect(ids('nộp hồ sơ khai thuế theomẫu số 01/GTGT, phụ lục bảng phân bổ')).toEqual([]);
    expect(ids('Sổ cung cấp thông tin lý lịch tư pháp: mẫu sổ 09/2013/TT-LLTP thay thế mẫu sổ 09/TT-LLTP;')).toEqual([]);
    // A type name stands nearer: a document.
    expect(ids('theo mẫu ban hành kèm theo Thông tư số 80/2021/TT-BTC')).toEqual(['80/2021/TT-BTC']);
  });
});

describe('document types beyond the usual list', () => {
  it('a licence: "Giấy phép thăm dò số 709/GP-TNMT-QLTN" (type code GP, the words between name and "số" in the span)', () => {
    const r = one('Giấy phép thăm dò số 709/GP-TNMT- QLTN ngày 12/9/2007 của STNMT, thời hạn 06 tháng');
    expect(r.text).toBe('Giấy phép thăm dò số 709/GP-TNMT- QLTN');
    expect([r.docType, r.typeCode, r.issuerCode, r.issuer]).toEqual(['Giấy phép', 'GP', 'TNMT', 'STNMT']);
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

describe('relations', () => {
  const rel = (text: string) => extractReferences(text).map((r) => r.relation);

  it('"theo quy định tại <ref>" points to a provision: refers, also after "thực hiện"', () => {
    expect(rel('Nội dung chi thực hiện theo quy định tại khoản 2 Điều 5 Thông tư số 97/2010/TT-BTC.')).toEqual(['refers']);
    expect(rel('Hồ sơ thực hiện theo quy định của Nghị định số 17/1999/NĐ-CP ngày 29 tháng 3 năm 1999.')).toEqual(['refers']);
    // Without "quy định", "thực hiện <task> theo <ref>" implements it.
    expect(rel('khi thực hiện cải cách tiền lương theo Nghị quyết số 27-NQ/TW;')).toEqual(['implements']);
  });

  it('a part linked to its document ("quy định tại", "ban hành kèm theo") lets the verb before it decide', () => {
    expect(rel('Căn cứ quy định tại Điều 216, 217, 219 Luật Sở hữu trí tuệ số 50/2005/QH11;')).toEqual(['based-on']);
    expect(rel('Quyết định số 30/2020/QĐ-TTg sửa đổi Quy chế về tiếp nhận kiến nghị của cử tri ban hành kèm theo Quyết định 33/2017/QĐ-TTg;')).toEqual(['refers', 'amends']);
    expect(rel('triển khai thực hiện các nhiệm vụ quy định tại Nghị quyết số 57-NQ/TW')).toEqual(['implements']);
    // Not implementing verbs through "ban hành kèm theo", and not past a "theo" adjunct.
    expect(rel('thì thực hiện điều chỉnh theo mẫu C1-07/NS ban hành kèm theo Quyết định số 759/QĐ-BTC ngày 16/4/2013')).toEqual(['refers']);
    expect(rel('Điều 1. Bổ sung cửa khẩu áp dụng tờ khai theo mẫu ban hành kèm theo Thông tư số 120/2015/TT-BTC ngày 14/8/2015')).toEqual(['refers']);
  });

  it('nouns holding relation words do not relate: "hướng dẫn viên", "hiệu lực thi hành", "theo chỉ đạo"', () => {
    expect(rel('Thủ tục cấp thẻ hướng dẫn viên du lịch quy định tại khoản 1 Điều 60 của Luật Du lịch số 09/2017/QH14')).toEqual(['refers']);
    expect(rel('theo dõi việc ban hành văn bản quy định chi tiết theo chỉ đạo của Thủ tướng Chính phủ tại Công điện số 36/CĐ-TTg ngày 25/4/2026')).toEqual(['refers']);
  });

  it('"hướng dẫn thực hiện <ref>" guides', () => {
    expect(rel('Thông tư số 120/2005/TT-BTC ngày 30/12/2005 của Bộ Tài chính hướng dẫn thực hiện Nghị định số 142/2005/NĐ-CP;')).toEqual(['refers', 'guides']);
  });

  it('amending laws named in a legal basis are part of it; elsewhere a passive agent only refers', () => {
    expect(rel('Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15 và Luật số 90/2025/QH15;')).toEqual([
      'based-on',
      'based-on',
      'based-on',
    ]);
    expect(rel('theo quy định tại Điều 35 Nghị định số 08/2015/NĐ-CP được sửa đổi, bổ sung tại khoản 19 Điều 1 Nghị định số 167/2025/NĐ-CP')).toEqual(['refers', 'refers']);
  });

  it('a dot inside a pinpoint ("Khoản 1.a") does not end the clause', () => {
    expect(rel('Căn cứ Khoản 1.a, Điều 36, Luật Đầu tư số 67/2014/QH13 ngày 26/11/2014 của Quốc hội khoá XIII quy định')).toEqual(['based-on']);
  });

  it('a quoted phrase does not end the clause ("Thay thế cụm từ “...” bằng cụm từ “...” tại ...")', () => {
    expect(rel('2. Bãi bỏ cụm từ “(Sở Lao động - Thương binh và Xã hội)” tại khoản 2 Điều 8 Thông tư số 44/2022/TT-BTC.')).toEqual(['repeals']);
    expect(rel('Thay thế cụm từ “Cục trưởng” bằng cụm từ “Thủ trưởng” tại Mẫu số 13 Phụ lục III ban hành kèm theo Nghị định số 17/2023/NĐ-CP.')).toEqual(['amends']);
  });

  it('a ";" item takes the relation of the previous item\'s first reference, not the sentence head', () => {
    expect(
      rel('1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2017; thay thế Thông tư số 36/2004/TT-BTC ngày 26 tháng 4 năm 2004 của Bộ trưởng Bộ Tài chính quy định chế độ thu; Thông tư số 98/2011/TT-BTC ngày 05 tháng 7 năm 2011 và Thông tư số 01/2013/TT-BTC ngày 02 tháng 01 năm 2013 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung Thông tư số 36/2004/TT-BTC.'),
    ).toEqual(['replaces', 'replaces', 'replaces', 'amends']);
  });

  it('a ";" item does not take the inner verb of the item before it', () => {
    expect(
      rel('vẫn thực hiện theo quy định tại các Nghị định của Chính phủ, gồm Nghị định số 123/2003/NĐ-CP ngày 22 tháng 10 năm 2003 quy định về tiêu chuẩn và Nghị định số 65/2009/NĐ-CP ngày 31 tháng 7 năm 2009 sửa đổi, bổ sung một số điều của Nghị định số 123/2003/NĐ-CP ngày 22 tháng 10 năm 2003; Nghị định số 13/2013/NĐ-CP ngày 25 tháng 01 năm 2013 quy định về tiêu chuẩn.'),
    ).toEqual(['refers', 'refers', 'amends', 'refers']);
    expect(
      rel('[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ thực hiện Nghị quyết số 21-NQ/TW; Chương trình số 144-CTr/TU ngày 22/01/2018 của Ban Thường vụ Tỉnh ủy Hậu Giang.'),
    ).toEqual(['refers', 'implements', 'refers']);
  });

  it('a ":" list takes the relation read back from its colon', () => {
    expect(rel('b) Bổ sung có mục tiêu cho các địa phương để triển khai các dự án theo quy định tại các Quyết định: số 39/2021/QĐ-TTg, số 18/2023/QĐ-TTg và số 880/QĐ-TTg.')).toEqual([
      'refers',
      'refers',
      'refers',
    ]);
  });
});

describe('compound type names and variant codes', () => {
  it('"Thông báo kết luận số N-TB/TW": the head noun agreeing with the code is the type', () => {
    const [r] = extractReferences('Thực hiện Thông báo kết luận số 123-TB/TW ngày 05/3/2024 của Bộ Chính trị');
    expect(r).toMatchObject({ id: '123-TB/TW', docType: 'Thông báo', text: 'Thông báo kết luận số 123-TB/TW' });
  });
  it('"Báo cáo số 12/KH-UBND": a name that disagrees with the code is kept, with less confidence', () => {
    const [r] = extractReferences('Báo cáo số 12/KH-UBND ngày 05/3/2024');
    expect(r.docType).toBe('Báo cáo');
    expect(r.confidence).toBeLessThan(0.8);
  });
  it('"69-QĐ/TƯ" is the official 69-QĐ/TW', () => {
    const [r] = extractReferences('Quy định số 69-QĐ/TƯ ngày 06/7/2022 của Bộ Chính trị');
    expect(r).toMatchObject({ id: '69-QĐ/TW', issuerCode: 'TW', text: 'Quy định số 69-QĐ/TƯ' });
  });
});
