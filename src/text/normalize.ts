/**
 * `normalizeText`: one clean form of Vietnamese text for every later stage,
 * with an offset map back to what the caller gave.
 *
 * Stages, each recording its offset map:
 * 1. bytes → text (Uint8Array input): UTF-8 with or without BOM, UTF-16 with
 *    BOM (or recognised by its zero bytes), or a one-byte legacy encoding;
 * 2. legacy repair: TCVN3, VNI, VISCII or Windows-1258 text seen through
 *    Windows-1252, UTF-8 mojibake (also encoded twice), VIQR; detected by
 *    plausibility (`detect.ts`) or forced by the `encoding` option;
 * 3. characters unified (`chars.ts`: spaces, invisible characters, dashes,
 *    quotes, Đ look-alikes, line separators), then NFC;
 * 4. tone placement of oa/oe/uy syllables in the requested style.
 *
 * Clean input costs one scan (`scan.ts`): when it finds nothing to do the
 * input comes back as it is, with an identity map.
 *
 * Offsets: `map.toOriginal` gives UTF-16 offsets into the caller's string.
 * For a Uint8Array they are offsets into the text as the bytes were first
 * read: the UTF-8 or UTF-16 decoding (byte order mark dropped, one U+FFFD per
 * invalid sequence), or for the one-byte encodings (TCVN3, VNI, VISCII,
 * Windows-1258) one character per byte, i.e. byte offsets.
 */
import { describe } from '../errors.js';
import { NormalizeOptionsSchema, type Encoding, type EncodingOption, type NormalizeChanges, type NormalizeOptions } from '../schema.js';
import { identityMap, type OffsetMap } from './offsets.js';
import {
  decodeUtf16,
  decodeUtf8,
  decodeUtf8Strict,
  guessUtf16,
  hasUtf8Bom,
  isAscii,
  utf16Bom,
  windows1252View,
} from './decode-bytes.js';
import { detectLegacy, sampleOf, sampleRanges, scoreText, scoreValue } from './detect.js';
import { decodeOneByte, repairAs, type LegacyEncoding, type RepairResult } from './repair/index.js';
import { mojibakeSpellsLatin } from './repair/mojibake.js';
import { countVietnameseLetters, mayChangeUnderNfc, scanText, type ScanProfile, type ToneTarget } from './scan.js';
import { composeNfc, unifyCharacters } from './unicode.js';
import { SPECIAL_KINDS, type SpecialKind } from './chars.js';
import { applyToneStyle } from './tone-style.js';

export interface NormalizeResult {
  /** NFC text, legacy encodings repaired, characters unified, tones placed in one style. */
  text: string;
  /** Positions in `text` ↔ positions in the input (see the module notes for byte input). */
  map: OffsetMap;
  /** The encoding the input was read or repaired as ('utf8' for clean strings). */
  encoding: Encoding;
  /** What was changed, by kind. */
  changes: NormalizeChanges;
}

interface ParsedOptions {
  encoding: EncodingOption;
  toneStyle: ToneTarget;
}

const LEGACY_ENCODINGS: ReadonlySet<string> = new Set(['tcvn3', 'vni', 'viscii', 'cp1258', 'viqr', 'mojibake']);
const EMPTY_PROFILE: ScanProfile = { special: 0, disruptive: 0, nfc: 0, surrogates: 0, signature: 0, viqr: 0, toneOther: 0, complete: false };

/** Signatures enough to stop the first scan and go to detection. */
const SIGNATURE_LIMIT = 1024;
/** Rounds of detection and repair at most (text damaged more than once, a few times over). */
const MAX_PASSES = 4;
/** Rounds of mojibake repair at most (UTF-8 read as Windows-1252 up to three times). */
const MOJIBAKE_ROUNDS = 3;
const ONE_BYTE_CANDIDATES: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viscii', 'cp1258'];

/** Normalizes Vietnamese text given as a string or as bytes. */
export function normalizeText(input: string | Uint8Array, options?: NormalizeOptions): NormalizeResult {
  return normalizeWith(input, parseOptions(options, 'normalizeText'), 'normalizeText');
}

function normalizeWith(input: unknown, opts: ParsedOptions, fn: string): NormalizeResult {
  const w = decodeAndRepair(input, opts, fn);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (w.profile.special > 0) w.unify();
    if (w.profile.nfc > 0 || w.profile.surrogates > 0) {
      const n = w.changes.nfc;
      w.compose();
      if (w.changes.nfc > n) w.scan();
    }
    if (opts.toneStyle !== 'keep' && w.profile.toneOther > 0) w.placeTones(opts.toneStyle);
    // Detection again, on the text as it now is, until it finds nothing: so
    // that the output is its own normal form (unified characters, NFC and
    // moved tone marks can change how text reads in a legacy encoding: a
    // soft hyphen is TCVN3's ư, a curly quote a VISCII capital), and so that
    // text damaged twice (TCVN3 text later read as Windows-1252 UTF-8) is
    // repaired twice.
    if (!w.detect()) break;
    w.scan();
  }
  return { text: w.text, map: w.map, encoding: w.encoding, changes: w.changes };
}

/**
 * The encoding `normalizeText` reads or repairs the input as (the same
 * work, for the answer alone).
 */
export function detectEncoding(input: string | Uint8Array, options?: NormalizeOptions): Encoding {
  return normalizeWith(input, parseOptions(options, 'detectEncoding'), 'detectEncoding').encoding;
}

/** The text being normalized, its map back to the input, and what was done so far. */
class Work {
  map: OffsetMap;
  changes: NormalizeChanges;
  /** Scan of `text` (partial until `complete`). */
  profile: ScanProfile = EMPTY_PROFILE;
  /** Whether the encoding is detected (the `encoding` option is 'auto'). */
  auto = false;
  /** The text on which detection last found nothing (not to try it twice). */
  private nothingFoundIn: string | null = null;

  constructor(
    public text: string,
    public encoding: Encoding,
    invalid: number,
    private readonly target: ToneTarget,
  ) {
    this.map = identityMap(text.length);
    this.changes = emptyChanges();
    this.changes.invalid = invalid;
  }

  /** Scans the text; with a limit, stops at that many legacy signatures. */
  scan(signatureLimit = Infinity): void {
    this.profile = scanText(this.text, this.target, signatureLimit);
  }

  apply(r: RepairResult): void {
    if (r.changed === 0 && r.caseGuessed === 0) return;
    this.text = r.text;
    this.map = this.map.compose(r.map);
    this.changes.legacy += r.changed;
    this.changes.caseGuess += r.caseGuessed;
  }

  /** Detects a legacy encoding and repairs the text with it; returns whether one was found. */
  detect(): boolean {
    if (!this.auto || this.text === this.nothingFoundIn) return false;
    const candidates = candidatesFor(this.text, this.profile);
    const d = candidates.length > 0 ? detectLegacy(this.text, candidates) : null;
    if (d === null) {
      this.nothingFoundIn = this.text;
      return false;
    }
    let r = repairAs(d.encoding, this.text, { wholeLinesOnly: true });
    // Detection must read NFC text, so that it decides the same on the output
    // (legacy text seen through Windows-1252 has no combining marks, so this
    // is rare): compose, and detect again
    if (r.nfcSeen ?? mayChangeUnderNfc(this.text)) {
      const before = this.text;
      this.compose();
      if (this.text !== before) {
        this.scan();
        return this.detect();
      }
    }
    for (let k = 0; k < d.rounds; k++) {
      if (k > 0) r = repairAs(d.encoding, this.text, { wholeLinesOnly: true });
      this.apply(r);
    }
    // text damaged twice is named for its first damage (TCVN3 read as mojibake: 'tcvn3')
    this.encoding = d.encoding;
    return true;
  }

  /** Tone marks of oa/oe/uy in `style` (one for one: the map does not change). */
  placeTones(style: 'new' | 'old'): void {
    const t = applyToneStyle(this.text, style);
    this.text = t.text;
    this.changes.tone += t.count;
  }

  /** NFC. */
  compose(): void {
    const c = composeNfc(this.text);
    if (c.count === 0) return;
    this.text = c.text;
    this.map = this.map.compose(c.map);
    this.changes.nfc += c.count;
  }

  /** Unifies characters (`chars.ts`); returns the counts. */
  unify(): Record<SpecialKind, number> {
    const u = unifyCharacters(this.text);
    this.text = u.text;
    this.map = this.map.compose(u.map);
    for (const k of SPECIAL_KINDS) this.changes[k] += u.counts[k];
    // one-for-one replacements of punctuation and spaces change nothing the
    // scan looks at; removed characters join their neighbours, and Ð/ð were
    // signatures: scan again then
    if (u.counts.invisible > 0 || u.counts.lookalike > 0 || !this.profile.complete) this.scan();
    else this.profile = { ...this.profile, special: 0 };
    return u.counts;
  }
}

function decodeAndRepair(input: unknown, opts: ParsedOptions, fn: string): Work {
  let text: string;
  let encoding: Encoding;
  let repair: LegacyEncoding | null = null;
  let detect = false;
  let invalid = 0;
  let decoded: RepairResult | undefined;
  if (typeof input === 'string') {
    text = input;
    if (opts.encoding === 'auto') {
      encoding = 'utf8';
      detect = true;
    } else if (LEGACY_ENCODINGS.has(opts.encoding)) {
      encoding = opts.encoding;
      repair = opts.encoding as LegacyEncoding;
    } else encoding = opts.encoding as Encoding; // utf8/utf16: already text
  } else if (input instanceof Uint8Array) {
    const b = readBytes(input, opts.encoding);
    text = b.text;
    encoding = b.encoding;
    repair = b.repair;
    detect = b.detect && b.decoded === undefined;
    invalid = b.invalid;
    decoded = b.decoded;
  } else {
    throw new TypeError(`${fn}: argument "input" must be a string or a Uint8Array, got ${describe(input)}`);
  }

  const w = new Work(text, encoding, invalid, opts.toneStyle);
  w.auto = opts.encoding === 'auto';
  if (decoded !== undefined) {
    // one-byte legacy bytes, decoded on reading: their offsets are byte offsets
    w.changes.legacy += decoded.changed;
    w.changes.caseGuess += decoded.caseGuessed;
  }
  if (repair !== null) {
    w.apply(repairAs(repair, w.text, { wholeLinesOnly: false }));
    w.encoding = repair;
    if (repair === 'mojibake') {
      // forced: text encoded more than once takes more rounds, each taken
      // only if all it finds spells Latin letters and the text is no less
      // plausible after it
      let before = scoreValue(scoreText(sampleOf(w.text).normalize('NFC')));
      for (let round = 1; round < MOJIBAKE_ROUNDS && mojibakeSpellsLatin(w.text); round++) {
        const r = repairAs('mojibake', w.text, { wholeLinesOnly: false });
        const after = scoreValue(scoreText(sampleOf(r.text).normalize('NFC')));
        if (after < before) break;
        w.apply(r);
        before = after;
      }
    }
  } else if (detect) {
    // legacy text shows itself early: no need to scan all of it before detection
    w.scan(SIGNATURE_LIMIT);
    w.detect();
  }
  if (!w.profile.complete || w.encoding !== encoding || repair !== null) w.scan();
  return w;
}

/** The legacy readings worth trying for a scan. */
function candidatesFor(text: string, p: ScanProfile): LegacyEncoding[] {
  const c: LegacyEncoding[] = [];
  if (p.signature > 0) c.push('tcvn3', 'vni', 'viscii', 'cp1258', 'mojibake');
  // VIQR is ASCII: text with Vietnamese letters of its own is not VIQR
  if (p.viqr > 0 && countVietnameseLetters(text) <= p.viqr) c.push('viqr');
  return c;
}

interface ReadBytes {
  text: string;
  encoding: Encoding;
  /** A string repair to run on `text` (VNI, and legacy text held in UTF-8, are repaired as text). */
  repair: LegacyEncoding | null;
  /** Whether to run string detection on `text`. */
  detect: boolean;
  invalid: number;
  /** Bytes of a one-byte encoding already decoded (TCVN3, VISCII, Windows-1258). */
  decoded?: RepairResult;
}

/** Bytes in a one-byte legacy encoding: decoded through its table, or (VNI) as the Windows-1252 view to repair. */
function readOneByte(b: Uint8Array, enc: 'tcvn3' | 'vni' | 'viscii' | 'cp1258'): ReadBytes {
  const decoded = decodeOneByte(enc, b);
  if (decoded !== null) return { text: decoded.text, encoding: enc, repair: null, detect: false, invalid: 0, decoded };
  return { text: windows1252View(b), encoding: enc, repair: enc, detect: false, invalid: 0 };
}

function readBytes(b: Uint8Array, enc: EncodingOption): ReadBytes {
  switch (enc) {
    case 'utf16le':
    case 'utf16be': {
      const d = decodeUtf16(b, enc === 'utf16le' ? 'le' : 'be');
      return { text: d.text, encoding: enc, repair: null, detect: false, invalid: d.invalid };
    }
    case 'utf8':
    case 'viqr':
    case 'mojibake': {
      const d = decodeUtf8(b);
      return { text: d.text, encoding: enc, repair: enc === 'utf8' ? null : enc, detect: false, invalid: d.invalid };
    }
    case 'tcvn3':
    case 'vni':
    case 'viscii':
    case 'cp1258': {
      // Bytes that are valid UTF-8 (and not plain ASCII) are a UTF-8 file
      // holding legacy text as Latin-1 characters: repair the text.
      const utf8 = isAscii(b) ? null : decodeUtf8Strict(b);
      if (utf8 !== null) return { text: utf8, encoding: enc, repair: enc, detect: false, invalid: 0 };
      return readOneByte(b, enc);
    }
    case 'auto':
      break;
  }
  if (hasUtf8Bom(b)) {
    const d = decodeUtf8(b);
    return { text: d.text, encoding: 'utf8', repair: null, detect: true, invalid: d.invalid };
  }
  const order = utf16Bom(b) ?? guessUtf16(b);
  if (order !== null) {
    const d = decodeUtf16(b, order);
    return { text: d.text, encoding: order === 'le' ? 'utf16le' : 'utf16be', repair: null, detect: true, invalid: d.invalid };
  }
  const strict = decodeUtf8Strict(b);
  if (strict !== null) return { text: strict, encoding: 'utf8', repair: null, detect: true, invalid: 0 };
  // Not UTF-8: a one-byte legacy encoding, or UTF-8 with some bad bytes.
  // The legacy readings of a sample (its Windows-1252 view) are scored
  // against the UTF-8 reading of the same bytes.
  const ranges = sampleRanges(b);
  const view: string[] = [];
  const utf8: string[] = [];
  for (let k = 0; k < ranges.length; k += 2) {
    const part = b.subarray(ranges[k], ranges[k + 1]);
    view.push(windows1252View(part));
    utf8.push(decodeUtf8(part).text);
  }
  const d = detectLegacy(view.join('\n'), ONE_BYTE_CANDIDATES, scoreText(utf8.join('\n').normalize('NFC')));
  if (d !== null) {
    const r = readOneByte(b, d.encoding as 'tcvn3' | 'vni' | 'viscii' | 'cp1258');
    return { ...r, detect: true };
  }
  const all = decodeUtf8(b);
  return { text: all.text, encoding: 'utf8', repair: null, detect: true, invalid: all.invalid };
}

function parseOptions(options: unknown, fn: string): ParsedOptions {
  if (options === undefined) return { encoding: 'auto', toneStyle: 'new' };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: argument "options" must be an object, got ${describe(options)}`);
  }
  const r = NormalizeOptionsSchema.safeParse(options);
  if (!r.success) {
    const issue = r.error.issues[0];
    const name = issue.path.join('.');
    const got = (options as Record<string, unknown>)[name];
    const allowed = name === 'encoding' ? NormalizeOptionsSchema.shape.encoding.unwrap().options : NormalizeOptionsSchema.shape.toneStyle.unwrap().options;
    throw new TypeError(`${fn}: option "${name}" must be one of ${allowed.join(', ')}, got ${typeof got === 'string' ? JSON.stringify(got) : describe(got)}`);
  }
  return r.data;
}

function emptyChanges(): NormalizeChanges {
  return { invalid: 0, legacy: 0, caseGuess: 0, nfc: 0, lookalike: 0, tone: 0, dash: 0, space: 0, invisible: 0, quote: 0, newline: 0 };
}
