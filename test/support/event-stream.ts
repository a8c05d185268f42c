import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';

/** One Server-Sent Event as a browser's EventSource would hand it over. */
export interface ReceivedEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/**
 * A client of GET /api/v1/events over plain HTTP, reading the stream as EventSource does: events
 * (`event:` and `data:` lines ending in an empty line), comments (lines starting with `:`), and
 * the reconnection delay (`retry:`).
 */
export class EventStreamClient {
  readonly events: ReceivedEvent[] = [];
  comments = 0;
  retry: number | undefined;
  ended = false;
  #buffer = '';
  #waiters: (() => void)[] = [];

  private constructor(
    private readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.#read(chunk));
    response.on('close', () => {
      this.ended = true;
      this.#wake();
    });
  }

  /** Opens the stream and waits for the answer's head (any status). */
  static open(baseUrl: string, headers: Record<string, string>): Promise<EventStreamClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${baseUrl}/api/v1/events`, { headers: { accept: 'text/event-stream', ...headers } });
      request.on('response', (response) => resolve(new EventStreamClient(request, response)));
      request.on('error', reject);
      request.end();
    });
  }

  /** Waits for the first event from `from` on that matches; answers it. */
  async next(
    match: (event: ReceivedEvent) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<ReceivedEvent> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      const found = this.events.slice(options.from ?? 0).find(match);
      if (found) {
        return found;
      }
      if (this.ended) {
        throw new Error(`stream ended without the event; got ${JSON.stringify(this.events)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`no such event within the time; got ${JSON.stringify(this.events)}`);
      }
      await this.#change(deadline - Date.now());
    }
  }

  /** Waits until the stream has ended. */
  async closed(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) {
        throw new Error('the stream stayed open');
      }
      await this.#change(deadline - Date.now());
    }
  }

  /** Waits until at least `count` comments have come. */
  async commentsAtLeast(count: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.comments < count) {
      if (Date.now() > deadline || this.ended) {
        throw new Error(`only ${this.comments} comments`);
      }
      await this.#change(deadline - Date.now());
    }
  }

  close(): void {
    this.request.destroy();
  }

  #read(chunk: string): void {
    this.#buffer += chunk;
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      let comment = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          comment = true;
        } else if (line.startsWith('event: ')) {
          event = line.slice(7);
        } else if (line.startsWith('data: ')) {
          data.push(line.slice(6));
        } else if (line.startsWith('retry: ')) {
          this.retry = Number(line.slice(7));
        }
      }
      if (data.length > 0) {
        this.events.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
      } else if (comment) {
        this.comments += 1;
      }
    }
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) {
      wake();
    }
  }

  #change(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(timeoutMs, 1));
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
