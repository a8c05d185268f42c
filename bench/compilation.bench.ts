// Run: npm run bench:compilation -- [--answers=500] [--reps=10] [--pdf-reps=5] [--job-reps=3]
import 'reflect-metadata';

import { CompilationService, ConsultationService, RecipientService } from '@app/consultation';
import { AuthenticationService, DEMO_PASSWORD } from '@app/directory';
import { DocumentIssuerService, renderTemplate, SigningCertificateService } from '@app/document';
import { IssuanceService, type IssuedDocumentView } from '@app/issuance';
import { addSignaturePlaceholder, finishPdf, inspectPdfSignature, sha256, signPdf } from '@app/pdf';
import { addDays, localDate } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { REFERENCE_CASE } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import pg from 'pg';

import { createApiApp } from '../apps/api/src/api-app.js';
import { TokenService } from '../apps/api/src/auth/token.service.js';
import { DocumentModelsService } from '../libs/document/src/issued/document-models.service.js';
import { quietLogger, servicesOnly, startInProcessWorker } from './support/apps.js';
import { inBatches, waitFor, waitUntil } from './support/async-helpers.js';
import {
  log,
  machineInfo,
  ms,
  positiveInteger,
  withBenchEnvironment,
  writeRawResults,
} from './support/bench-environment.js';
import { median, percentile, round, table } from './support/stats.js';
import { seedStockholm } from './support/stockholm.js';
import { externalRecipients, generatedAnswer, seededRandom } from './support/swedish-answers.js';
import { BenchWorkerProcess, stopAllWorkers } from './support/worker-processes.js';

/**
 * The remissammanställning of a three-section remiss (the reference remiss's three focus areas)
 * that N external bodies have answered, each with an overall position and comment and a position
 * and comment per section: the time to compile it to JSON (in process and over HTTP) and to make
 * its signed PDF (render + sign in process, and the whole job through the queue).
 */

const answers = positiveInteger('answers', 500);
const repetitions = positiveInteger('reps', 10);
const pdfRepetitions = positiveInteger('pdf-reps', 5);
const jobRepetitions = positiveInteger('job-reps', 3);
if (jobRepetitions > answers) {
  throw new Error('--job-reps cannot exceed --answers');
}

interface Timing {
  readonly samples: readonly number[];
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

function timing(samples: readonly number[]): Timing {
  return {
    samples: samples.map((s) => round(s, 1)),
    median: round(median(samples), 1),
    p95: round(percentile(samples, 95), 1),
    min: round(Math.min(...samples), 1),
    max: round(Math.max(...samples), 1),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

interface JobResult {
  readonly answers: number;
  /** From requestPdf returning until the row is `signed` (polled every 20 ms). */
  readonly wallMs: number;
  /** The worker's own "job completed" time (claim to settled). */
  readonly jobMs: number;
  readonly pages: number;
  readonly bytes: number;
}

const ok = await withBenchEnvironment(async (env) => {
  env.onCleanUp(stopAllWorkers);
  const machine = await machineInfo(env);
  log(
    `compilation: a three-section remiss answered by ${answers} external bodies; ${repetitions} JSON repetitions, ` +
      `${pdfRepetitions} PDF repetitions, ${jobRepetitions} whole jobs; ${machine.cpus} × ${machine.cpuModel}, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}`,
  );
  const poller = new pg.Client({ connectionString: env.databaseUrl, application_name: 'remiss-bench-poller' });
  await poller.connect();
  let services: INestApplicationContext | undefined;
  try {
    // Set-up (not timed), with the real worker in this process for the jobs it causes (the
    // missiv, the answer notices).
    const building = performance.now();
    const setup = await startInProcessWorker(env);
    let consultationId: string;
    let recipientIds: string[];
    let pendingAnswers: ReturnType<typeof generatedAnswer>[];
    let officer: Awaited<ReturnType<Awaited<ReturnType<typeof seedStockholm>>['actor']>>;
    let registrar: typeof officer;
    try {
      const city = await seedStockholm(setup.app);
      officer = await city.actor('sara.ekstrom@stockholm.se');
      registrar = await city.actor('per.holm@stockholm.se');
      const consultations = setup.app.get(ConsultationService);
      const draft = await consultations.create(officer, {
        title: REFERENCE_CASE.sender.remissTitle,
        description:
          'Kommunstyrelsen remitterar förslaget till handlingsplan för romsk inkludering till berörda organisationer.',
        responseDeadline: addDays(localDate(new Date()), 30),
        sections: REFERENCE_CASE.sender.sections.map((s) => ({ title: s.title, description: s.description })),
        recipients: { external: externalRecipients(answers) },
      });
      const sent = await consultations.send(officer, draft.id);
      consultationId = sent.id;
      const sectionIds = sent.sections.map((s) => s.id);
      const { rows } = await poller.query<{ id: string }>(
        `SELECT id FROM consultation_recipients WHERE consultation_id = $1 ORDER BY external_name`,
        [consultationId],
      );
      recipientIds = rows.map((r) => r.id);
      const random = seededRandom(578);
      pendingAnswers = recipientIds.map(() => generatedAnswer(random, sectionIds));
      const recipients = setup.app.get(RecipientService);
      const first = answers - jobRepetitions;
      await inBatches(recipientIds.slice(0, first), 6, (id, i) =>
        recipients.registerExternalAnswer(registrar, id, pendingAnswers[i]!),
      );
      // The certificate exists before anything is timed (made on the first signing otherwise).
      await setup.app.get(SigningCertificateService).identityFor(officer.organisationId);
      await waitUntil(
        poller,
        `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL`,
        [],
        (n) => n === 0,
        600_000,
      );
    } finally {
      await setup.close();
    }
    const characters = pendingAnswers.map(
      (a) => a.comment.length + a.sections.reduce((sum, s) => sum + s.comment.length, 0),
    );
    log(
      `set-up: remiss ${consultationId} with 3 sections to ${answers} external bodies, ${answers - jobRepetitions} ` +
        `answered, in ${ms(performance.now() - building)}; answer text ${Math.round(median(characters))} characters ` +
        `(median; ${Math.min(...characters)}–${Math.max(...characters)}) over the overall comment and three section comments`,
    );

    services = await servicesOnly(env);
    const compilations = services.get(CompilationService);
    const recipients = services.get(RecipientService);
    const issuance = services.get(IssuanceService);

    // 1. The whole PDF job through the queue, one worker process: the last answers arrive one by
    // one and after each the sender asks for the compilation (one document per number of answers).
    const jobs: JobResult[] = [];
    const worker = await BenchWorkerProcess.start(env, { WORKER_CONCURRENCY: '4' });
    let lastDocument: IssuedDocumentView | undefined;
    try {
      for (let r = 0; r < jobRepetitions; r++) {
        const index = answers - jobRepetitions + r;
        await recipients.registerExternalAnswer(registrar, recipientIds[index]!, pendingAnswers[index]!);
        await waitUntil(
          poller,
          `SELECT count(*)::int AS n FROM outbox_jobs WHERE settled_at IS NULL`,
          [],
          (n) => n === 0,
          60_000,
        );
        const started = performance.now();
        const requested = await compilations.requestPdf(officer, consultationId);
        const done = await waitUntil(
          poller,
          `SELECT count(*)::int AS n FROM issued_documents WHERE id = $1 AND status IN ('signed', 'failed')`,
          [requested.id],
          (n) => n === 1,
          600_000,
        );
        const row = (await issuance.findById(requested.id))!;
        if (row.status !== 'signed') {
          throw new Error(`the compilation failed: ${row.failureReason}`);
        }
        // The worker logs "job completed" after settling the job, a moment after the row is signed.
        const rendered = (): number =>
          worker.logs.filter((l) => l.msg === 'job completed' && l.job === 'document.render').length;
        await waitFor(() => rendered() === jobs.length + 1, 10_000, 'the job to be logged');
        const jobLine = worker.logs.filter((l) => l.msg === 'job completed' && l.job === 'document.render').at(-1)!;
        const pdf = await services.get(FileStoreService).read(row.fileBlobId!);
        jobs.push({
          answers: index + 1,
          wallMs: done - started,
          jobMs: Number(jobLine.ms),
          pages: pageCount(pdf),
          bytes: pdf.length,
        });
        lastDocument = row;
        log(
          `whole job with ${index + 1} answers: requested → signed in ${ms(done - started)} ` +
            `(worker: ${jobs.at(-1)!.jobMs} ms); ${jobs.at(-1)!.pages} pages, ${jobs.at(-1)!.bytes} bytes`,
        );
      }
    } finally {
      await worker.stop('SIGTERM');
    }
    const document = lastDocument!;

    // 2. JSON in process: CompilationService.compile, as the API's GET …/compilation calls it.
    for (let i = 0; i < 2; i++) {
      await compilations.compile(officer, consultationId);
    }
    const compileMs: number[] = [];
    const compileCpuMs: number[] = [];
    let compiled = await compilations.compile(officer, consultationId);
    for (let i = 0; i < repetitions; i++) {
      const cpu = process.cpuUsage();
      const [elapsed, result] = await timed(() => compilations.compile(officer, consultationId));
      const used = process.cpuUsage(cpu);
      compileMs.push(elapsed);
      compileCpuMs.push((used.user + used.system) / 1000);
      compiled = result;
    }
    const jsonBytes = Buffer.byteLength(JSON.stringify(compiled));

    // 3. JSON over HTTP: the API in this process, on a free port, a bearer token for the officer.
    const api = await createApiApp(env.config(), { logger: quietLogger() });
    const httpMs: number[] = [];
    let httpBytes = 0;
    let httpOverall = 0;
    try {
      await api.app.listen({ port: 0, host: '127.0.0.1' });
      const address = api.app.getHttpServer().address() as AddressInfo;
      const { token } = await api.app.get(TokenService).issue(
        await api.app.get(AuthenticationService).authenticate({
          email: 'sara.ekstrom@stockholm.se',
          password: DEMO_PASSWORD,
          organisationId: officer.organisationId,
        }),
      );
      const url = `http://127.0.0.1:${address.port}/api/v1/consultations/${consultationId}/compilation`;
      const get = async (): Promise<Buffer> => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token.accessToken}` } });
        const body = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200) {
          throw new Error(`GET compilation: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
        }
        return body;
      };
      for (let i = 0; i < 2; i++) {
        await get();
      }
      for (let i = 0; i < repetitions; i++) {
        const [elapsed, body] = await timed(get);
        httpMs.push(elapsed);
        httpBytes = body.length;
        httpOverall = (JSON.parse(body.toString('utf8')) as { overall: unknown[] }).overall.length;
      }
    } finally {
      await api.app.close();
    }

    // 4. The PDF in process: DocumentIssuerService.renderAndSign on the requested document, and the
    // same steps one by one (a copy of renderAndSign with stopwatches).
    const issuer = services.get(DocumentIssuerService);
    const models = services.get(DocumentModelsService);
    const certificates = services.get(SigningCertificateService);
    await issuer.renderAndSign(document); // warm-up
    const renderAndSignMs: number[] = [];
    const steps = { prepare: [] as number[], render: [] as number[], finish: [] as number[], sign: [] as number[] };
    let pdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < pdfRepetitions; i++) {
      const [elapsed, signed] = await timed(() => issuer.renderAndSign(document));
      renderAndSignMs.push(elapsed);
      pdf = signed.pdf;
      let at = performance.now();
      const lap = (list: number[]): void => {
        const now = performance.now();
        list.push(now - at);
        at = now;
      };
      const identity = await certificates.identityFor(document.organisationId);
      const prepared = await models.prepare(document, { producedAt: new Date(), signer: identity.commonName });
      lap(steps.prepare);
      const rendered = renderTemplate(prepared.template);
      addSignaturePlaceholder(rendered.doc, {
        signerName: prepared.signerName,
        reason: prepared.reason,
        location: prepared.location,
        contactInfo: prepared.contactInfo,
        signingTime: new Date(),
      });
      lap(steps.render);
      const unsigned = await finishPdf(rendered.doc);
      lap(steps.finish);
      await signPdf(unsigned, identity);
      lap(steps.sign);
    }

    // Checks.
    const stored = await services.get(FileStoreService).read(document.fileBlobId!);
    const inspection = inspectPdfSignature(pdf);
    const storedInspection = inspectPdfSignature(stored);
    const sectionsComplete = compiled.sections.every((s) => s.answers.length === answers);
    const checks = {
      overallAnswers: compiled.overall.length,
      httpOverallAnswers: httpOverall,
      sections: compiled.sections.length,
      everySectionHasEveryAnswer: sectionsComplete,
      positionsCounted: Object.values(compiled.counts).reduce((a, b) => a + b, 0) === answers,
      storedFileHashMatches: sha256(stored) === document.sha256,
      storedSignatureIntact: storedInspection.status === 'signed' && storedInspection.intact,
      renderedSignatureIntact: inspection.status === 'signed' && inspection.intact,
      pages: pageCount(pdf),
      bytes: pdf.length,
    };
    const results = {
      compile: timing(compileMs),
      /** CPU of this process during compile (the rest of the wall time is PostgreSQL and the round trips). */
      compileCpu: timing(compileCpuMs),
      http: timing(httpMs),
      renderAndSign: timing(renderAndSignMs),
      steps: {
        prepare: timing(steps.prepare),
        render: timing(steps.render),
        finish: timing(steps.finish),
        sign: timing(steps.sign),
      },
      jobs,
      jsonBytes,
      httpBytes,
      loadAverage: loadavg().map((l) => round(l, 2)),
    };
    log('');
    log(
      table(
        ['what', 'median ms', 'p95 ms', 'min ms', 'max ms', 'n', 'size'],
        [
          ['compile → JSON (in process)', ...row(results.compile), repetitions, `${round(jsonBytes / 1024)} KiB`],
          ['  of which CPU in this process', ...row(results.compileCpu), repetitions, ''],
          ['GET …/compilation (HTTP)', ...row(results.http), repetitions, `${round(httpBytes / 1024)} KiB`],
          [
            'renderAndSign → PDF (in process)',
            ...row(results.renderAndSign),
            pdfRepetitions,
            `${checks.pages} pages, ${round(checks.bytes / 1024)} KiB`,
          ],
          ['  prepare (kept compilation, letterhead, certificate)', ...row(results.steps.prepare), pdfRepetitions, ''],
          ['  render (layout)', ...row(results.steps.render), pdfRepetitions, ''],
          ['  finish (doc.end)', ...row(results.steps.finish), pdfRepetitions, ''],
          ['  sign', ...row(results.steps.sign), pdfRepetitions, ''],
          [
            'whole job through the queue (requested → signed)',
            ...row(timing(jobs.map((j) => j.wallMs))),
            jobs.length,
            `${jobs.map((j) => j.answers).join('/')} answers`,
          ],
        ],
      ),
    );
    log(
      `checks: ${checks.overallAnswers} answers compiled (${checks.httpOverallAnswers} over HTTP) in ${checks.sections} sections, ` +
        `every section with every answer ${checks.everySectionHasEveryAnswer}, counts add up ${checks.positionsCounted}; ` +
        `stored PDF hashes to the row ${checks.storedFileHashMatches}, signatures intact ${checks.storedSignatureIntact}/${checks.renderedSignatureIntact}; ` +
        `load ${results.loadAverage.join(' ')}`,
    );
    const file = await writeRawResults('compilation', {
      date: new Date().toISOString(),
      machine,
      settings: { answers, repetitions, pdfRepetitions, jobRepetitions },
      results,
      checks,
    });
    log(`\nraw results: ${file}`);
    return (
      checks.overallAnswers === answers &&
      checks.httpOverallAnswers === answers &&
      checks.sections === 3 &&
      checks.everySectionHasEveryAnswer &&
      checks.positionsCounted &&
      checks.storedFileHashMatches &&
      checks.storedSignatureIntact &&
      checks.renderedSignatureIntact
    );
  } finally {
    await services?.close();
    await poller.end();
  }
});

function row(t: Timing): number[] {
  return [t.median, t.p95, t.min, t.max];
}

if (!ok) {
  log('CHECKS FAILED');
  process.exitCode = 1;
}
