/**
 * A minimal DER reader and writer. Signatures are computed over exact bytes, so everything that is
 * copied from a certificate (issuer name, serial number) stays a slice of the original buffer and
 * is never decoded into fields and encoded again, which is what breaks node-forge on å, ä and ö.
 */

/** Identifier octets of the universal and context-specific tags this library reads or writes. */
export const DerTag = {
  Boolean: 0x01,
  Integer: 0x02,
  BitString: 0x03,
  OctetString: 0x04,
  Null: 0x05,
  ObjectIdentifier: 0x06,
  Utf8String: 0x0c,
  PrintableString: 0x13,
  TeletexString: 0x14,
  Ia5String: 0x16,
  UtcTime: 0x17,
  GeneralizedTime: 0x18,
  UniversalString: 0x1c,
  BmpString: 0x1e,
  Sequence: 0x30,
  Set: 0x31,
} as const;

/** The identifier octet of a constructed context-specific tag `[n]`. */
export function contextTag(n: number): number {
  return 0xa0 | n;
}

/** Thrown for bytes that are not the DER this library expects; callers that inspect untrusted input catch it. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** One tag-length-value element; the offsets index into the buffer it was read from. */
export interface DerElement {
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the last content octet. */
  readonly end: number;
}

/**
 * Reads the element that starts at `offset` and must end before `limit`. Only definite lengths
 * and low tag numbers: CMS signatures and X.509 certificates are DER, and anything else is
 * reported as malformed rather than guessed at.
 */
export function readElement(buf: Buffer, offset = 0, limit = buf.length): DerElement {
  if (offset < 0 || offset + 2 > limit || limit > buf.length) {
    throw new DerError('truncated element');
  }
  const tag = buf.readUInt8(offset);
  if ((tag & 0x1f) === 0x1f) {
    throw new DerError('high tag numbers are not supported');
  }
  let position = offset + 1;
  const first = buf.readUInt8(position++);
  let length = first;
  if (first === 0x80) {
    throw new DerError('indefinite length is not DER');
  }
  if (first > 0x80) {
    const octets = first & 0x7f;
    // Four length octets already allow 4 GiB, far beyond any signature or certificate.
    if (octets > 4 || position + octets > limit) {
      throw new DerError('unsupported length');
    }
    length = 0;
    for (let i = 0; i < octets; i++) {
      length = length * 256 + buf.readUInt8(position++);
    }
  }
  const end = position + length;
  if (end > limit) {
    throw new DerError('element runs past its container');
  }
  return { tag, start: offset, contentStart: position, end };
}

/** Reads an element and checks its tag. */
export function expectElement(buf: Buffer, offset: number, limit: number, tag: number): DerElement {
  const element = readElement(buf, offset, limit);
  if (element.tag !== tag) {
    throw new DerError(`expected tag 0x${tag.toString(16)}, found 0x${element.tag.toString(16)}`);
  }
  return element;
}

/** The elements directly inside a constructed element. */
export function childrenOf(buf: Buffer, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readElement(buf, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The content octets of an element (a view, not a copy). */
export function contentOf(buf: Buffer, element: DerElement): Buffer {
  return buf.subarray(element.contentStart, element.end);
}

/** The whole encoding of an element, tag and length included (a view, not a copy). */
export function encodingOf(buf: Buffer, element: DerElement): Buffer {
  return buf.subarray(element.start, element.end);
}

/** Decodes an OBJECT IDENTIFIER element to its dotted form. */
export function decodeOid(buf: Buffer, element: DerElement): string {
  if (element.tag !== DerTag.ObjectIdentifier || element.end === element.contentStart) {
    throw new DerError('not an object identifier');
  }
  const arcs: number[] = [];
  let value = 0;
  for (let i = element.contentStart; i < element.end; i++) {
    const octet = buf.readUInt8(i);
    value = value * 128 + (octet & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) {
      throw new DerError('object identifier arc too large');
    }
    if ((octet & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  if ((buf.readUInt8(element.end - 1) & 0x80) !== 0) {
    throw new DerError('object identifier ends inside an arc');
  }
  return arcs.join('.');
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** Encodes one element from its tag and content parts. */
export function encodeElement(tag: number, ...content: readonly Buffer[]): Buffer {
  const [only, ...more] = content;
  const body = only && more.length === 0 ? only : Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

/** SEQUENCE of already encoded elements, in the given order. */
export function encodeSequence(...elements: readonly Buffer[]): Buffer {
  return encodeElement(DerTag.Sequence, ...elements);
}

/**
 * SET OF already encoded elements. DER orders a SET OF by the elements' encodings; signed
 * attributes are hashed as encoded, so a verifier that re-sorts must find the same bytes.
 */
export function encodeSetOf(elements: readonly Buffer[], tag: number = DerTag.Set): Buffer {
  return encodeElement(tag, ...[...elements].sort(Buffer.compare));
}

/** OBJECT IDENTIFIER from its dotted form. */
export function encodeOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new DerError(`invalid object identifier ${dotted}`);
  }
  const values = [first * 40 + second, ...rest];
  const octets: number[] = [];
  for (const value of values) {
    const group: number[] = [value % 128];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) {
      group.unshift((rest % 128) | 0x80);
    }
    octets.push(...group);
  }
  return encodeElement(DerTag.ObjectIdentifier, Buffer.from(octets));
}

/** INTEGER from a small non-negative number. */
export function encodeSmallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new DerError(`unsupported integer ${value}`);
  }
  const octets: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  if ((octets[0] ?? 0x80) >= 0x80) {
    octets.unshift(0);
  }
  return encodeElement(DerTag.Integer, Buffer.from(octets));
}

/** OCTET STRING. */
export function encodeOctetString(value: Buffer): Buffer {
  return encodeElement(DerTag.OctetString, value);
}

/** NULL. */
export const DER_NULL: Buffer = Buffer.from([DerTag.Null, 0x00]);
