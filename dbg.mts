import { extractReferences, extractDocumentHeader } from './src/index.ts';
const cases = [
 'BÁO CÁO KẾT QUẢ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ',
 'Nghi quyet so 52-NQ/TW ngay 27/9/2019 cua Bo Chinh tri ve mot so chu truong',
 'theo Quyết định số 1562/QĐ-TTG ngày 18 tháng 7 năm 2025 của Thủ tướng Chính phủ',
 'Căn cứ Nghị định số 65/2023/ND-CP; Quyết định số 12/QD-UBND của HDND tỉnh',
 'Chương trình số 65-Ctr/TU và Công văn số 94- KH/BTGDVTW, Luật số 954/ 2020/UBTVQH14',
 'giai đoạn 2021-2025, 20/34 tỉnh, 2136 DVCTT/2253 TTHC, CSDLQG/HTTT, 30–50%, KH&CN, V/v, b/c, T/M, 0255.3822.123, ngày 27/9/2019',
 'Nghị định 136/2025/NĐ-CP do Văn phòng Chính phủ ban hành ngày 5/6/2025',
 'Nghị quyết số 57\u2013NQ/TW ngày 22/12/2024 và Nghị quyết\u00a0số 71/NQ\u2013CP',
];
for (const c of cases) { console.log(c); for (const r of extractReferences(c)) console.log('   ', r.id, '|', r.docType, '|', r.date, '|', r.issuer, '|', r.relation, '|', JSON.stringify(r.text)); }
