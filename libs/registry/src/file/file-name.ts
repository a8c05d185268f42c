/**
 * Characters that change how a name reads without being seen: C0 and C1 control characters and
 * the Unicode bidirectional controls, with which `faktura\u202Egnp.pdf` shows as `fakturafdp.png`.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * An uploaded file's name as it is kept and shown: without control characters and
 * bidirectional overrides, and without surrounding white space. (A NUL is never cleaned away:
 * a name holding one is refused where it arrives.)
 */
export function cleanFileName(name: string): string {
  return name.replace(INVISIBLE, '').trim();
}
