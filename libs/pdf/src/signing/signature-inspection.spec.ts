import { createHash, randomBytes, sign } from 'node:crypto';

import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import PDFDocument from 'pdfkit';

import { encodeSignedData } from './cms-signed-data.js';
import { DerTag, encodeElement, encodeOctetString, encodeOid, encodeSequence, encodeSetOf } from './der.js';
import { generateDevelopmentCertificate } from './development-certificate.js';
import { Oid } from './object-identifiers.js';
import { signPdf } from './pades-signer.js';
import { inspectPdfSignature, type InspectedSignature } from './signature-inspection.js';
import { addSignaturePlaceholder } from './signature-placeholder.js';
import { loadSigningIdentity, type SigningIdentity } from './signing-identity.js';

const FONT = 'node_modules/@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf';
const SIGNING_TIME = new Date('2025-03-14T09:26:53Z');

async function renderPdf(withPlaceholder = true): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(FONT).text('Hägersten-Älvsjö stadsdelsnämnd – åäö ÅÄÖ');
  if (withPlaceholder) {
    addSignaturePlaceholder(doc, {
      signerName: 'Hägersten-Älvsjö stadsdelsnämnd',
      reason: 'Beslut',
      location: 'Stockholm',
      contactInfo: '',
      signingTime: SIGNING_TIME,
    });
  }
  doc.end();
  return ended;
}

function identityFor(commonName: string): { identity: SigningIdentity; fingerprint: string } {
  const certificate = generateDevelopmentCertificate({
    commonName,
    organisation: 'Stockholms stad',
    validFrom: new Date('2025-01-01Z'),
  });
  return {
    identity: loadSigningIdentity(certificate.p12, certificate.passphrase),
    fingerprint: certificate.fingerprintSha256,
  };
}

/** A signer that does what PAdES forbids: a signing-time attribute and no signing-certificate-v2. */
class SigningTimeSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(content).digest();
    const attribute = (type: string, value: Buffer) => encodeSequence(encodeOid(type), encodeSetOf([value]));
    const signedAttributes = encodeSetOf([
      attribute(Oid.contentTypeAttribute, encodeOid(Oid.data)),
      attribute(Oid.messageDigestAttribute, encodeOctetString(digest)),
      attribute(Oid.signingTimeAttribute, encodeElement(DerTag.UtcTime, Buffer.from('250314092653Z'))),
    ]);
    const signatureValue = sign('sha256', signedAttributes, this.identity.privateKey);
    return Promise.resolve(
      encodeSignedData(this.identity, { contentType: Oid.data, digest }, { signedAttributes, signatureValue }),
    );
  }
}

describe(inspectPdfSignature.name, () => {
  const nämnd = identityFor('Hägersten-Älvsjö stadsdelsnämnd');
  let signed: Buffer;

  beforeAll(async () => {
    signed = await signPdf(await renderPdf(), nämnd.identity);
  });

  function expectSigned(inspection: ReturnType<typeof inspectPdfSignature>): InspectedSignature {
    expect(inspection.status).toBe('signed');
    return inspection as InspectedSignature;
  }

  it('reports every check as passed for a file this library signed', () => {
    const sut = expectSigned(inspectPdfSignature(signed));
    expect(sut).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      coversWholeFile: true,
      digestAlgorithmOid: Oid.sha256,
      digestMatches: true,
      signatureVerifies: true,
      signingCertificateV2: 'matches',
      signingTimeAttributePresent: false,
      timestampTokenPresent: false,
      claimedSigningTime: SIGNING_TIME,
      intact: true,
      signer: {
        fingerprintSha256: nämnd.fingerprint,
        commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
        organisation: 'Stockholms stad',
        serialNumberHex: nämnd.identity.serialNumberHex,
      },
    });
    expect(sut.signer.certificateDer.equals(nämnd.identity.certificateDer)).toBe(true);
    const [start1, length1, start2, length2] = sut.byteRange;
    expect(start1).toBe(0);
    expect(start2 + length2).toBe(signed.length);
    expect(signed[length1]).toBe(0x3c); // '<' of Contents
    expect(signed[start2 - 1]).toBe(0x3e); // '>'
  });

  it('notices a change to any single byte the signature covers, and never throws', () => {
    const { byteRange } = expectSigned(inspectPdfSignature(signed));
    const [, length1, start2, length2] = byteRange;
    // pdfkit writes the signature dictionary early, so the first range is short: take all of it.
    const positions: number[] = [];
    for (let position = 0; position < length1; position += 1) {
      positions.push(position);
    }
    for (let position = start2; position < start2 + length2; position += 97) {
      positions.push(position);
    }
    positions.push(signed.length - 1);
    expect(positions.length).toBeGreaterThanOrEqual(50);
    // Changing the ByteRange numbers moves the ranges themselves; any verdict but intact is right there.
    const byteRangeText = /\/ByteRange \[[^\]]*\]/.exec(signed.subarray(0, length1).toString('latin1'))!;
    const inByteRangeText = (position: number) =>
      position >= byteRangeText.index && position < byteRangeText.index + byteRangeText[0].length;

    for (const [index, position] of positions.entries()) {
      const tampered = Buffer.from(signed);
      // Alternate a one-bit change (a digit stays a digit) with a whole-byte change.
      tampered[position] = tampered[position]! ^ (index % 2 === 0 ? 0x01 : 0xff);
      let sut: ReturnType<typeof inspectPdfSignature> | undefined;
      expect(() => (sut = inspectPdfSignature(tampered))).not.toThrow();
      if (inByteRangeText(position)) {
        expect(sut?.status === 'signed' && sut.intact).toBe(false);
      } else {
        expect(sut).toMatchObject({ status: 'signed', digestMatches: false, intact: false });
      }
    }
  });

  it("reports the other certificate's fingerprint for a file another certificate signed", async () => {
    const kultur = identityFor('Kulturnämnden');
    const sut = expectSigned(inspectPdfSignature(await signPdf(await renderPdf(), kultur.identity)));
    expect(sut.intact).toBe(true);
    expect(sut.signer.fingerprintSha256).toBe(kultur.fingerprint);
    expect(sut.signer.fingerprintSha256).not.toBe(nämnd.fingerprint);
    expect(sut.signer.commonName).toBe('Kulturnämnden');
  });

  it('finds no signature in a PDF without one, in random bytes and in an empty buffer', async () => {
    expect(inspectPdfSignature(await renderPdf(false))).toEqual({ status: 'none' });
    for (let i = 0; i < 20; i++) {
      expect(inspectPdfSignature(randomBytes(1 + i * 5_000))).toEqual({ status: 'none' });
    }
    expect(inspectPdfSignature(Buffer.alloc(0))).toEqual({ status: 'none' });
  });

  it('calls a placeholder that was never signed malformed', async () => {
    expect(inspectPdfSignature(await renderPdf())).toEqual({ status: 'malformed', problem: 'unsigned_placeholder' });
  });

  it('never throws on a truncated file or on garbage around a ByteRange', () => {
    for (let length = 0; length < signed.length; length += 211) {
      const sut = inspectPdfSignature(signed.subarray(0, length));
      expect(sut.status === 'signed' && sut.intact).toBe(false);
    }
    const garbage = [
      '/ByteRange',
      '/ByteRange [',
      '/ByteRange [0 10 20 30]',
      '/ByteRange [0 1 3 1]<>',
      '/ByteRange [0 24 26 0]<30>',
      '/ByteRange [0 24 28 0]<3082ffff>',
      '/ByteRange [0 99999999999999 1 1]',
      '/ByteRange [-1 2 3 4]',
    ];
    for (const text of garbage) {
      const sut = inspectPdfSignature(Buffer.from(text, 'latin1'));
      expect(sut.status).toBe('malformed');
    }
    const cmsNotCms = Buffer.concat([
      Buffer.from('/ByteRange [0 22 34 0]<'),
      Buffer.from('3003020101'),
      Buffer.from('>'),
    ]);
    expect(inspectPdfSignature(cmsNotCms)).toEqual({ status: 'malformed', problem: 'cms_unreadable' });
  });

  it('reports a signing-time attribute and a missing signing-certificate-v2', async () => {
    const withSigningTime = await new SignPdf().sign(await renderPdf(), new SigningTimeSigner(nämnd.identity));
    const sut = expectSigned(inspectPdfSignature(withSigningTime));
    expect(sut).toMatchObject({
      digestMatches: true,
      signatureVerifies: true,
      signingTimeAttributePresent: true,
      signingCertificateV2: 'absent',
      intact: false,
    });
  });
});
