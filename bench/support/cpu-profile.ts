import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) read here. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

/** Where a sample's own (self) time is counted: the first rule whose pattern the frame's URL or name matches. */
const CATEGORIES: readonly (readonly [string, RegExp])[] = [
  ['idle (waiting for I/O)', /^\(idle\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  [
    'pdfkit + fontkit (layout, fonts, PDF objects)',
    /node_modules\/(pdfkit|fontkit|restructure|unicode-|linebreak|brotli|dfa|tiny-inflate|crypto-js|png-js|jpeg-exif)/,
  ],
  ['renderer (libs/document/src/render)', /libs\/document\/src\/render\//],
  ['statement markup (libs/markup)', /libs\/markup\//],
  ['zlib (deflate of the PDF streams)', /^node:zlib$|zlib/],
  ['signing (@signpdf, libs/document/src/signing)', /node_modules\/@signpdf|libs\/document\/src\/signing\//],
  ['node:crypto (hashes, RSA)', /^node:(internal\/)?crypto/],
  ['TypeORM', /node_modules\/typeorm\//],
  ['pg driver (protocol, types)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|pgpass)\//],
  [
    'BullMQ + ioredis',
    /node_modules\/(bullmq|ioredis|msgpackr|@ioredis|redis-errors|cluster-key-slot|standard-as-callback|denque)\//,
  ],
  [
    'pino logging',
    /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|on-exit-leak-free|atomic-sleep|safe-stable-stringify)/,
  ],
  [
    'NestJS, rxjs, class-validator',
    /node_modules\/(@nestjs|rxjs|class-validator|class-transformer|reflect-metadata)\//,
  ],
  ['application code (libs, apps)', /\/(libs|apps)\//],
  ['Node.js internals (streams, buffers, timers, net)', /^node:/],
  ['V8 / native (program)', /^\(program\)$/],
];

/** Functions whose inclusive CPU time is reported (a sample counts when the function is on its stack). */
const FUNCTIONS: readonly (readonly [string, RegExp])[] = [
  ['DocumentIssuerService.issue (whole job, CPU in this process)', /^issue$/],
  ['renderAndSign', /^renderAndSign$/],
  ['  DocumentModelsService.prepare (reads the frozen statement)', /^prepare$/],
  ['  renderOfficialReport (layout)', /^renderOfficialReport$/],
  ['  finishPdf (doc.end: fonts subset, objects written)', /^finishPdf$/],
  ['  signPdf', /^signPdf$/],
  ['IssuanceService.claim', /^claim$/],
  ['RegisteredDocumentService.registerIn (with the file)', /^registerIn$/],
  ['FileStoreService.store', /^store$/],
  ['AuditService.record', /^record$/],
  ['sha256 / signatureSha256 of the signed PDF', /^(sha256|signatureSha256|signatureSha256s)$/],
  ['OutboxService.settle', /^settle$/],
  ['pino write (log lines)', /^(write|asJson)$/],
];

export interface ProfileSummary {
  /** Sampled wall time of the window (first to last sample inside a job). */
  readonly windowMs: number;
  readonly selfMs: Readonly<Record<string, number>>;
  readonly inclusiveMs: Readonly<Record<string, number>>;
  readonly text: string;
}

function categoryOf(frame: { functionName: string; url: string }): string {
  for (const [name, pattern] of CATEGORIES) {
    if (pattern.test(frame.url) || pattern.test(frame.functionName)) {
      return name;
    }
  }
  return frame.url === '' ? 'V8 / native (program)' : 'other JavaScript';
}

/**
 * Sums every `.cpuprofile` in `directory` over the window in which each process ran jobs: from
 * its first to its last sample with `issue` on the stack (start-up, warm-up and shutdown left
 * out). Self time goes to categories by source (package or folder); inclusive time to a few
 * named functions of the job.
 */
export async function summariseCpuProfiles(directory: string): Promise<ProfileSummary> {
  const files = (await readdir(directory)).filter((f) => f.endsWith('.cpuprofile'));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let windowUs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(directory, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) {
        parent.set(child, node.id);
      }
    }
    const stackOf = (id: number): string[] => {
      const names: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        names.push(byId.get(at)!.callFrame.functionName);
      }
      return names;
    };
    const inJob = profile.samples.map((id) => stackOf(id).includes('issue'));
    const first = inJob.indexOf(true);
    const last = inJob.lastIndexOf(true);
    if (first < 0) {
      continue;
    }
    for (let i = first + 1; i <= last + 1 && i < profile.samples.length; i++) {
      // A sample's delta is the time since the previous one: it belongs to the previous sample's state.
      const id = profile.samples[i - 1]!;
      const us = profile.timeDeltas[i] ?? 0;
      windowUs += us;
      const category = categoryOf(byId.get(id)!.callFrame);
      self.set(category, (self.get(category) ?? 0) + us);
      const stack = stackOf(id);
      for (const [name, pattern] of FUNCTIONS) {
        if (stack.some((f) => pattern.test(f))) {
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
      }
    }
  }
  const toMs = (m: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v / 100) / 10]));
  const selfMs = toMs(self);
  const inclusiveMs = Object.fromEntries(
    FUNCTIONS.map(([name]) => [name, Math.round((inclusive.get(name) ?? 0) / 100) / 10]),
  );
  const windowMs = Math.round(windowUs / 1000);
  const share = (v: number): string => `${((100 * v) / Math.max(1, windowMs)).toFixed(1)} %`;
  const text = [
    `  sampled window ${windowMs} ms (summed over ${files.length} process(es)); self time by source:`,
    ...Object.entries(selfMs).map(
      ([k, v]) => `    ${k.padEnd(52)} ${String(Math.round(v)).padStart(7)} ms  ${share(v)}`,
    ),
    '  inclusive (on the stack):',
    ...Object.entries(inclusiveMs).map(
      ([k, v]) => `    ${k.padEnd(60)} ${String(Math.round(v)).padStart(7)} ms  ${share(v)}`,
    ),
  ].join('\n');
  return { windowMs, selfMs, inclusiveMs, text };
}
