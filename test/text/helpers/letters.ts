/** The 134 precomposed Vietnamese letters: 67 lower case (66 vowels with marks and đ) and their capitals. */
const BASES = 'aăâeêioôơuưy';
const MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

export const LOWER_LETTERS: string[] = [];
for (const b of BASES) for (const m of MARKS) {
  const ch = (b + m).normalize('NFC');
  if (ch.charCodeAt(0) >= 0x80) LOWER_LETTERS.push(ch);
}
LOWER_LETTERS.push('đ');
export const UPPER_LETTERS = LOWER_LETTERS.map((c) => c.toUpperCase());
export const ALL_LETTERS = [...LOWER_LETTERS, ...UPPER_LETTERS];
