import { createHash } from 'node:crypto';

/**
 * A signature value as it sits in a signed PDF: a long hex string in angle brackets. The brackets
 * and hex lie outside the signed byte range, so they survive any change to the signed bytes —
 * even to the dictionary keys around them, which is why they are not found by key.
 */
const MIN_SIGNATURE_HEX = 1024;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;

function isHex(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/**
 * The SHA-256 of each signature value in the PDF, in file order. One pass over the bytes: any
 * file a person uploads for verification, however large its hex runs, is read in linear time.
 */
export function signatureSha256s(pdf: Buffer): string[] {
  const found: string[] = [];
  let i = pdf.indexOf(LESS_THAN);
  while (i >= 0) {
    let end = i + 1;
    while (end < pdf.length && isHex(pdf.readUInt8(end))) {
      end++;
    }
    if (end < pdf.length && pdf[end] === GREATER_THAN && end - i - 1 >= MIN_SIGNATURE_HEX) {
      found.push(
        createHash('sha256')
          .update(pdf.toString('latin1', i + 1, end).toLowerCase())
          .digest('hex'),
      );
    }
    i = pdf.indexOf(LESS_THAN, end);
  }
  return found;
}

/**
 * The SHA-256 of a signed PDF's last signature value. It identifies the issued file even when
 * bytes elsewhere in it were changed afterwards.
 */
export function signatureSha256(pdf: Buffer): string | undefined {
  return signatureSha256s(pdf).at(-1);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
