/**
 * `npm run eval -- normalize`: how well normalizeText reads legacy text it
 * has not seen, and how often it "repairs" text that was fine.
 *
 * - Detection: lines of the shared corpora (vi-admin, vi-legal; every 97th
 *   line, 3,000 of each) encoded into each legacy form by the test encoder,
 *   read back with `encoding: 'auto'`: share read as the right encoding, and
 *   share that also comes back exactly (the README's expected text: TCVN3
 *   capitals by its rule). Per line (one paragraph, often short: the hard
 *   case) and per block of 20 lines (a document).
 * - False detection: the same clean lines, and 100-line blocks of all the
 *   sampled text, read as they are: share detected as anything but UTF-8.
 * - TCVN3 capitals: of the toned capitals in the seeds (which .VnTimeH
 *   stores as lower-case codes), how many come back as capitals.
 *
 * Needs /work/shared/corpus (xz); prints a note and returns nothing without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { normalizeText } from '../src/text/normalize.js';
import { encodeString, representable, STRING_FORMS, type StringForm } from '../test/text/helpers/encode.js';
import { caseLost, tcvn3Expected } from '../test/text/helpers/tcvn3-case.js';

const CORPUS = '/work/shared/corpus';
const PER_CORPUS = 3000;

function lines(name: string): string[] {
  const out = execFileSync('sh', ['-c', `xz -dc ${CORPUS}/${name}.txt.xz | awk 'NR % 97 == 0' | head -n ${PER_CORPUS}`], { maxBuffer: 1 << 28 });
  return out.toString('utf8').split('\n').filter((l) => l.trim() !== '');
}

function expected(text: string, form: StringForm): string {
  let t = representable(text, form);
  if (form === 'tcvn3') t = tcvn3Expected(t);
  return normalizeText(t, { encoding: 'utf8' }).text;
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

export default async function evaluate(): Promise<Record<string, number> | undefined> {
  if (!existsSync(`${CORPUS}/vi-admin.txt.xz`)) {
    console.log(`no corpus at ${CORPUS}: skipped`);
    return undefined;
  }
  const sample = [...lines('vi-admin'), ...lines('vi-legal')];
  const blocks: string[] = [];
  for (let i = 0; i < sample.length; i += 20) blocks.push(sample.slice(i, i + 20).join('\n'));
  const results: Record<string, number> = {};
  console.log(`${sample.length} lines, ${blocks.length} blocks of 20 lines`);
  console.log(`${'form'.padEnd(10)} ${'lines: right enc'.padStart(17)} ${'exact'.padStart(7)}   ${'blocks: right enc'.padStart(18)} ${'exact'.padStart(7)}`);
  for (const form of STRING_FORMS) {
    const want = form === 'mojibake2' ? 'mojibake' : form;
    const row: number[] = [];
    for (const units of [sample, blocks]) {
      let enc = 0;
      let exact = 0;
      for (const u of units) {
        const r = normalizeText(encodeString(u, form));
        if (r.encoding === want) {
          enc++;
          if (r.text === expected(u, form)) exact++;
        }
      }
      row.push(pct(enc, units.length), pct(exact, units.length));
    }
    console.log(`${form.padEnd(10)} ${(row[0] + '%').padStart(17)} ${(row[1] + '%').padStart(7)}   ${(row[2] + '%').padStart(18)} ${(row[3] + '%').padStart(7)}`);
    results[`${form} lines detected %`] = row[0];
    results[`${form} blocks detected %`] = row[2];
    results[`${form} blocks exact %`] = row[3];
  }

  // Mojibake that went through a system turning no-break spaces into spaces ("ngÃ y" for "ngày": à is C3 A0).
  {
    const row: number[] = [];
    for (const units of [sample, blocks]) {
      let enc = 0;
      let exact = 0;
      for (const u of units) {
        const r = normalizeText(encodeString(u, 'mojibake').replace(/\u00a0/g, ' '));
        if (r.encoding === 'mojibake') {
          enc++;
          if (r.text === expected(u, 'mojibake')) exact++;
        }
      }
      row.push(pct(enc, units.length), pct(exact, units.length));
    }
    console.log(`${'moji-nbsp'.padEnd(10)} ${(row[0] + '%').padStart(17)} ${(row[1] + '%').padStart(7)}   ${(row[2] + '%').padStart(18)} ${(row[3] + '%').padStart(7)}   (mojibake whose no-break spaces became spaces)`);
    results['mojibake, no-break spaces lost, blocks exact %'] = row[3];
  }

  let falseLines = 0;
  for (const l of sample) if (normalizeText(l).encoding !== 'utf8') falseLines++;
  let falseBlocks = 0;
  const big: string[] = [];
  for (let i = 0; i < sample.length; i += 100) big.push(sample.slice(i, i + 100).join('\n'));
  for (const b of big) if (normalizeText(b).encoding !== 'utf8') falseBlocks++;
  console.log(`false detection on clean text: ${falseLines} of ${sample.length} lines, ${falseBlocks} of ${big.length} blocks`);
  results['false detections, lines'] = falseLines;
  results['false detections, blocks'] = falseBlocks;

  let capitals = 0;
  let recovered = 0;
  for (const f of ['000_2dae4cc2179c821d.txt', '001_ad13f960ec8507f6.txt', '002_652940eb11e67dde.txt', '004_879014f10c9673c0.part1.txt']) {
    const seed = normalizeText(readFileSync(new URL(`../fixtures/seeds/${f}`, import.meta.url), 'utf8')).text;
    const back = normalizeText(encodeString(seed, 'tcvn3')).text;
    for (let i = 0; i < seed.length; i++) {
      const ch = seed[i];
      if (caseLost(ch) && ch !== ch.toLowerCase()) {
        capitals++;
        if (back[i] === ch) recovered++;
      }
    }
  }
  console.log(`TCVN3 toned capitals in the seeds: ${recovered} of ${capitals} come back as capitals (${pct(recovered, capitals)}%)`);
  results['tcvn3 capitals recovered %'] = pct(recovered, capitals);
  return results;
}
