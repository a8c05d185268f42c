import { createHash } from 'node:crypto';

import { signatureSha256, signatureSha256s } from './pdf-signature.js';

const digest = (hex: string): string => createHash('sha256').update(hex.toLowerCase()).digest('hex');

describe('signature values in a PDF', () => {
  const first = 'AB'.repeat(600);
  const second = '0f'.repeat(2048);

  it('finds each long hex string in angle brackets, in file order, whatever the letter case', () => {
    const pdf = Buffer.from(
      `%PDF-1.7\n<< /Type /Sig /Contents <${first}> >>\n<< /ID [<0123abcd> <0123abcd>] >>\n<< /Contents <${second}> >>\n%%EOF`,
      'latin1',
    );
    expect(signatureSha256s(pdf)).toEqual([digest(first), digest(second)]);
    expect(signatureSha256(pdf)).toBe(digest(second));
  });

  it('passes over short hex strings, unclosed ones and ones broken by other bytes', () => {
    const pdf = Buffer.from(
      `<${'a'.repeat(1023)}> <${'b'.repeat(2000)} <${'c'.repeat(900)}x${'c'.repeat(900)}>`,
      'latin1',
    );
    expect(signatureSha256s(pdf)).toEqual([]);
    expect(signatureSha256(pdf)).toBeUndefined();
  });

  it('reads a file with a hex run of millions of characters without failing', () => {
    const run = '0'.repeat(9_000_000);
    const pdf = Buffer.from(`%PDF-1.7\n<${run}>\n%%EOF`, 'latin1');
    expect(signatureSha256s(pdf)).toEqual([digest(run)]);
  });
});
