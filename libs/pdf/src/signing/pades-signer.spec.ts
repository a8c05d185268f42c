import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SignPdf } from '@signpdf/signpdf';
import PDFDocument from 'pdfkit';

import { generateDevelopmentCertificate } from './development-certificate.js';
import { PadesSigner, signPdf } from './pades-signer.js';
import { inspectPdfSignature } from './signature-inspection.js';
import {
  addSignaturePlaceholder,
  pdfRectFromTopLeft,
  type SignaturePlaceholderOptions,
} from './signature-placeholder.js';
import { SigningError } from './signing-errors.js';
import { loadSigningIdentity } from './signing-identity.js';

const FONT = join(process.cwd(), 'node_modules/@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf');
const SWEDISH_TEXT = 'Hägersten-Älvsjö stadsdelsnämnd – åäö ÅÄÖ';
const SIGNING_TIME = new Date('2025-03-14T09:26:53Z');

function placeholderOptions(overrides: Partial<SignaturePlaceholderOptions> = {}): SignaturePlaceholderOptions {
  return {
    signerName: 'Hägersten-Älvsjö stadsdelsnämnd',
    reason: 'Beslut i ärende HÄ 2025/578',
    location: 'Stockholm',
    contactInfo: 'registrator.hagersten-alvsjo@stockholm.se',
    signingTime: SIGNING_TIME,
    ...overrides,
  };
}

/** A small two-page document with an embedded TTF, Swedish text and a signature placeholder. */
async function renderPdf(options: SignaturePlaceholderOptions = placeholderOptions()): Promise<Buffer> {
  const doc = new PDFDocument({ bufferPages: true, size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(FONT).fontSize(14).text(SWEDISH_TEXT);
  doc.addPage().text('Sida två. Signeras av nämnden.');
  doc.rect(72, 600, 240, 80).stroke();
  addSignaturePlaceholder(doc, options);
  doc.end();
  return ended;
}

/** Runs a tool and returns its exit status and stdout and stderr together (tools differ in which they use). */
function runTool(command: string, args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function run(command: string, args: readonly string[]): string {
  return runTool(command, args).output;
}

/** The CMS from the signature's Contents, as bytes. */
function extractCms(pdf: Buffer): Buffer {
  const inspection = inspectPdfSignature(pdf);
  if (inspection.status !== 'signed') {
    throw new Error(`not signed: ${inspection.status}`);
  }
  const [, length1, start2] = inspection.byteRange;
  return Buffer.from(pdf.subarray(length1 + 1, start2 - 1).toString('latin1'), 'hex');
}

describe(PadesSigner.name, () => {
  const certificate = generateDevelopmentCertificate({
    commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
    organisationalUnit: 'Hägersten-Älvsjö stadsdelsförvaltning',
    validFrom: new Date('2025-01-01T00:00:00Z'),
  });
  const identity = loadSigningIdentity(certificate.p12, certificate.passphrase);
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'remiss-signing-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function writeTemp(name: string, content: Buffer): string {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  }

  it('signs a pdfkit document so that pdfsig, openssl, qpdf and pdftotext accept it', async () => {
    const signed = await signPdf(await renderPdf(), identity);
    const pdfPath = writeTemp('signed.pdf', signed);

    const pdfsig = run('pdfsig', [pdfPath]);
    expect(pdfsig).toContain('Signature is Valid');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('ETSI.CAdES.detached');
    // A development certificate is self-signed and trusted by nobody, and that is all NSS should find.
    expect(pdfsig).toContain('Certificate issuer is unknown');

    const cmsPath = writeTemp('signed.p7s', extractCms(signed));
    const cms = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsPath]);
    expect(cms).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(cms).not.toMatch(/signingTime|1\.2\.840\.113549\.1\.9\.5\b/);
    expect(cms).toMatch(/contentType/);
    expect(cms).toMatch(/messageDigest/);

    // qpdf exits 0 without errors or warnings, 2 on errors and 3 on warnings.
    const qpdf = runTool('qpdf', ['--check', pdfPath]);
    expect(qpdf.output).toContain('No syntax or stream encoding errors found');
    expect(qpdf.status).toBe(0);

    expect(run('pdftotext', [pdfPath, '-'])).toContain(SWEDISH_TEXT);

    const tampered = Buffer.from(signed);
    tampered[tampered.length - 40]! ^= 0x01;
    expect(run('pdfsig', [writeTemp('tampered.pdf', tampered)])).toContain('Digest Mismatch');
  });

  it('gives the signature widget the print flag and an appearance, as PDF/A wants of every annotation', async () => {
    const signed = await signPdf(
      await renderPdf(placeholderOptions({ widget: { page: 1, rect: [72, 160, 312, 240] } })),
      identity,
    );
    const expanded = join(directory, 'expanded.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', writeTemp('widget.pdf', signed), expanded]);
    const widget = /<<(?:(?!endobj)[\s\S])*?\/Subtype \/Widget(?:(?!endobj)[\s\S])*?>>/.exec(
      readFileSync(expanded, 'latin1'),
    )?.[0];
    expect(widget).toMatch(/\/F 4\b/);
    expect(widget).toMatch(/\/AP <<\s*\/N \d+ 0 R/);
    expect(run('pdfsig', [writeTemp('widget-signed.pdf', signed)])).toContain('Signature is Valid');
  });

  it('verifies with openssl against the signer certificate as trust anchor', async () => {
    const signed = await signPdf(await renderPdf(), identity);
    const inspection = inspectPdfSignature(signed);
    if (inspection.status !== 'signed') {
      throw new Error('not signed');
    }
    const [, length1, start2, length2] = inspection.byteRange;
    const content = Buffer.concat([signed.subarray(0, length1), signed.subarray(start2, start2 + length2)]);
    const output = run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      writeTemp('verify.p7s', extractCms(signed)),
      '-content',
      writeTemp('verify.bin', content),
      '-CAfile',
      writeTemp('verify.pem', Buffer.from(certificate.certificatePem)),
      '-purpose',
      'any',
      '-out',
      join(directory, 'verify.out'),
    ]);
    expect(output).toContain('Verification successful');
  });

  it('signs the same buffer twice with one identity and one signer', async () => {
    const unsigned = await renderPdf();
    const sut = new PadesSigner(identity);
    const first = await new SignPdf().sign(unsigned, sut);
    const second = await new SignPdf().sign(unsigned, sut);
    const third = await signPdf(unsigned, identity);
    for (const signed of [first, second, third]) {
      expect(inspectPdfSignature(signed)).toMatchObject({ status: 'signed', intact: true });
    }
    // PKCS#1 v1.5 is deterministic and no signing time is signed: the same input, the same file.
    expect(second.equals(first)).toBe(true);
    expect(third.equals(first)).toBe(true);
    const [a, b] = await Promise.all([sut.sign(unsigned), sut.sign(unsigned)]);
    expect(a.equals(b)).toBe(true);
  });

  it('puts the claimed signing time in M and the Swedish reason in the dictionary', async () => {
    const signed = await signPdf(await renderPdf(), identity);
    const pdfPath = writeTemp('time.pdf', signed);
    const pdfsig = run('pdfsig', [pdfPath]);
    expect(pdfsig).toMatch(/Signing Time: +Mar 14 2025/);
    expect(inspectPdfSignature(signed)).toMatchObject({ claimedSigningTime: SIGNING_TIME });
    // The reason is a UTF-16BE text string, with its byte-order mark.
    expect(
      signed.includes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Beslut i ärende', 'utf16le').swap16()])),
    ).toBe(true);
  });

  it('puts a visible widget on the requested page at the requested rectangle', async () => {
    const rect = pdfRectFromTopLeft({ x: 72, y: 600, width: 240, height: 80 }, 841.89);
    const signed = await signPdf(await renderPdf(placeholderOptions({ widget: { page: 1, rect } })), identity);
    const pdfPath = writeTemp('widget.pdf', signed);
    expect(run('pdfsig', [pdfPath])).toContain('Signature is Valid');
    const { acroform } = JSON.parse(run('qpdf', ['--json', '--json-key=acroform', pdfPath])) as {
      acroform: { fields: { fieldtype: string; pageposfrom1: number; annotation: { object: string } }[] };
    };
    expect(acroform.fields).toEqual([expect.objectContaining({ fieldtype: '/Sig', pageposfrom1: 2 })]);
    const widget = run('qpdf', [`--show-object=${acroform.fields[0]!.annotation.object}`, pdfPath]);
    expect(widget).toMatch(/\/Rect \[ 72 161\.89 312 241\.89 \]/);
  });

  it('refuses a widget page that does not exist and a PDF without a placeholder', async () => {
    await expect(renderPdf(placeholderOptions({ widget: { page: 5, rect: [0, 0, 10, 10] } }))).rejects.toMatchObject({
      code: 'signing.page_out_of_range',
    });
    const plain = new PDFDocument();
    const chunks: Buffer[] = [];
    plain.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => plain.on('end', resolve));
    plain.text('Utan signaturfält');
    plain.end();
    await ended;
    await expect(signPdf(Buffer.concat(chunks), identity)).rejects.toBeInstanceOf(SigningError);
  });

  it('keeps the cryptography to a few milliseconds per signature', async () => {
    const sut = new PadesSigner(identity);
    const content = Buffer.alloc(100_000, 1);
    await sut.sign(content);
    const rounds = 50;
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      await sut.sign(content);
    }
    const perSignatureMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
    // About 1–2 ms on the project's machines; the bound leaves room for a loaded CI runner.
    expect(perSignatureMs).toBeLessThan(15);
  });
});
