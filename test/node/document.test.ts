import { afterEach, describe, expect, it } from 'vitest';
import { foldDiacritics, setDefaultModelProvider } from '../../src/index.js';
import { createDocumentFunction, type PipelineStages } from '../../src/node/document.js';
import { createHandler, restoreText } from '../../src/node/default-handler.js';
import { loadDefaultModel } from '../../src/node/model.js';

function stages(log: string[]): PipelineStages {
  return {
    extractReferences: (text, options) => {
      log.push(`refs ${JSON.stringify(options)}`);
      return [];
    },
    extractDocumentHeader: () => {
      log.push('header');
      return null;
    },
    restoreText: (text, input) => {
      log.push(`restore ${input}`);
      return text.toUpperCase();
    },
  };
}

describe('createDocumentFunction', () => {
  it('skips every stage for a text without triggers (and restores it only when the text is asked for)', () => {
    const log: string[] = [];
    expect(createDocumentFunction({ input: 'auto', text: false }, stages(log))('Không có gì.', { id: 'a' })).toEqual({ references: [], header: null });
    expect(log).toEqual([]);
    expect(createDocumentFunction({ input: 'auto', text: true }, stages(log))('Không có gì.', { id: 'a' }).text).toBe('KHÔNG CÓ GÌ.');
    expect(log).toEqual(['restore auto']);
  });

  it('passes the input kind through, and no options for auto (the default)', () => {
    const log: string[] = [];
    createDocumentFunction({ input: 'auto', text: false }, stages(log))('số 5-NQ/TW', { id: 'a' });
    createDocumentFunction({ input: 'stripped', text: false }, stages(log))('so 5-NQ/TW', { id: 'a' });
    createDocumentFunction({ input: 'auto', text: false, minConfidence: 0.5 }, stages(log))('so 5-NQ/TW', { id: 'a' });
    expect(log).toEqual(['refs undefined', 'header', 'refs {"input":"stripped","minConfidence":0}', 'header', 'refs {"input":"auto","minConfidence":0.5}', 'header']);
  });

  it('reads references and text from one whole restoration when the text is asked for and the stage is wired', () => {
    const log: string[] = [];
    const both: PipelineStages = {
      ...stages(log),
      extractReferencesAndText: (text, options) => {
        log.push(`both ${JSON.stringify(options)}`);
        return { references: [], text: text.toLowerCase() };
      },
    };
    expect(createDocumentFunction({ input: 'auto', text: true }, both)('SỐ 5-NQ/TW', { id: 'a' }).text).toBe('số 5-nq/tw');
    expect(createDocumentFunction({ input: 'auto', text: false }, both)('SỐ 5-NQ/TW', { id: 'a' }).text).toBeUndefined();
    expect(log).toEqual(['both undefined', 'header', 'refs undefined', 'header']);
  });

  it('takes references and header from one call when that stage is wired (not when the text is asked for)', () => {
    const log: string[] = [];
    const both: PipelineStages = {
      ...stages(log),
      extractReferencesAndHeader: (text, options) => {
        log.push(`refs+header ${JSON.stringify(options)}`);
        return { references: [], header: null };
      },
    };
    createDocumentFunction({ input: 'auto', text: false }, both)('Số 5-NQ/TW', { id: 'a' });
    createDocumentFunction({ input: 'auto', text: true }, both)('Số 5-NQ/TW', { id: 'a' });
    expect(log).toEqual(['refs+header undefined', 'refs undefined', 'header', 'restore auto']);
  });

  it('returns the text as it is when no restorer is wired', () => {
    const { restoreText: _, ...noRestore } = stages([]);
    expect(createDocumentFunction({ input: 'auto', text: true }, noRestore)('so 1-NQ/TW', { id: 'a' }).text).toBe('so 1-NQ/TW');
  });
});

describe('the default handler', () => {
  afterEach(() => setDefaultModelProvider(loadDefaultModel));

  it('never asks for the model for clean text, and does for stripped text', () => {
    setDefaultModelProvider(() => {
      throw new Error('model requested');
    });
    const clean = 'Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương.';
    expect(restoreText(clean, 'auto')).toBe(clean);
    expect(restoreText(clean, 'clean')).toBe(clean);
    expect(() => restoreText(foldDiacritics(clean), 'auto')).toThrow('model requested');
  });

  it('restores stripped text with the shipped model', () => {
    const clean = 'Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách.';
    const fn = createHandler({ input: 'auto', text: true });
    const r = fn(foldDiacritics(clean), { id: 'x' });
    expect(foldDiacritics(r.text!)).toBe(foldDiacritics(clean));
    expect(r.text).toContain('Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị');
    expect(r.references.map((x) => x.id)).toEqual(['52-NQ/TW']);
    // The same references as without the text (read from restored windows).
    const plain = createHandler({ input: 'auto', text: false })(foldDiacritics(clean), { id: 'x' });
    expect(plain.references).toEqual(r.references);
  });
});
