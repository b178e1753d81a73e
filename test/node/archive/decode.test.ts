import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { binaryReason, binaryTextReason, decodeDocument, firstInvalidUtf8, decodeUtf8 } from '../../../src/node/archive/decode.js';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeDocument', () => {
  it('decodes UTF-8, with or without a BOM', () => {
    expect(decodeDocument(enc('Nghị quyết số 52-NQ/TW'))).toEqual({ text: 'Nghị quyết số 52-NQ/TW' });
    expect(decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Số 1')]))).toEqual({ text: 'Số 1' });
    expect(decodeDocument(new Uint8Array())).toEqual({ text: '' });
  });

  it('decodes UTF-16 with a BOM, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Số 52-NQ/TW', 'utf16le')]);
    expect(decodeDocument(new Uint8Array(le))).toEqual({ text: 'Số 52-NQ/TW' });
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeDocument(new Uint8Array(be))).toEqual({ text: 'Số 52-NQ/TW' });
  });

  it('refuses a UTF-16 file with an odd byte count', () => {
    expect(decodeDocument(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ error: { code: 'encoding' } });
  });

  it('refuses binary bytes: a NUL, or many control bytes', () => {
    expect(decodeDocument(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toEqual({
      error: { code: 'binary', message: 'binary: NUL byte at offset 4' },
    });
    const controls = new Uint8Array(100).fill(0x41);
    for (let i = 0; i < 20; i++) controls[i * 5] = 0x01;
    expect(decodeDocument(controls)).toMatchObject({ error: { code: 'binary' } });
  });

  it('keeps text with a few control characters (form feeds, escapes, a stray one)', () => {
    const text = 'Trang 1\fTrang 2\x1b[0m và \x07 chuông';
    expect(decodeDocument(enc(text))).toEqual({ text });
  });

  it('reads bytes in a legacy Vietnamese encoding through the normalizer (TCVN3)', () => {
    // "Nghị quyết số 52-NQ/TW" in TCVN3 (.VnTime): not UTF-8 (0xDE, 0xD5, 0xE8 are lone lead bytes).
    const tcvn3 = new Uint8Array(Buffer.from('NghÞ quyÕt sè 52-NQ/TW', 'latin1'));
    expect(decodeDocument(tcvn3)).toEqual({ text: 'Nghị quyết số 52-NQ/TW' });
  });

  it('refuses bytes that are neither UTF-8 nor a legacy encoding, naming the offset', () => {
    const r = decodeDocument(new Uint8Array([0x4e, 0x51, 0x20, 0x73, 0xff, 0xfe, 0x20, 0x35, 0xc0, 0xaf]));
    expect(r).toEqual({ error: { code: 'encoding', message: 'not UTF-8: invalid byte 0xff at offset 4' } });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x80], 1],
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0xe1, 0xbb], 1], // truncated
    [[0xe1, 0xbb, 0x8b], 3], // valid "ị"
  ])('%j -> %i', (bytes, at) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });

  it('agrees with Buffer.isUtf8 on random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'binary' }).map((s) => new Uint8Array(Buffer.from(s)))), (bytes) => {
        const valid = isUtf8(bytes);
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(valid);
      }),
    );
  });
});

describe('binary checks', () => {
  it('agree between bytes and text', () => {
    expect(binaryReason(enc('plain'))).toBeNull();
    expect(binaryTextReason('plain')).toBeNull();
    expect(binaryTextReason('a\0b')).toBe('binary: NUL character at offset 1');
    expect(binaryTextReason('\x01\x02\x03abc')).toMatch(/control characters/);
  });
});

describe('decodeUtf8', () => {
  it('decodes any valid UTF-8 exactly, short or long, ASCII or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'ố', 'Đ', '\n', '😀', 'ệ'), fc.string({ unit: 'grapheme', maxLength: 1 })) }), fc.nat(3000), (s, pad) => {
        for (const text of [s, 'x'.repeat(pad) + s, s + 'y'.repeat(pad)]) {
          const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
          expect(decodeUtf8(bytes)).toBe(text);
          // A view into a larger buffer.
          const wide = new Uint8Array(bytes.length + 10);
          wide.set(bytes, 5);
          expect(decodeUtf8(wide.subarray(5, 5 + bytes.length))).toBe(text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeUtf8 on invalid bytes', () => {
  it('refuses exactly what isUtf8 refuses, short or long', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.nat(2000), (tail, pad) => {
        for (const bytes of [tail, new Uint8Array([...Buffer.from('ệ'.repeat(pad)), ...tail]), new Uint8Array([...Buffer.from('a'.repeat(pad)), ...tail])]) {
          const got = decodeUtf8(bytes);
          if (isUtf8(bytes)) expect(got).toBe(Buffer.from(bytes).toString('utf8'));
          else expect(got).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
