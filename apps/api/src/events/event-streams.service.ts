import { AuthenticationService, type Session } from '@app/directory';
import {
  APP_CONFIG,
  type AppConfig,
  DomainError,
  ErrorKind,
  type LiveEvent,
  LiveEvents,
  type PersonActor,
} from '@app/platform';
import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a browser waits before it opens a cut stream again. */
const RECONNECT_MS = 3_000;
/** setTimeout's longest wait. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function frame(name: string, data: object): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The open Server-Sent Events streams of this process: one per logged-in window, each carrying
 * the live events of its person in the organisation the session acts for. A heartbeat comment
 * keeps proxies from closing a quiet stream and checks the session again; a stream ends when its
 * session expires or ends (logout, a disabled person, changed credentials), saying so first.
 */
@Injectable()
export class EventStreams implements BeforeApplicationShutdown {
  readonly #open = new Set<() => void>();

  constructor(
    private readonly live: LiveEvents,
    private readonly authentication: AuthenticationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many streams this process holds open. */
  get size(): number {
    return this.#open.size;
  }

  async open(actor: PersonActor, session: Session, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const raw = reply.raw;
    let closed = false;
    const write = (chunk: string): void => {
      if (!closed) {
        raw.write(chunk);
      }
    };
    const deliver = (event: LiveEvent): void => {
      // A notification of the person's inbox in another organisation is not this session's.
      if (event.type === 'notifications' && event.organisationId !== actor.organisationId) {
        return;
      }
      write(frame(event.type, event));
    };
    let stop: () => Promise<void>;
    try {
      stop = await this.live.subscribe({ personId: actor.personId, organisationId: actor.organisationId }, deliver);
    } catch {
      throw new DomainError(
        'events.unavailable',
        ErrorKind.Unavailable,
        'Direktuppdateringar går inte att få just nu. Sidan hämtar det nya med jämna mellanrum i stället.',
      );
    }
    reply.hijack();
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and its kind would otherwise hold events back in a buffer.
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });

    const end = (reason?: 'session-ended'): void => {
      if (closed) {
        return;
      }
      if (reason) {
        write(frame(reason, {}));
      }
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      this.#open.delete(end);
      void stop();
      raw.end();
    };
    const heartbeat = setInterval(() => {
      write(': heartbeat\n\n');
      this.authentication.resolve(session).then(
        () => undefined,
        () => end('session-ended'),
      );
    }, this.config.events.heartbeatMs);
    const expiry = setTimeout(
      () => end('session-ended'),
      Math.min(Math.max(session.expiresAt.getTime() - Date.now(), 0), LONGEST_TIMER_MS),
    );
    this.#open.add(end);
    raw.on('close', () => end());
    write(`retry: ${RECONNECT_MS}\n\n`);
    write(frame('ready', {}));
  }

  /** Ends every stream, so that the server can close (a stream would otherwise hold it open). */
  beforeApplicationShutdown(): void {
    for (const end of [...this.#open]) {
      end();
    }
  }
}
