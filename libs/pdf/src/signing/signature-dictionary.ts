import { DerError, DerTag, expectElement } from './der.js';

/** How far around `/ByteRange` to look for the rest of its dictionary. */
const DICTIONARY_REACH = 64 * 1024;
const HEX_DIGIT = /^[0-9a-fA-F]$/;

/** Why the bytes around a `/ByteRange` do not make a usable signature dictionary. */
export type SignatureDictionaryProblem =
  'unsigned_placeholder' | 'byte_range_unreadable' | 'byte_range_outside_file' | 'contents_unreadable';

/** The last signature dictionary of a PDF, read straight from the file's bytes. */
export interface SignatureDictionary {
  readonly byteRange: readonly [number, number, number, number];
  /** The DER CMS in Contents, without the zero padding after it. */
  readonly contents: Buffer;
  readonly subFilter: string | null;
  /** The claimed signing time (`M`), or null when absent or not a PDF date. */
  readonly claimedSigningTime: Date | null;
}

/** The outcome of looking for the last signature dictionary. */
export type SignatureDictionaryLookup =
  | { readonly found: false }
  | { readonly found: true; readonly problem: SignatureDictionaryProblem }
  | { readonly found: true; readonly problem: null; readonly dictionary: SignatureDictionary };

/**
 * Finds the last `/ByteRange` and reads its dictionary's Contents, SubFilter and M. This is a
 * byte-level reading, not a PDF parser: it sees signature dictionaries written as plain
 * objects (as pdfkit, signpdf and the common signing tools write them), not ones hidden in a
 * compressed object stream. It never throws.
 */
export function findLastSignatureDictionary(pdf: Buffer): SignatureDictionaryLookup {
  const position = pdf.lastIndexOf('/ByteRange');
  if (position < 0) {
    return { found: false };
  }
  const byteRange = readByteRange(pdf, position + '/ByteRange'.length);
  if (byteRange === 'placeholder') {
    return { found: true, problem: 'unsigned_placeholder' };
  }
  if (!byteRange) {
    return { found: true, problem: 'byte_range_unreadable' };
  }
  const [start1, length1, start2, length2] = byteRange;
  const holeStart = start1 + length1;
  if (start2 < holeStart + 2 || start2 + length2 > pdf.length) {
    return { found: true, problem: 'byte_range_outside_file' };
  }
  const contents = readHexString(pdf, holeStart, start2);
  if (!contents) {
    return { found: true, problem: 'contents_unreadable' };
  }
  const text = dictionaryText(pdf, position, holeStart, start2);
  return {
    found: true,
    problem: null,
    dictionary: {
      byteRange,
      contents,
      subFilter: readName(text, 'SubFilter'),
      claimedSigningTime: parsePdfDate(/\/M\s*\((D:[^)]*)\)/.exec(text)?.[1] ?? ''),
    },
  };
}

function readByteRange(pdf: Buffer, offset: number): [number, number, number, number] | 'placeholder' | null {
  const text = pdf.subarray(offset, offset + 200).toString('latin1');
  const inside = /^\s*\[([^\]]*)\]/.exec(text)?.[1];
  if (inside === undefined) {
    return null;
  }
  const parts = inside.trim().split(/\s+/);
  if (parts.length === 4 && parts.slice(1).every((part) => /^\/\*+$/.test(part))) {
    return 'placeholder';
  }
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,15}$/.test(part))) {
    return null;
  }
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number];
  return [a, b, c, d];
}

/** The bytes of `<hex>` spanning exactly [start, end), cut at the end of the DER element they hold. */
function readHexString(pdf: Buffer, start: number, end: number): Buffer | null {
  if (pdf[start] !== 0x3c || pdf[end - 1] !== 0x3e) {
    return null;
  }
  const hex = pdf.subarray(start + 1, end - 1).toString('latin1');
  if (hex.length % 2 !== 0 || hex.length === 0 || ![...hex].every((c) => HEX_DIGIT.test(c))) {
    return null;
  }
  const bytes = Buffer.from(hex, 'hex');
  // The DER element at the start is the signature; the rest is zero padding.
  try {
    return bytes.subarray(0, expectElement(bytes, 0, bytes.length, DerTag.Sequence).end);
  } catch (error) {
    if (error instanceof DerError) {
      return null;
    }
    throw error;
  }
}

/** The dictionary around `/ByteRange` as text, without the Contents hex (which may hold anything). */
function dictionaryText(pdf: Buffer, position: number, holeStart: number, holeEnd: number): string {
  const objectStart = pdf.lastIndexOf('obj', position);
  const from = Math.max(objectStart, position - DICTIONARY_REACH, 0);
  const objectEnd = pdf.indexOf('endobj', position);
  const to = objectEnd < 0 ? Math.min(pdf.length, position + DICTIONARY_REACH) : objectEnd;
  if (holeStart >= from && holeEnd <= to) {
    return pdf.subarray(from, holeStart).toString('latin1') + ' ' + pdf.subarray(holeEnd, to).toString('latin1');
  }
  return pdf.subarray(from, to).toString('latin1');
}

function readName(text: string, key: string): string | null {
  const name = new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()%{}]*)`).exec(text)?.[1];
  if (name === undefined) {
    return null;
  }
  // Names may escape any byte as #xx.
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Parses a PDF date string (ISO 32000-1 §7.9.4), `D:YYYYMMDDHHmmSSOHH'mm'` with everything after
 * the year optional. Returns null for anything else.
 */
export function parsePdfDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/.exec(
    value,
  );
  if (!match) {
    return null;
  }
  const part = (index: number, fallback: number) => (match[index] === undefined ? fallback : Number(match[index]));
  const [year, month, day, hour, minute, second] = [
    part(1, 0),
    part(2, 1),
    part(3, 1),
    part(4, 0),
    part(5, 0),
    part(6, 0),
  ];
  const sign = match[7] === '-' ? -1 : 1;
  const offsetMinutes = sign * (part(8, 0) * 60 + part(9, 0));
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 February over into March; a PDF date like that is simply invalid.
  if (
    month > 12 ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const time = local.getTime() - offsetMinutes * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}
