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
import { detectLegacy, sampleOf, scoreText } from './detect.js';
import { repairAs, type LegacyEncoding, type RepairResult } from './repair/index.js';
import { countVietnameseLetters, scanText, type ScanProfile, type ToneTarget } from './scan.js';
import { composeNfc, unifyCharacters } from './unicode.js';
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
/** Signatures enough to stop the first scan and go to detection. */
const SIGNATURE_LIMIT = 1024;
const ONE_BYTE_CANDIDATES: readonly LegacyEncoding[] = ['tcvn3', 'vni', 'viscii', 'cp1258'];

/** Normalizes Vietnamese text given as a string or as bytes. */
export function normalizeText(input: string | Uint8Array, options?: NormalizeOptions): NormalizeResult {
  const opts = parseOptions(options, 'normalizeText');
  const r = decodeAndRepair(input, opts, 'normalizeText');
  let { text, map } = r;
  const changes = r.changes;
  let profile = r.profile;
  if (profile.special > 0) {
    const u = unifyCharacters(text);
    text = u.text;
    map = map.compose(u.map);
    for (const k of Object.keys(u.counts) as Array<keyof typeof u.counts>) changes[k] += u.counts[k];
  }
  if (profile.nfc > 0 || profile.surrogates > 0) {
    const c = composeNfc(text);
    if (c.count > 0) {
      text = c.text;
      map = map.compose(c.map);
      changes.nfc += c.count;
      profile = scanText(text, opts.toneStyle);
    }
  }
  if (opts.toneStyle !== 'keep' && profile.toneOther > 0) {
    const t = applyToneStyle(text, opts.toneStyle);
    text = t.text; // one for one: the map does not change
    changes.tone += t.count;
  }
  return { text, map, encoding: r.encoding, changes };
}

/**
 * The encoding `normalizeText` would read or repair the input as, without
 * the rest of the work.
 */
export function detectEncoding(input: string | Uint8Array, options?: Pick<NormalizeOptions, 'encoding'>): Encoding {
  const opts = parseOptions(options, 'detectEncoding');
  return decodeAndRepair(input, opts, 'detectEncoding').encoding;
}

interface Repaired {
  text: string;
  map: OffsetMap;
  encoding: Encoding;
  changes: NormalizeChanges;
  /** Scan of `text`. */
  profile: ScanProfile;
}

function decodeAndRepair(input: unknown, opts: ParsedOptions, fn: string): Repaired {
  const changes = emptyChanges();
  let text: string;
  let encoding: Encoding;
  let repair: LegacyEncoding | null = null;
  let detect = false;
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
    detect = b.detect;
    changes.invalid = b.invalid;
  } else {
    throw new TypeError(`${fn}: argument "input" must be a string or a Uint8Array, got ${describe(input)}`);
  }

  let map: OffsetMap = identityMap(text.length);
  let profile = scanText(text, opts.toneStyle, repair === null && detect ? SIGNATURE_LIMIT : Infinity);
  const apply = (r: RepairResult): void => {
    if (r.changed === 0 && r.caseGuessed === 0) return;
    text = r.text;
    map = map.compose(r.map);
    changes.legacy += r.changed;
    changes.caseGuess += r.caseGuessed;
  };
  let chosen: LegacyEncoding | null = repair;
  if (repair !== null) {
    apply(repairAs(repair, text, { wholeLinesOnly: false }));
    if (repair === 'mojibake') {
      // forced: more rounds only where detection sees text encoded more than once
      const d = detectLegacy(text, ['mojibake']);
      for (let k = 0; d !== null && k < d.rounds; k++) apply(repairAs('mojibake', text, { wholeLinesOnly: false }));
    }
  } else if (detect) {
    const candidates = candidatesFor(text, profile);
    const d = candidates.length > 0 ? detectLegacy(text, candidates) : null;
    if (d !== null) {
      chosen = d.encoding;
      for (let k = 0; k < d.rounds; k++) apply(repairAs(d.encoding, text, { wholeLinesOnly: true }));
    }
  }
  if (chosen !== null) encoding = chosen;
  if (chosen !== null || !profile.complete) profile = scanText(text, opts.toneStyle);
  return { text, map, encoding, changes, profile };
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
  /** A string repair to run on `text` (one-byte encodings are read through Windows-1252, then repaired). */
  repair: LegacyEncoding | null;
  /** Whether to run string detection on `text`. */
  detect: boolean;
  invalid: number;
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
      return { text: windows1252View(b), encoding: enc, repair: enc, detect: false, invalid: 0 };
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
  const view = windows1252View(b);
  const utf8 = decodeUtf8(b);
  const d = detectLegacy(view, ONE_BYTE_CANDIDATES, scoreText(sampleOf(utf8.text).normalize('NFC')));
  if (d !== null) return { text: view, encoding: d.encoding, repair: d.encoding, detect: false, invalid: 0 };
  return { text: utf8.text, encoding: 'utf8', repair: null, detect: true, invalid: utf8.invalid };
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
