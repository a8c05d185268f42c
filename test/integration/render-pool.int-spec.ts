import { renderOfficialReport } from '@app/document';
import { finishPdf, generateDevelopmentCertificate, inspectPdfSignature, loadSigningIdentity, sha256 } from '@app/pdf';
import { DomainError, ErrorKind, loadAppConfig } from '@app/platform';
import { referenceReport } from '@app/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { type PdfProduction } from '../../libs/document/src/issued/pdf-production.js';
import { RenderPool } from '../../libs/document/src/issued/render-pool.service.js';

/** The render threads of a worker process, started from the build as the worker starts them. */
describe('RenderPool', () => {
  const builtEntry = pathToFileURL(join(process.cwd(), 'dist/libs/document/src/issued/render-thread.js'));
  const certificate = generateDevelopmentCertificate({
    commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
    organisationalUnit: 'Hägersten-Älvsjö stadsdelsförvaltning',
    validFrom: new Date('2025-01-01T00:00:00Z'),
  });
  const identity = loadSigningIdentity(certificate.p12, certificate.passphrase);
  const production = (model = referenceReport()): PdfProduction => ({
    template: { layout: 'official_report', model },
    signature: {
      signerName: 'Hägersten-Älvsjö stadsdelsförvaltning',
      reason: 'Tjänsteutlåtande HÄ 2025/578, godkänt i alla steg',
      location: 'Stockholm',
      contactInfo: 'hagersten-alvsjo@stockholm.se',
      signingTime: new Date('2025-10-23T10:00:00Z'),
    },
  });
  const pool = (threads: number): RenderPool =>
    new RenderPool(loadAppConfig({ RENDER_THREADS: String(threads) }), builtEntry);

  it('renders on a thread the very bytes the job’s own thread renders, and signs them', async () => {
    const threads = pool(1);
    try {
      const produced = await threads.signed(production(), identity);
      const inPlace = await finishPdf(renderOfficialReport(referenceReport()).doc);
      expect(Buffer.compare(await threads.unsigned(production().template), inPlace)).toBe(0);
      expect(produced.sha256).toBe(sha256(produced.pdf));
      const inspection = inspectPdfSignature(produced.pdf);
      expect(inspection).toMatchObject({ status: 'signed', intact: true });
    } finally {
      await threads.onApplicationShutdown();
    }
  });

  it('takes more documents than it has threads and finishes every one', async () => {
    const threads = pool(2);
    try {
      const all = await Promise.all(Array.from({ length: 7 }, () => threads.signed(production(), identity)));
      expect(all).toHaveLength(7);
      for (const produced of all) {
        expect(inspectPdfSignature(produced.pdf)).toMatchObject({ status: 'signed', intact: true });
      }
      // Same revision, same signing time and key: the same bytes, whichever thread made them.
      expect(new Set(all.map((p) => p.sha256)).size).toBe(1);
    } finally {
      await threads.onApplicationShutdown();
    }
  });

  it('loses only the document a dying thread was making; the one waiting at its door is made by a new thread', async () => {
    // The real thread, and beside it a listener that ends the thread when told to: it runs in
    // the same turn as the thread's own, before the thread starts on the document, so the
    // thread dies with the next document already in its port.
    const folder = mkdtempSync(join(tmpdir(), 'render-thread-'));
    const dying = join(folder, 'dying-render-thread.mjs');
    writeFileSync(
      dying,
      [
        "import { parentPort } from 'node:worker_threads';",
        `import ${JSON.stringify(builtEntry.href)};`,
        "parentPort.on('message', (r) => { if (r.kind === 'signed' && r.production.signature.reason === 'KRASCH') process.exit(7); });",
      ].join('\n'),
    );
    const threads = new RenderPool(loadAppConfig({ RENDER_THREADS: '1' }), pathToFileURL(dying));
    try {
      await threads.start();
      const crash = production();
      const doomed = threads.signed({ ...crash, signature: { ...crash.signature, reason: 'KRASCH' } }, identity);
      const waiting = threads.signed(production(), identity);
      await expect(doomed).rejects.toThrow('a render thread stopped (exit code 7)');
      expect(inspectPdfSignature((await waiting).pdf)).toMatchObject({ status: 'signed', intact: true });
      expect(inspectPdfSignature((await threads.signed(production(), identity)).pdf)).toMatchObject({
        status: 'signed',
        intact: true,
      });
    } finally {
      await threads.onApplicationShutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('hands a model the renderer refuses back as the same kind of error, so the job fails it for good', async () => {
    const threads = pool(1);
    try {
      const bad = { ...referenceReport(), date: '23 oktober 2025' };
      const failure = threads.signed(production(bad), identity);
      await expect(failure).rejects.toBeInstanceOf(DomainError);
      await expect(failure).rejects.toMatchObject({ code: 'document.model_invalid', kind: ErrorKind.Unprocessable });
      // The thread lives on for the next document.
      expect((await threads.signed(production(), identity)).pdf.length).toBeGreaterThan(10_000);
    } finally {
      await threads.onApplicationShutdown();
    }
  });

  it('hands a signing failure back as the domain error it is, kind and code intact', async () => {
    const threads = pool(1);
    try {
      // Nothing listens on the discard port: the time-stamping authority cannot be reached.
      const failure = threads.signed({ ...production(), tsaUrl: 'http://127.0.0.1:9/tsa' }, identity);
      await expect(failure).rejects.toBeInstanceOf(DomainError);
      await expect(failure).rejects.toMatchObject({ code: 'signing.timestamp_failed', kind: ErrorKind.Unavailable });
    } finally {
      await threads.onApplicationShutdown();
    }
  });

  it('refuses work after shutting down, and runs in the caller’s thread with RENDER_THREADS=0', async () => {
    const threads = pool(1);
    await threads.onApplicationShutdown();
    await expect(threads.signed(production(), identity)).rejects.toThrow('shut down');
    const inPlace = pool(0);
    const produced = await inPlace.signed(production(), identity);
    expect(inspectPdfSignature(produced.pdf)).toMatchObject({ status: 'signed', intact: true });
  });
});
