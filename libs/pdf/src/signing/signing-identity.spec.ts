import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

import PDFDocument from 'pdfkit';

import { readCertificateFields } from './certificate-fields.js';
import { generateDevelopmentCertificate } from './development-certificate.js';
import { signPdf } from './pades-signer.js';
import { inspectPdfSignature } from './signature-inspection.js';
import { addSignaturePlaceholder } from './signature-placeholder.js';
import { loadSigningIdentity, type SigningIdentity } from './signing-identity.js';

function openssl(args: readonly string[], cwd: string): string {
  const result = spawnSync('openssl', args, { encoding: 'utf8', cwd });
  if (result.status !== 0) {
    throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
  }
  return `${result.stdout}${result.stderr}`;
}

async function signedSamplePdf(identity: SigningIdentity): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Protokollsutdrag');
  addSignaturePlaceholder(doc, {
    signerName: identity.commonName ?? '',
    reason: 'Justering',
    location: 'Stockholm',
    contactInfo: '',
    signingTime: new Date('2025-06-02T10:00:00Z'),
  });
  doc.end();
  return signPdf(await ended, identity);
}

describe(loadSigningIdentity.name, () => {
  const development = generateDevelopmentCertificate({
    commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
    organisation: 'Stockholms stad',
    validFrom: new Date('2025-01-01T00:00:00Z'),
  });
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'remiss-identity-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads a development certificate back with its Swedish subject', () => {
    const sut = loadSigningIdentity(development.p12, development.passphrase);
    expect(sut.commonName).toBe('Hägersten-Älvsjö stadsdelsnämnd');
    expect(sut.organisation).toBe('Stockholms stad');
    expect(sut.fingerprintSha256).toBe(development.fingerprintSha256);
    expect(sut.certificateDer.equals(new X509Certificate(development.certificatePem).raw)).toBe(true);
    expect(sut.chainDer).toEqual([]);
    expect(sut.privateKey.asymmetricKeyType).toBe('rsa');
    // Self-signed: the issuer bytes are the subject bytes.
    expect(sut.issuerNameDer.equals(readCertificateFields(sut.certificateDer).subjectNameDer)).toBe(true);
    expect(sut.serialNumberHex).toBe(new X509Certificate(development.certificatePem).serialNumber.toUpperCase());
  });

  it('never shows the private key in JSON, util.inspect or a spread copy', () => {
    const sut = loadSigningIdentity(development.p12, development.passphrase);
    const keyDer = sut.privateKey.export({ format: 'der', type: 'pkcs8' });
    const jwk = sut.privateKey.export({ format: 'jwk' });
    const fragments = [
      keyDer.toString('base64').slice(100, 140),
      keyDer.toString('hex').slice(400, 440),
      String(jwk.d).slice(10, 50),
      String(jwk.p).slice(10, 50),
    ];
    const shown = [
      JSON.stringify(sut),
      JSON.stringify({ identity: sut }),
      inspect(sut, { depth: 10 }),
      `${inspect({ ...sut })}`,
    ];
    for (const text of shown) {
      for (const fragment of fragments) {
        expect(text).not.toContain(fragment);
      }
      expect(text).not.toMatch(/privateKey|KeyObject/);
    }
    expect(JSON.parse(JSON.stringify(sut))).toMatchObject({
      commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
      fingerprintSha256: development.fingerprintSha256,
    });
  });

  it('refuses a wrong passphrase and bytes that are no PKCS#12', () => {
    expect(() => loadSigningIdentity(development.p12, 'fel lösenord')).toThrow(
      expect.objectContaining({ code: 'signing.pkcs12_unreadable' }),
    );
    expect(() => loadSigningIdentity(Buffer.from('inte en p12-fil'), 'x')).toThrow(
      expect.objectContaining({ code: 'signing.pkcs12_unreadable' }),
    );
  });

  it('keeps the exact bytes of an openssl-made certificate whose issuer has å, ä and ö, and signs with it', async () => {
    // A CA and a leaf made by openssl, as a real Swedish certificate would be; the serial has its
    // high bit set, so its INTEGER needs a leading zero octet that must survive as well.
    const run = (...args: string[]) => openssl(args, directory);
    run(
      'req',
      '-x509',
      '-utf8',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/C=SE/O=Stockholms stad/CN=Stockholms stads utfärdare för nämnder och förvaltningar',
    );
    run(
      'req',
      '-new',
      '-utf8',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      '/C=SE/O=Stockholms stad/OU=Hägersten-Älvsjö stadsdelsförvaltning/CN=Hägersten-Älvsjö stadsdelsnämnd',
    );
    run(
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      '0x8badf00d',
      '-days',
      '30',
      '-out',
      'leaf.pem',
    );
    run(
      'pkcs12',
      '-export',
      '-inkey',
      'leaf.key',
      '-in',
      'leaf.pem',
      '-certfile',
      'ca.pem',
      '-out',
      'identity.p12',
      '-passout',
      'pass:hemligt lösenord',
    );

    const sut = loadSigningIdentity(readFileSync(join(directory, 'identity.p12')), 'hemligt lösenord');
    const leaf = new X509Certificate(readFileSync(join(directory, 'leaf.pem')));
    const ca = new X509Certificate(readFileSync(join(directory, 'ca.pem')));
    expect(sut.certificateDer.equals(leaf.raw)).toBe(true);
    expect(sut.chainDer).toHaveLength(1);
    expect(sut.chainDer[0]!.equals(ca.raw)).toBe(true);
    expect(sut.issuerNameDer.equals(readCertificateFields(ca.raw).subjectNameDer)).toBe(true);
    expect(sut.serialNumber).toEqual(Buffer.from([0x00, 0x8b, 0xad, 0xf0, 0x0d]));
    expect(sut.commonName).toBe('Hägersten-Älvsjö stadsdelsnämnd');

    const signed = await signedSamplePdf(sut);
    expect(inspectPdfSignature(signed)).toMatchObject({
      status: 'signed',
      intact: true,
      signingCertificateV2: 'matches',
      signer: { fingerprintSha256: leaf.fingerprint256, commonName: 'Hägersten-Älvsjö stadsdelsnämnd' },
    });
    writeFileSync(join(directory, 'signed.pdf'), signed);
    const pdfsig = spawnSync('pdfsig', ['signed.pdf'], { encoding: 'utf8', cwd: directory }).stdout;
    expect(pdfsig).toContain('Signature is Valid');
    expect(pdfsig).toContain('Total document signed');
  });

  it('refuses a key that is not RSA', () => {
    const run = (...args: string[]) => openssl(args, directory);
    run(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ec.key',
      '-out',
      'ec.pem',
      '-days',
      '30',
      '-subj',
      '/CN=EC',
    );
    run('pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.pem', '-out', 'ec.p12', '-passout', 'pass:x');
    expect(() => loadSigningIdentity(readFileSync(join(directory, 'ec.p12')), 'x')).toThrow(
      expect.objectContaining({ code: 'signing.unsupported_key' }),
    );
  });
});
