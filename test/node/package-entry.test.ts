/**
 * The package as users import it (the built dist/, resolved through
 * package.json "exports"): in Node, `vn-legal-refs` reads stripped and OCR'd
 * text with the shipped model without being handed one, from ESM and CommonJS.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (args: string[]) => execFileSync(process.execPath, args, { encoding: 'utf8' });

describe('package entry points (built)', () => {
  it('dist is built (npm install runs the prepare script)', () => {
    expect(existsSync('dist/index.node.js') && existsSync('dist/index.js') && existsSync('dist/node/index.js')).toBe(true);
  });

  it('ESM import of vn-legal-refs restores stripped text with the shipped model', () => {
    const out = run([
      '--input-type=module',
      '-e',
      "import { extractReferences } from 'vn-legal-refs'; const [r] = extractReferences('Can cu Nghi dinh so 65/2023/ND-CP ngay 23 thang 8 nam 2023 cua Chinh phu', { input: 'stripped' }); console.log(JSON.stringify([r.id, r.issuer, r.relation]))",
    ]);
    expect(JSON.parse(out)).toEqual(['65/2023/NĐ-CP', 'Chính phủ', 'based-on']);
  });

  it('CommonJS require of vn-legal-refs corrects OCR text; vn-legal-refs/node exports the bulk API', () => {
    const out = run([
      '-e',
      "const lib = require('vn-legal-refs'); const node = require('vn-legal-refs/node'); const [r] = lib.extractReferences('Nghi quyét s6 52-NQ/TW ngay 27/9/2019 ciia B9 Chinh tri'); console.log(JSON.stringify([r.id, r.date, r.issuer, typeof node.processArchive]))",
    ]);
    expect(JSON.parse(out)).toEqual(['52-NQ/TW', '2019-09-27', 'Bộ Chính trị', 'function']);
  });
});
