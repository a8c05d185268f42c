import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import PDFDocument from 'pdfkit';

import { readCmsSignature } from './cms-signature-reader.js';
import { createCmsSignedData } from './cms-signed-data.js';
import {
  childrenOf,
  contentOf,
  DerTag,
  encodeElement,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInteger,
  readElement,
} from './der.js';
import { generateDevelopmentCertificate } from './development-certificate.js';
import { createHttpTimestamper } from './http-timestamper.js';
import { Oid } from './object-identifiers.js';
import { signPdf } from './pades-signer.js';
import { inspectPdfSignature } from './signature-inspection.js';
import { addSignaturePlaceholder } from './signature-placeholder.js';
import { loadSigningIdentity, type SigningIdentity } from './signing-identity.js';
import type { Timestamper } from './timestamper.js';

function devIdentity(commonName: string): SigningIdentity {
  const certificate = generateDevelopmentCertificate({ commonName, validFrom: new Date('2025-01-01Z') });
  return loadSigningIdentity(certificate.p12, certificate.passphrase);
}

/** A time-stamp token as a TSA would make it: a CMS SignedData over a TSTInfo, here signed by a dev certificate. */
function fakeTimestampToken(tsa: SigningIdentity, imprint: Buffer, nonce?: Buffer): Buffer {
  const tstInfo = encodeSequence(
    encodeSmallInteger(1),
    encodeOid('1.2.752.0.1'),
    encodeSequence(encodeSequence(encodeOid(Oid.sha256)), encodeOctetString(imprint)),
    encodeSmallInteger(4711),
    encodeElement(DerTag.GeneralizedTime, Buffer.from('20250314092700Z')),
    ...(nonce ? [encodeElement(DerTag.Integer, nonce)] : []),
  );
  return createCmsSignedData(tsa, {
    contentType: Oid.tstInfo,
    digest: createHash('sha256').update(tstInfo).digest(),
    encapsulatedContent: tstInfo,
  });
}

async function renderPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Tidsstämplat yttrande');
  addSignaturePlaceholder(doc, {
    signerName: 'Hägersten-Älvsjö stadsdelsnämnd',
    reason: 'Yttrande',
    location: 'Stockholm',
    contactInfo: '',
    signingTime: new Date('2025-03-14T09:26:53Z'),
  });
  doc.end();
  return ended;
}

/** A local TSA answering RFC 3161 requests; `answer` decides the reply to each one. */
async function startTsa(answer: (imprint: Buffer, nonce: Buffer) => { status: number; body: Buffer }): Promise<{
  url: string;
  server: Server;
  contentTypes: string[];
}> {
  const contentTypes: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      contentTypes.push(request.headers['content-type'] ?? '');
      const body = Buffer.concat(chunks);
      const [, messageImprint, nonce] = childrenOf(body, readElement(body));
      const hashedMessage = childrenOf(body, messageImprint!)[1]!;
      const reply = answer(Buffer.from(contentOf(body, hashedMessage)), Buffer.from(contentOf(body, nonce!)));
      response.writeHead(reply.status, { 'content-type': 'application/timestamp-reply' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`, server, contentTypes };
}

function granted(token: Buffer): Buffer {
  return encodeSequence(encodeSequence(encodeSmallInteger(0)), token);
}

describe(createHttpTimestamper.name, () => {
  const signer = devIdentity('Hägersten-Älvsjö stadsdelsnämnd');
  const tsa = devIdentity('Remiss test-TSA');
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('places the token as the unsigned signature-time-stamp attribute, over the signature value (B-T)', async () => {
    const seen: Buffer[] = [];
    const timestamper: Timestamper = {
      timestamp: (signatureValue) => {
        seen.push(signatureValue);
        return Promise.resolve(fakeTimestampToken(tsa, createHash('sha256').update(signatureValue).digest()));
      },
    };
    const signed = await signPdf(await renderPdf(), signer, { timestamper });

    const inspection = inspectPdfSignature(signed);
    expect(inspection).toMatchObject({ status: 'signed', intact: true, timestampTokenPresent: true });
    if (inspection.status !== 'signed') {
      return;
    }
    const [, length1, start2] = inspection.byteRange;
    const cms = Buffer.from(signed.subarray(length1 + 1, start2 - 1).toString('latin1'), 'hex');
    const parts = readCmsSignature(cms.subarray(0, readElement(cms).end));
    expect(parts.unsignedAttributeTypes).toEqual([Oid.signatureTimeStampTokenAttribute]);
    expect(seen).toEqual([parts.signatureValue]);

    const directory = mkdtempSync(join(tmpdir(), 'remiss-tsa-'));
    try {
      writeFileSync(join(directory, 'signed.pdf'), signed);
      writeFileSync(join(directory, 'signature.p7s'), cms);
      const pdfsig = spawnSync('pdfsig', ['signed.pdf'], { cwd: directory, encoding: 'utf8' }).stdout;
      expect(pdfsig).toContain('Signature is Valid');
      const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'signature.p7s'], {
        cwd: directory,
        encoding: 'utf8',
      }).stdout;
      expect(printed).toMatch(
        /unsignedAttrs:\s+object: id-smime-aa-timeStampToken \(1\.2\.840\.113549\.1\.9\.16\.2\.14\)/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('asks a TSA over HTTP and returns the token it grants', async () => {
    let token: Buffer | undefined;
    const { url, server, contentTypes } = await startTsa((imprint, nonce) => {
      token = fakeTimestampToken(tsa, imprint, nonce);
      return { status: 200, body: granted(token) };
    });
    servers.push(server);
    const sut = createHttpTimestamper(url);

    const result = await sut.timestamp(Buffer.from('signaturvärde'));
    expect(result.equals(token!)).toBe(true);
    expect(contentTypes).toEqual(['application/timestamp-query']);
  });

  it('refuses a token with the wrong nonce, a rejection and an HTTP error', async () => {
    const answers = [
      (imprint: Buffer) => ({
        status: 200,
        body: granted(fakeTimestampToken(tsa, imprint, Buffer.from([0x01, 0x02]))),
      }),
      () => ({ status: 200, body: encodeSequence(encodeSequence(encodeSmallInteger(2))) }),
      () => ({ status: 500, body: Buffer.from('Internal Server Error') }),
    ];
    for (const answer of answers) {
      const { url, server } = await startTsa(answer);
      servers.push(server);
      await expect(createHttpTimestamper(url).timestamp(Buffer.from('x'))).rejects.toMatchObject({
        code: 'signing.timestamp_failed',
        kind: 'unavailable',
      });
    }
  });
});
