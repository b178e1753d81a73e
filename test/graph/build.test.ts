/**
 * The citation graph on the seed reports (fixtures/seeds) and on small texts
 * for the cases the seeds do not hold.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCitationGraph, CitationGraphBuilder, type CitationGraph } from '../../src/graph/build.js';
import { seedTexts } from './synthetic.js';

const S000 = '000_2dae4cc2179c821d.txt';
const S001 = '001_ad13f960ec8507f6.txt';
const S002 = '002_652940eb11e67dde.txt';
const S003 = '003_0e471ed369bb78c5.part1.txt';
const S004 = '004_879014f10c9673c0.part1.txt';

function goldIds(file: string): string[] {
  return readFileSync(`fixtures/gold/${file.replace('.txt', '.jsonl')}`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
}

function edge(g: CitationGraph, source: string, target: string, relation: string) {
  return g.edges.find((e) => e.source === source && e.target === target && e.attributes.relation === relation);
}

describe('buildCitationGraph on the seeds', () => {
  let g: CitationGraph;
  beforeAll(() => {
    g = buildCitationGraph(seedTexts().map(({ file, text }) => ({ id: file, text })));
  });

  it('57-NQ/TW is one node cited by 000, 001 and 002, its date conflict kept and flagged', () => {
    const n = g.node('57-NQ/TW')!;
    expect(n).toBeDefined();
    expect(n.attributes.mentionedBy).toEqual([S000, S001, S002]);
    const mentions = [S000, S001, S002].reduce((k, f) => k + goldIds(f).filter((id) => id === '57-NQ/TW').length, 0);
    expect(n.attributes.mentions).toBe(mentions);
    expect(n.attributes.date).toBe('2024-12-22');
    expect(n.attributes.conflict).toBe(true);
    expect(n.attributes.conflicts).toEqual(['date']);
    expect(n.attributes.dates['2025-12-22'].count).toBe(1);
    expect(n.attributes.dates['2025-12-22'].evidence).toEqual([
      expect.objectContaining({ document: S001 }),
    ]);
    expect(n.attributes.dates['2024-12-22'].count).toBeGreaterThan(1);
    expect(n.attributes.issuer).toBe('Bộ Chính trị');
    expect(n.attributes.docType).toBe('Nghị quyết');
    expect(n.attributes.topic).toMatch(/^đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia/);
    // The evidence points at the mention in its document.
    const ev = n.attributes.dates['2025-12-22'].evidence[0];
    const text = seedTexts().find((s) => s.file === S001)!.text;
    expect(text.slice(ev.start, ev.end)).toMatch(/^Nghị quyết 57-NQ\/TW$/);
  });

  it('every mention of 52-NQ/TW in 003 and 004 lands on one node', () => {
    const n = g.node('52-NQ/TW')!;
    const expected = [S003, S004].reduce((k, f) => k + goldIds(f).filter((id) => id === '52-NQ/TW').length, 0);
    expect(n.attributes.mentions).toBe(expected);
    expect(n.attributes.mentionedBy).toEqual(['398-BC/TU']);
    expect(g.nodes.filter((x) => x.attributes.id === '52-NQ/TW')).toHaveLength(1);
  });

  it('398-BC/TU is the node of report 004 itself (and of its OCR twin 003)', () => {
    const n = g.node('398-BC/TU')!;
    expect(n.attributes.input).toBe(true);
    expect(n.attributes.keySource).toBe('header');
    expect(n.attributes.inputIds).toEqual([S003, S004]);
    expect(n.attributes.contentHashes).toHaveLength(2);
    expect(n.attributes.idCollision).toBe(false);
    expect(n.attributes.date).toBe('2023-09-15');
    expect(n.attributes.docType).toBe('Báo cáo');
    expect(g.edgesFrom('398-BC/TU').some((e) => e.target === '52-NQ/TW' && e.attributes.relation === 'implements')).toBe(true);
  });

  it('edges stated between cited documents carry the right relation', () => {
    expect(edge(g, '539-KH/TU', '57-NQ/TW', 'implements')?.attributes.stated).toBe('text');
    expect(edge(g, '539-KH/TU', '57-NQ/TW', 'implements')?.attributes.documents).toEqual([S000, S002]);
    expect(edge(g, '336-KH/TU', '57-NQ/TW', 'implements')).toBeDefined();
    expect(edge(g, '327/QĐ-UBND', '71/NQ-CP', 'implements')).toBeDefined();
    expect(edge(g, '327/QĐ-UBND', '359-KH/TU', 'implements')).toBeDefined();
    expect(edge(g, '82/2024/NĐ-CP', '73/2019/NĐ-CP', 'amends')).toBeDefined();
    expect(edge(g, '271-KH/TU', '52-NQ/TW', 'implements')?.attributes.documents).toEqual(['398-BC/TU']);
    expect(edge(g, '03/NQ-CP', '57-NQ/TW', 'implements')).toBeDefined();
    expect(edge(g, '95-CTr/TU', '57-NQ/TW', 'implements')).toBeDefined();
    // "Công văn số 4119/STC-QLN ... về việc phối hợp báo cáo ... tại các Kế hoạch thực hiện Nghị quyết số 111/NQ-CP":
    // the unnumbered plans implement 111/NQ-CP, not the công văn.
    expect(g.edges.some((e) => e.source === '4119/STC-QLN')).toBe(false);
    // Evidence of a stated edge spans both references in the stating document.
    const ev = edge(g, '82/2024/NĐ-CP', '73/2019/NĐ-CP', 'amends')!.attributes.evidence[0];
    const text = seedTexts().find((s) => s.file === S001)!.text;
    expect(text.slice(ev.start, ev.end)).toMatch(/^Nghị định số 82\/2024\/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số\s+73\/2019\/NĐ-CP$/);
  });

  it('the citing report refers to what another cited document implements', () => {
    // 000: "Kế hoạch số 539-KH/TU ..., Kế hoạch số 336-KH/TU ... thực hiện Nghị quyết số 57-NQ/TW": the report only refers to 57-NQ/TW there.
    const e = g.edgesFrom(S000).filter((x) => x.target === '57-NQ/TW');
    expect(e.map((x) => x.attributes.relation).sort()).toEqual(['implements', 'refers']);
    // and its title states what it implements.
    expect(edge(g, S000, '111/NQ-CP', 'implements')).toBeDefined();
  });

  it('resolves "Nghị định này" in 001 onto 82/2024/NĐ-CP', () => {
    const n = g.node('82/2024/NĐ-CP')!;
    expect(n.attributes.forms).toEqual({ full: goldIds(S001).filter((id) => id === '82/2024/NĐ-CP').length, self: 1 });
    expect(edge(g, S001, '82/2024/NĐ-CP', 'implements')).toBeDefined(); // "Triển khai Nghị định này"
  });

  it('documents without a header number are keyed by the caller id and typed from their heading', () => {
    expect(g.node(S000)?.attributes).toMatchObject({ input: true, keySource: 'caller', docType: 'Báo cáo', id: null });
    expect(g.node(S002)?.attributes.issuer).toBe('Sở Khoa học và Công nghệ');
    expect(g.node(S000)?.attributes.topic).toMatch(/^Tình hình thực hiện Nghị quyết số 111\/NQ-CP/);
  });

  it('keeps documents of the same number apart only when the numbers can repeat', () => {
    // every node key is unique and edges join existing nodes
    const keys = new Set(g.nodes.map((n) => n.key));
    expect(keys.size).toBe(g.nodes.length);
    for (const e of g.edges) {
      expect(keys.has(e.source)).toBe(true);
      expect(keys.has(e.target)).toBe(true);
    }
  });
});

describe('buildCitationGraph: keys, collisions, bad input', () => {
  it('a document without any reference is a node with no edges', () => {
    const g = buildCitationGraph([{ id: 'empty', text: 'Báo cáo tình hình, không trích dẫn văn bản nào.' }, { text: '' }]);
    expect(g.nodes).toHaveLength(2);
    expect(g.edges).toHaveLength(0);
    expect(g.node('empty')?.attributes.input).toBe(true);
    // no caller id, no header: a stable id from the content
    const other = g.nodes.find((n) => n.key !== 'empty')!;
    expect(other.key).toMatch(/^doc-[0-9a-f]{16}$/);
    expect(buildCitationGraph([{ text: '' }]).nodes[0].key).toBe(other.key);
  });

  it('an administrative number repeated in another year is another document', () => {
    const g = buildCitationGraph([
      { id: 'a', text: 'Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh.' },
      { id: 'b', text: 'Căn cứ Quyết định số 12/QĐ-UBND ngày 10/3/2025 của UBND tỉnh.' },
      { id: 'c', text: 'Theo Quyết định số 12/QĐ-UBND của UBND tỉnh.' },
      { id: 'd', text: 'Quyết định số 12/QĐ-UBND ngày 10/3/2025 của UBND tỉnh; Quyết định số 12/QĐ-UBND được triển khai.' },
    ]);
    const a = g.node('12/QĐ-UBND@2024')!;
    const b = g.node('12/QĐ-UBND@2025')!;
    expect(a.attributes.mentionedBy).toEqual(['a']);
    expect(b.attributes.mentionedBy).toEqual(['b', 'd']);
    expect(b.attributes.mentions).toBe(3); // the undated mention in d attaches to d's dated one
    const bare = g.node('12/QĐ-UBND')!;
    expect(bare.attributes).toMatchObject({ ambiguous: true, candidates: ['12/QĐ-UBND@2024', '12/QĐ-UBND@2025'], mentionedBy: ['c'] });
  });

  it('one dated administrative document takes its undated mentions from other inputs', () => {
    const g = buildCitationGraph([
      { id: 'a', text: 'Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND tỉnh.' },
      { id: 'c', text: 'Theo Quyết định số 12/QĐ-UBND của UBND tỉnh.' },
    ]);
    expect(g.nodes.map((n) => n.key).sort()).toEqual(['12/QĐ-UBND', 'a', 'c']);
    expect(g.node('12/QĐ-UBND')?.attributes).toMatchObject({ mentions: 2, date: '2024-01-05', ambiguous: false });
  });

  it('a year typo (same day and month) stays one document, with the conflict flagged', () => {
    const g = buildCitationGraph([
      { id: 'a', text: 'Thực hiện Quyết định số 327/QĐ-UBND ngày 26/5/2025 của UBND tỉnh.' },
      { id: 'b', text: 'Triển khai Quyết định số 327/QĐ-UBND ngày 26/5/2025 của UBND tỉnh.' },
      { id: 'c', text: 'Thực hiện Quyết định số 327/QĐ-UBND ngày 26/5/2024 của UBND tỉnh.' },
    ]);
    const n = g.node('327/QĐ-UBND')!;
    expect(n.attributes).toMatchObject({ date: '2025-05-26', conflict: true, conflicts: ['date'], mentions: 3 });
  });

  it('conflicting issuers are flagged; compatible names are not', () => {
    const g = buildCitationGraph([
      { id: 'a', text: 'Thực hiện Kế hoạch số 51/KH-UBND ngày 07/3/2025 của UBND tỉnh về chuyển đổi số.' },
      { id: 'b', text: 'Thực hiện Kế hoạch số 51/KH-UBND ngày 07/3/2025 của Ủy ban nhân dân tỉnh Quảng Ngãi.' },
      { id: 'c', text: 'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị.' },
      { id: 'd', text: 'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Ban Bí thư.' },
    ]);
    expect(g.node('51/KH-UBND')?.attributes.conflict).toBe(false);
    expect(g.node('51/KH-UBND')?.attributes.topic).toBe('chuyển đổi số');
    expect(g.node('36-NQ/TW')?.attributes).toMatchObject({ conflict: true, conflicts: ['issuer'] });
    expect(Object.keys(g.node('36-NQ/TW')!.attributes.issuers).sort()).toEqual(['Ban Bí thư', 'Bộ Chính trị']);
  });

  it('a caller id that collides with another document’s header keeps both, flagged', () => {
    const report = readFileSync('fixtures/seeds/004_879014f10c9673c0.part1.txt', 'utf8');
    const g = buildCitationGraph([
      { id: 'r004', text: report },
      { id: '398-BC/TU', text: 'Một văn bản khác, không có số hiệu, trích Nghị quyết số 52-NQ/TW ngày 27/9/2019.' },
    ]);
    const header = g.node('398-BC/TU')!;
    expect(header.attributes).toMatchObject({ input: true, keySource: 'header', idCollision: true, inputIds: ['r004'] });
    const other = g.nodes.find((n) => n.key.startsWith('398-BC/TU#'))!;
    expect(other.attributes).toMatchObject({ input: true, keySource: 'caller', idCollision: true, inputIds: ['398-BC/TU'] });
    expect(header.attributes.collidesWith).toEqual([other.key]);
    expect(g.edgesFrom(other.key).map((e) => e.target)).toEqual(['52-NQ/TW']);
  });

  it('the same text twice is one document', () => {
    const text = 'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.';
    const g = buildCitationGraph([
      { id: 'x', text },
      { id: 'y', text },
    ]);
    expect(g.stats).toMatchObject({ documents: 1, duplicates: 1 });
    expect(g.node('57-NQ/TW')?.attributes.mentions).toBe(1);
    expect(g.node('x')?.attributes.inputIds).toEqual(['x', 'y']);
  });

  it('bad arguments are TypeErrors naming them', () => {
    expect(() => buildCitationGraph(null as never)).toThrow(TypeError);
    expect(() => buildCitationGraph(null as never)).toThrow(/"documents"/);
    expect(() => buildCitationGraph([{ text: 3 }] as never)).toThrow(/documents\[0\]\.text must be a string/);
    expect(() => buildCitationGraph([{ id: 5, text: '' }] as never)).toThrow(/documents\[0\]\.id/);
    expect(() => buildCitationGraph(['x'] as never)).toThrow(/documents\[0\] must be an object/);
    expect(() => buildCitationGraph([], { maxEvidence: -1 })).toThrow(/options\.maxEvidence/);
    expect(() => buildCitationGraph([], 'x' as never)).toThrow(/"options"/);
    expect(() => new CitationGraphBuilder().add(null as never)).toThrow(/"doc"/);
    expect(() => new CitationGraphBuilder().merge({ nodes: [] } as never)).toThrow(/not a citation graph state/);
  });

  it('short forms and stated relations can be turned off', () => {
    const text = readFileSync('fixtures/seeds/001_ad13f960ec8507f6.txt', 'utf8');
    const g = buildCitationGraph([{ id: '001', text }], { shortForms: false, statedRelations: false });
    expect(g.node('82/2024/NĐ-CP')?.attributes.forms).toEqual({ full: 1 });
    expect(g.edges.every((e) => e.attributes.stated === 'document')).toBe(true);
  });
});
