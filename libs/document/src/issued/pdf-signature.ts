import { createHash } from 'node:crypto';

/**
 * A signature value as it sits in a signed PDF: a long hex string in angle brackets. The brackets
 * and hex lie outside the signed byte range, so they survive any change to the signed bytes —
 * even to the dictionary keys around them, which is why they are not found by key.
 */
const SIGNATURE_VALUE = /<([0-9A-Fa-f]{1024,})>/g;

function digest(hex: string): string {
  return createHash('sha256').update(hex.toLowerCase()).digest('hex');
}

/** The SHA-256 of each signature value in the PDF, in file order. */
export function signatureSha256s(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(SIGNATURE_VALUE)].map((m) => digest(m[1]!));
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
