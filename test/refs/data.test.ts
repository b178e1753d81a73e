/** Every example in the data tables reads as its entry says. */
import { describe, expect, it } from 'vitest';
import { GLUED_WORDS, ISSUER_CODES, TYPE_CODES, canonicalCode, codeKey, isKnownCode, splitFootnote } from '../../src/refs/data/codes.js';
import { DOC_TYPE_ABBREVIATIONS, DOC_TYPE_NAMES } from '../../src/refs/data/doc-types.js';
import { ORG_HEADS } from '../../src/refs/data/issuers.js';
import { RELATION_PHRASES, RELATIONS_AFTER } from '../../src/refs/data/relations.js';
import { parseSymbol } from '../../src/refs/grammar.js';
import { extractReferences } from '../../src/refs/extract.js';

describe('type codes', () => {
  for (const t of TYPE_CODES) {
    it(`${t.code}: ${t.example}`, () => {
      const s = parseSymbol(t.example, 0, true);
      expect(s).not.toBeNull();
      expect(s!.id).toBe(t.example);
      expect(s!.groups).toContain(t.code);
      if (s!.family !== 'court' && s!.groups.length > 1) expect(s!.typeCode).toBe(t.code);
    });
  }
  it('spells codes officially from any case and from ASCII', () => {
    expect(canonicalCode('ND')).toBe('NĐ');
    expect(canonicalCode('QD')).toBe('QĐ');
    expect(canonicalCode('qđ')).toBe('QĐ');
    expect(canonicalCode('TTG')).toBe('TTg');
    expect(canonicalCode('Ctr')).toBe('CTr');
    expect(canonicalCode('HDND')).toBe('HĐND');
    expect(canonicalCode('BGDDT')).toBe('BGDĐT');
    expect(canonicalCode('DU')).toBe('ĐU');
    expect(canonicalCode('Ðu')).toBe('ĐU');
    // Two spellings share a key: the text's wins, ASCII takes the first listed.
    expect(canonicalCode('HĐ')).toBe('HĐ');
    expect(canonicalCode('HD')).toBe('HD');
    expect(canonicalCode('ĐA')).toBe('ĐA');
    expect(canonicalCode('DA')).toBe('DA');
    // Unknown codes keep the text's spelling (upper-cased when all lower case).
    expect(canonicalCode('KGVX')).toBe('KGVX');
    expect(canonicalCode('qln')).toBe('QLN');
    expect(canonicalCode('qh15')).toBe('QH15');
  });
  it('tells a glued footnote marker from a code\'s own digits', () => {
    expect(splitFootnote('TW3')).toEqual(['TW', '3']);
    expect(splitFootnote('UBND12')).toEqual(['UBND', '12']);
    expect(splitFootnote('QH15')).toEqual(['QH15', '']);
    expect(splitFootnote('UBTVQH14')).toEqual(['UBTVQH14', '']);
    expect(splitFootnote('VNT19')).toEqual(['VNT19', '']);
    expect(isKnownCode('TƯ')).toBe(true);
    expect(codeKey('NĐ')).toBe('ND');
  });
});

describe('words glued to a symbol', () => {
  for (const g of GLUED_WORDS) {
    it(`${g.word}: ${g.example}`, () => {
      expect(extractReferences(g.example).map((r) => r.id)).toContain(g.id);
    });
  }
});

describe('issuer codes', () => {
  for (const c of ISSUER_CODES) {
    it(`${c.code}: ${c.example}`, () => {
      const s = parseSymbol(c.example, 0, true);
      expect(s).not.toBeNull();
      // a variant spelling is read, and the id carries the official code
      expect(s!.id).toBe(c.canonical ? c.example.replace(c.code, c.canonical) : c.example);
      expect(s!.groups.join('-')).toContain(c.canonical ?? c.code);
    });
  }
});

describe('document type names', () => {
  for (const e of DOC_TYPE_NAMES) {
    if (!/\d[-/]/.test(e.example)) continue; // "Hiến pháp năm 2013" has no symbol
    it(`${e.name}: ${e.example}`, () => {
      const refs = extractReferences(`Theo ${e.example} ngày 01/02/2020.`);
      expect(refs).toHaveLength(1);
      expect(refs[0].text).toBe(e.example);
      expect(refs[0].docType).toBe(e.generic ? refs[0].docType : e.name);
      expect(refs[0].date).toBe('2020-02-01');
    });
  }
});

describe('type abbreviations', () => {
  for (const a of DOC_TYPE_ABBREVIATIONS) {
    it(`${a.abbr}: ${a.example}`, () => {
      const refs = extractReferences(`Theo ${a.example} ngày 01/02/2020.`);
      expect(refs).toHaveLength(1);
      expect(refs[0].text).toBe(a.example);
      if (a.name !== 'Văn bản') expect(refs[0].docType).toBe(a.name);
    });
  }
});

describe('relation phrases', () => {
  for (const p of RELATION_PHRASES) {
    it(`${p.words}: ${p.example}`, () => {
      const refs = extractReferences(p.example);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs[refs.length - 1].relation).toBe(p.reads ?? p.relation);
    });
  }
  for (const a of RELATIONS_AFTER) {
    it(`after the reference, ${a.words}${a.closing ? ` ... ${a.closing}` : ''}: ${a.example}`, () => {
      const refs = extractReferences(a.example);
      expect(refs).toHaveLength(1);
      expect(refs[0].relation).toBe(a.relation);
    });
  }
});

describe('issuer heads', () => {
  for (const h of ORG_HEADS) {
    if (!/\d/.test(h.example) && !/^của /.test(h.example)) continue;
    it(`${h.words}: ${h.example}`, () => {
      const text = /^của /.test(h.example) ? `Quyết định số 12/QĐ-UBND ngày 01/02/2020 ${h.example} về việc X.` : `${h.example} ngày 01/02/2020 về việc X.`;
      const refs = extractReferences(text);
      expect(refs).toHaveLength(1);
      expect(refs[0].issuer).not.toBeNull();
      expect(refs[0].issuer!.split(' ')[0].toLowerCase()).toBe(h.words.split(' ')[0]);
    });
  }
});
