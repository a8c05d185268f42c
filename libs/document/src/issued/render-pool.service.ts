import type { SigningIdentity } from '@app/pdf';
import { APP_CONFIG, type AppConfig, installationRoot } from '@app/platform';
import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { DocumentTemplate } from '../render/document-template.js';
import { type PdfProduction, type ProducedPdf, produceSignedPdf, produceUnsignedPdf } from './pdf-production.js';
import {
  type RenderReply,
  type RenderRequest,
  type RenderWork,
  restoreError,
  THREAD_READY,
} from './render-protocol.js';

/** The thread entry; a test may give another. */
export const RENDER_THREAD_ENTRY = Symbol('RENDER_THREAD_ENTRY');

/**
 * The built thread entry: beside this module in the build, and the build's copy under dist/ when
 * this module runs from the TypeScript sources (the tests), since a thread starts only from
 * JavaScript — so the tests render on a thread as production does.
 */
function threadEntry(): URL {
  const beside = new URL('./render-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) {
    return beside;
  }
  const root = installationRoot();
  return pathToFileURL(join(root, 'dist', relative(root, fileURLToPath(beside))));
}
/** Young generation of a render thread (three semi-spaces of 64 MB). */
const RENDER_YOUNG_GENERATION_MB = 192;
/**
 * Documents handed to one thread at once: the one it renders and the next, waiting in its
 * message port, so that it starts on the next the moment it posts one back instead of idling
 * until the jobs' thread gets round to reading the answer.
 */
const DOCUMENTS_PER_THREAD = 2;

interface Task {
  readonly request: RenderRequest;
  readonly resolve: (produced: ProducedPdf) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  /** Settles once the thread has loaded the renderer and parsed the fonts. */
  readonly ready: Promise<void>;
  /** Handed to the thread, in the order it makes them: the first is the one it is making. */
  readonly tasks: Task[];
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Renders and signs PDFs on `RENDER_THREADS` threads of their own. Rendering is CPU-bound and
 * takes most of a document's time; on its own threads it overlaps with the jobs' database work
 * instead of queueing behind it on the event loop. Each thread makes one document at a time with
 * the next one waiting at its door; the others wait here in order. With 0 threads, documents
 * are made in the caller's thread.
 */
@Injectable()
export class RenderPool implements OnApplicationShutdown {
  readonly #size: number;
  readonly #entry: URL;
  readonly #threads: Thread[] = [];
  readonly #waiting: Task[] = [];
  #nextId = 1;
  #closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Optional() @Inject(RENDER_THREAD_ENTRY) entry?: URL) {
    this.#size = config.documents.renderThreads;
    this.#entry = entry ?? threadEntry();
    if (this.#size > 0 && !existsSync(fileURLToPath(this.#entry))) {
      // Running from TypeScript sources: a thread can only start from the built JavaScript.
      throw new Error(
        `RENDER_THREADS=${this.#size} needs the built ${fileURLToPath(this.#entry)}: run npm run build, or set RENDER_THREADS=0`,
      );
    }
  }

  signed(production: PdfProduction, identity: SigningIdentity): Promise<ProducedPdf> {
    if (this.#size === 0) {
      return produceSignedPdf(production, identity);
    }
    return this.#submit({
      kind: 'signed',
      production,
      identity: {
        fingerprintSha256: identity.fingerprintSha256,
        certificateDer: identity.certificateDer,
        chainDer: identity.chainDer,
        privateKey: identity.privateKey,
      },
    });
  }

  async unsigned(template: DocumentTemplate): Promise<Buffer> {
    if (this.#size === 0) {
      return produceUnsignedPdf(template);
    }
    return (await this.#submit({ kind: 'unsigned', template })).pdf;
  }

  /**
   * Starts every thread and waits until each has parsed the fonts, so that the first documents
   * do not pay for it (the worker calls this at start-up; otherwise threads start on demand).
   */
  async start(): Promise<void> {
    for (let i = this.#threads.length; i < this.#size; i++) {
      this.#spawn();
    }
    await Promise.all(this.#threads.map((t) => t.ready));
  }

  async onApplicationShutdown(): Promise<void> {
    this.#closed = true;
    for (const task of this.#waiting.splice(0)) {
      task.reject(new Error('the render threads are shutting down'));
    }
    await Promise.all(this.#threads.splice(0).map((t) => t.worker.terminate()));
  }

  #submit(work: RenderWork): Promise<ProducedPdf> {
    if (this.#closed) {
      return Promise.reject(new Error('the render threads are shut down'));
    }
    return new Promise<ProducedPdf>((resolve, reject) => {
      const request: RenderRequest = { id: this.#nextId++, ...work };
      this.#waiting.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (;;) {
      const thread = this.#threadWithRoom();
      const task = thread && this.#waiting.shift();
      if (!thread || !task) {
        return;
      }
      thread.tasks.push(task);
      // A thread at work keeps the process alive until it answers; an idle one does not.
      thread.worker.ref();
      thread.worker.postMessage(task.request);
    }
  }

  /** An idle thread, else a new one, else one whose next document is not chosen yet. */
  #threadWithRoom(): Thread | undefined {
    return (
      this.#threads.find((t) => t.tasks.length === 0) ??
      this.#spawn() ??
      this.#threads.find((t) => t.tasks.length < DOCUMENTS_PER_THREAD)
    );
  }

  #spawn(): Thread | undefined {
    if (this.#threads.length >= this.#size || this.#closed) {
      return undefined;
    }
    // Rendering makes a great deal of short-lived garbage (glyph runs, content streams); a young
    // generation large enough for a whole document keeps it out of the old one, and halves
    // the time the thread and V8's helpers spend collecting.
    const worker = new Worker(this.#entry, {
      resourceLimits: { maxYoungGenerationSizeMb: RENDER_YOUNG_GENERATION_MB },
    });
    let started!: () => void;
    let failed!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // A thread that fails while starting is reported through its first task as well.
    ready.catch(() => undefined);
    const thread: Thread = { worker, ready, tasks: [] };
    this.#threads.push(thread);
    worker.unref();
    worker.on('message', (message: RenderReply | typeof THREAD_READY) => {
      if (message === THREAD_READY) {
        started();
      } else {
        this.#answered(thread, message);
      }
    });
    worker.once('error', failed);
    const lost = (error: Error): void => {
      const index = this.#threads.indexOf(thread);
      if (index >= 0) {
        this.#threads.splice(index, 1);
      }
      const [current, ...unstarted] = thread.tasks.splice(0);
      current?.reject(error);
      if (this.#closed) {
        unstarted.forEach((task) => task.reject(new Error('the render threads are shutting down')));
        return;
      }
      this.#waiting.unshift(...unstarted);
      this.#dispatch();
    };
    // A thread that dies takes only the document it was making with it (the job retries it);
    // the one waiting at its door goes first to a new thread.
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a render thread stopped (exit code ${code})`)));
    return thread;
  }

  #answered(thread: Thread, reply: RenderReply): void {
    // A thread answers in the order it was given its documents.
    const task = thread.tasks[0]?.request.id === reply.id ? thread.tasks.shift() : undefined;
    if (thread.tasks.length === 0) {
      thread.worker.unref();
    }
    if (task) {
      if (reply.ok) {
        task.resolve({
          pdf: asBuffer(reply.pdf),
          unsigned: asBuffer(reply.unsigned),
          sha256: reply.sha256,
          signatureSha256: reply.signatureSha256,
        });
      } else {
        task.reject(restoreError(reply.error));
      }
    }
    this.#dispatch();
  }
}
