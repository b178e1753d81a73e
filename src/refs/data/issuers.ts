/**
 * Words that name issuing bodies, for reading the issuer of a reference
 * ("của Ban Thường vụ Tỉnh ủy", "UBND tỉnh ban hành ...") and for writing a
 * header's upper-case issuer block in ordinary capitalization ("SỞ KHOA HỌC
 * VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ"). Each entry has a real example.
 * Matching is on folded, lower-cased words.
 */

export interface OrgHead {
  /** The words that open the name of a body. */
  words: string;
  example: string;
}

/**
 * Words that open the name of an issuing body. An issuer written before
 * "ban hành" must start with one of these (or with an upper-case code such
 * as UBND); after "của" any capitalized name is read.
 */
export const ORG_HEADS: readonly OrgHead[] = [
  { words: 'ban', example: 'Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 08-NQ/TU' },
  { words: 'bộ', example: 'của Bộ Chính trị' },
  { words: 'sở', example: 'của Sở Khoa học và Công nghệ' },
  { words: 'ủy ban', example: 'của Ủy ban nhân dân tỉnh Bình Phước' },
  { words: 'hội đồng', example: 'của Hội đồng nhân dân tỉnh' },
  { words: 'chính phủ', example: 'Chính phủ đã ban hành Nghị quyết số 66/NQ-CP' },
  { words: 'thủ tướng', example: 'Thủ tướng Chính phủ đã ban hành Quyết định số 659/QĐ-TTg' },
  { words: 'chủ tịch', example: 'Chủ tịch UBND tỉnh ban hành Quyết định số 827/QĐ-UBND' },
  { words: 'quốc hội', example: 'của Quốc hội' },
  { words: 'tỉnh ủy', example: 'của Tỉnh ủy' },
  { words: 'thành ủy', example: 'của Thành ủy Hà Nội' },
  { words: 'huyện ủy', example: 'của Huyện ủy Trà Bồng' },
  { words: 'đảng ủy', example: 'của Đảng ủy Khối' },
  { words: 'đảng đoàn', example: 'của Đảng đoàn Quốc hội' },
  { words: 'văn phòng', example: 'của Văn phòng Chính phủ' },
  { words: 'tổng cục', example: 'của Tổng cục Thuế' },
  { words: 'cục', example: 'của Cục Thuế' },
  { words: 'chi cục', example: 'của Chi cục Thuế' },
  { words: 'tòa án', example: 'của Tòa án nhân dân tối cao' },
  { words: 'viện', example: 'của Viện kiểm sát nhân dân tối cao' },
  { words: 'kiểm toán', example: 'của Kiểm toán nhà nước' },
  { words: 'ngân hàng', example: 'của Ngân hàng Nhà nước Việt Nam' },
  { words: 'thanh tra', example: 'của Thanh tra Chính phủ' },
  { words: 'bộ trưởng', example: 'của Bộ trưởng Bộ Công an' },
  { words: 'giám đốc', example: 'của Giám đốc Sở Tài chính' },
  { words: 'thống đốc', example: 'của Thống đốc Ngân hàng Nhà nước' },
  { words: 'chánh án', example: 'của Chánh án Tòa án nhân dân tối cao' },
  { words: 'viện trưởng', example: 'của Viện trưởng Viện kiểm sát nhân dân tối cao' },
  { words: 'mặt trận', example: 'của Mặt trận Tổ quốc Việt Nam' },
  { words: 'trung ương', example: 'của Trung ương Đoàn' },
  { words: 'liên đoàn', example: 'của Liên đoàn Lao động tỉnh' },
  { words: 'tổng liên đoàn', example: 'của Tổng Liên đoàn Lao động Việt Nam' },
  { words: 'trung tâm', example: 'của Trung tâm Chuyển đổi số tỉnh' },
  { words: 'phòng', example: 'của Phòng Kinh tế' },
  { words: 'đoàn', example: 'của Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam' },
  { words: 'hội', example: 'của Hội Chăn nuôi Việt Nam' },
];

/** Locality words written in lower case inside a body's name ("UBND tỉnh Quảng Ngãi"). */
export const LOCALITY_WORDS: readonly string[] = ['tỉnh', 'thành phố', 'huyện', 'xã', 'phường', 'quận', 'thị xã', 'thị trấn', 'đặc khu'];

/**
 * Words that end an issuer's name: topic and verb phrases, prepositions,
 * dates ("của Chính phủ về ...", "của UBND tỉnh thực hiện ...", "của Thủ
 * tướng Chính phủ phê duyệt ..."). Checked on words not written as names
 * (lower case, or any case in all-capital text).
 */
export const ISSUER_STOP_WORDS: readonly string[] = [
  'về',
  'thực hiện',
  'triển khai',
  'ban hành',
  'quy định',
  'phê duyệt',
  'hướng dẫn',
  'sửa đổi',
  'bổ sung',
  'thay thế',
  'bãi bỏ',
  'tại',
  'theo',
  'đã',
  'được',
  'là',
  'có',
  'trong',
  'cho',
  'với',
  'để',
  'nhằm',
  'ngày',
  'số',
  'từ',
  'đến',
  'năm',
  'tháng',
  'nay',
  'này',
  'gồm',
  'giao',
  'trình',
  'kèm',
  'căn cứ',
  'đối với',
  'trên',
  'khi',
  'sau',
  'trước',
  'vào',
  'tham mưu',
  'chỉ đạo',
  'đề nghị',
  'gửi',
  'công bố',
  'cho phép',
  'nêu',
  'và các',
  'các',
  'những',
  'một',
  'thì',
  'mà',
  'nên',
  'do',
  'bởi',
  'qua',
  'như',
  'hiện',
  'đang',
  'sẽ',
  'vẫn',
  'cũng',
  'thành lập',
  'nhưng',
  'hoặc',
  'chưa',
  'nếu',
  'vì',
  'đều',
  'hết hiệu lực',
  'quyết định',
];

export interface TopicOpener {
  /** As written in title case. */
  words: string;
  /** A real citation whose issuer ends before it. */
  example: string;
  issuer: string;
}

/**
 * Capitalized words that open a topic after an issuer's name (titles from
 * web databases capitalize the topic's first word): the name ends before
 * them. Matched on their spelling (with diacritics), so place names that fold
 * alike ("Nam", "Giao thông") are not cut.
 */
export const TOPIC_OPENERS: readonly TopicOpener[] = [
  { words: 'Ban hành', example: 'Quyết định số 19/2020/QĐ-UBND ngày 15/6/2020 của UBND tỉnh Quảng Bình Ban hành Quy định về quản lý', issuer: 'UBND tỉnh Quảng Bình' },
  { words: 'Thành lập', example: 'Quyết định số 136/2005/QĐ-UB ngày 15/11/2005 của Ủy ban nhân dân tỉnh Bình Phước Thành lập Trung tâm y tế', issuer: 'Ủy ban nhân dân tỉnh Bình Phước' },
  { words: 'Phê duyệt', example: 'Quyết định số 25/QĐ-UBND ngày 10/01/2024 của Chủ tịch UBND tỉnh Phê duyệt kế hoạch', issuer: 'Chủ tịch UBND tỉnh' },
  { words: 'Cho phép', example: 'Quyết định số 83/2003/QĐ-UB ngày 02/10/2003 của Ủy ban nhân dân tỉnh Bình Phước Cho phép thành lập Hội Đông y', issuer: 'Ủy ban nhân dân tỉnh Bình Phước' },
  { words: 'Bổ sung', example: 'Quyết định số 45/2006/QĐ-UB ngày 20/4/2006 của Ủy ban nhân dân tỉnh Bình Phước Bổ sung lĩnh vực cấp', issuer: 'Ủy ban nhân dân tỉnh Bình Phước' },
  { words: 'Sửa đổi', example: 'Quyết định số 12/2019/QĐ-UBND ngày 05/3/2019 của UBND tỉnh Bắc Giang Sửa đổi một số điều', issuer: 'UBND tỉnh Bắc Giang' },
  { words: 'Công bố', example: 'Quyết định số 2811/QĐ-UBND ngày 20/11/2025 của Chủ tịch UBND tỉnh Đồng Nai Công bố Danh mục thủ tục hành chính', issuer: 'Chủ tịch UBND tỉnh Đồng Nai' },
  { words: 'Về việc', example: 'Công văn số 120/SKHĐT-TH ngày 08/3/2024 của Sở Kế hoạch và Đầu tư Về việc góp ý dự thảo', issuer: 'Sở Kế hoạch và Đầu tư' },
  { words: 'Về', example: 'Thông tư số 12/2020/TT-BTC ngày 20/02/2020 của Bộ Tài chính Về hướng dẫn', issuer: 'Bộ Tài chính' },
];

/**
 * Names of bodies that nothing but a term ("khóa XV") or "Việt Nam" can
 * extend: after them a capitalized word starts the topic ("của Chính phủ Ứng
 * dụng công nghệ thông tin ..." → "Chính phủ").
 */
export const COMPLETE_NAMES: readonly string[] = ['Chính phủ', 'Quốc hội', 'Bộ Chính trị', 'Ban Bí thư', 'Chủ tịch nước'];

/** Words after "khóa" that make a term qualifier part of the name ("Ban Thường vụ Tỉnh ủy khóa XX"). */
export const TERM_WORD = 'khóa';

/**
 * Multi-syllable words used in names of bodies, in ordinary capitalization,
 * to write an all-capital header block ("SỞ KHOA HỌC VÀ CÔNG NGHỆ"). Longest
 * first wins; a name not covered gets each syllable capitalized (place names).
 */
export const NAME_WORDS: readonly string[] = [
  // bodies
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Ban Thường vụ',
  'Ban Chấp hành',
  'Ban Chỉ đạo',
  'Ban Bí thư',
  'Bộ Chính trị',
  'Trung ương',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Đảng ủy',
  'Đảng bộ',
  'Đảng đoàn',
  'Ban cán sự',
  'Văn phòng',
  'Chính phủ',
  'Thủ tướng',
  'Chủ tịch',
  'Quốc hội',
  'Tổng cục',
  'Chi cục',
  'Tòa án nhân dân',
  'Viện kiểm sát nhân dân',
  'Mặt trận Tổ quốc',
  'Việt Nam',
  'Trung tâm',
  'Sở',
  'Bộ',
  'Ban',
  'Cục',
  'Phòng',
  // fields of ministries, departments and Party boards
  'Khoa học',
  'Công nghệ',
  'Tài chính',
  'Kế hoạch',
  'Đầu tư',
  'Nội vụ',
  'Tư pháp',
  'Công Thương',
  'Xây dựng',
  'Giao thông',
  'Vận tải',
  'Y tế',
  'Giáo dục',
  'Đào tạo',
  'Lao động',
  'Thương binh',
  'Xã hội',
  'Nông nghiệp',
  'Phát triển',
  'Nông thôn',
  'Môi trường',
  'Tài nguyên',
  'Văn hóa',
  'Thể thao',
  'Du lịch',
  'Thông tin',
  'Truyền thông',
  'Ngoại vụ',
  'Ngoại giao',
  'Dân tộc',
  'Tôn giáo',
  'Quốc phòng',
  'Công an',
  'Thanh tra',
  'Tuyên giáo',
  'Dân vận',
  'Tổ chức',
  'Kiểm tra',
  'Nội chính',
  'Kinh tế',
  'Chính sách',
  'Ngân hàng',
  'Nhà nước',
  'Quân sự',
  'Biên phòng',
  'và',
];

export interface IssuerVerb {
  /** The verb phrase between the body and "tại <reference>". */
  words: string;
  /** A real sentence with it. */
  example: string;
  issuer: string;
}

/**
 * Verbs by which a text says a body wrote what a reference holds: "X (đã)
 * VERB tại <reference>", "được X VERB tại <reference>" name X as the
 * reference's issuer ("như Tổng cục Hải quan đề cập tại công văn số ...").
 * The body must open with a head word (Bộ, Sở, Tổng cục, UBND ...). Not
 * "quy định tại": "thủ tục ... của UBND tỉnh quy định tại Nghị quyết số
 * 35/2025/NQ-HĐND" means "provided in", its subject is not the author.
 */
export const ISSUER_VERBS_BEFORE_TAI: readonly IssuerVerb[] = [
  { words: 'đề cập', example: 'như Tổng cục Hải quan đề cập tại công văn số 1170/TCHQ-GSQL nêu trên', issuer: 'Tổng cục Hải quan' },
  { words: 'thông qua', example: 'theo định hướng đã được Quốc hội thông qua tại Nghị quyết số 103/2023/QH15 ngày 09 tháng 11 năm 2023', issuer: 'Quốc hội' },
  { words: 'hướng dẫn', example: 'Tổng cục Thuế đã hướng dẫn tại Công văn số 1234/TCT-CS ngày 05/4/2022', issuer: 'Tổng cục Thuế' },
  { words: 'có hướng dẫn', example: 'Tổng cục Thuế đã có hướng dẫn tại Công văn số 2468/TCT-CS ngày 06/6/2023', issuer: 'Tổng cục Thuế' },
  { words: 'nêu', example: 'như Bộ Tài chính đã nêu tại Công văn số 5678/BTC-TCT ngày 10/6/2021', issuer: 'Bộ Tài chính' },
  { words: 'có ý kiến', example: 'Bộ Tư pháp đã có ý kiến tại Công văn số 2455/BTP-VĐCXDPL ngày 12/7/2024', issuer: 'Bộ Tư pháp' },
  { words: 'trả lời', example: 'Cục Thuế đã trả lời tại Công văn số 1111/CTHN-TTHT ngày 03/3/2023', issuer: 'Cục Thuế' },
  { words: 'chỉ đạo', example: 'Thủ tướng Chính phủ đã chỉ đạo tại Công điện số 12/CĐ-TTg ngày 15/3/2025', issuer: 'Thủ tướng Chính phủ' },
  { words: 'yêu cầu', example: 'Ủy ban nhân dân tỉnh đã yêu cầu tại Văn bản số 345/UBND-KT ngày 02/02/2024', issuer: 'Ủy ban nhân dân tỉnh' },
  { words: 'giao', example: 'các nhiệm vụ được UBND tỉnh giao tại Kế hoạch số 51/KH-UBND ngày 14/3/2024', issuer: 'UBND tỉnh' },
];

/**
 * Lower-case words that open the name of a joint issuer: "của liên Bộ Lao
 * động - Thương binh và Xã hội - Tài chính", "của liên tịch Bộ Y tế - Bộ Tài
 * chính".
 */
export const JOINT_PREFIXES: readonly string[] = ['liên tịch', 'liên'];
