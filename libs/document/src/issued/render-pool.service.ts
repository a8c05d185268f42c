import { APP_CONFIG, type AppConfig } from '@app/platform';
import { Inject, Injectable, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { DocumentTemplate } from '../render/document-template.js';
import type { SigningIdentity } from '../signing/signing-identity.js';
import { type PdfProduction, type ProducedPdf, produceSignedPdf, produceUnsignedPdf } from './pdf-production.js';
import {
  type RenderReply,
  type RenderRequest,
  type RenderWork,
  restoreError,
  THREAD_READY,
} from './render-protocol.js';

/** The built thread entry beside this module; a test may give another build's. */
export const RENDER_THREAD_ENTRY = Symbol('RENDER_THREAD_ENTRY');
const THREAD_ENTRY = new URL('./render-thread.js', import.meta.url);
/** Young generation of a render thread (three semi-spaces of 64 MB). */
const RENDER_YOUNG_GENERATION_MB = 192;

interface Task {
  readonly request: RenderRequest;
  readonly resolve: (produced: ProducedPdf) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  /** Settles once the thread has loaded the renderer and parsed the fonts. */
  readonly ready: Promise<void>;
  current?: Task;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Renders and signs PDFs on `RENDER_THREADS` threads of their own. Rendering is CPU-bound and
 * takes most of a document's time; on its own threads it overlaps with the jobs' database work
 * instead of queueing behind it on the event loop. Each thread takes one document at a time;
 * the others wait here in order. With 0 threads, documents are made in the caller's thread.
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
    this.#entry = entry ?? THREAD_ENTRY;
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
    while (this.#waiting.length > 0) {
      const thread = this.#threads.find((t) => !t.current) ?? this.#spawn();
      if (!thread) {
        return;
      }
      const task = this.#waiting.shift()!;
      thread.current = task;
      // A thread at work keeps the process alive until it answers; an idle one does not.
      thread.worker.ref();
      thread.worker.postMessage(task.request);
    }
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
    const thread: Thread = { worker, ready };
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
      const task = thread.current;
      thread.current = undefined;
      task?.reject(error);
      this.#dispatch();
    };
    // A thread that dies takes only its current document with it; the job retries it, and the
    // next document gets a new thread.
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a render thread stopped (exit code ${code})`)));
    return thread;
  }

  #answered(thread: Thread, reply: RenderReply): void {
    const task = thread.current;
    thread.current = undefined;
    thread.worker.unref();
    if (task && task.request.id === reply.id) {
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
