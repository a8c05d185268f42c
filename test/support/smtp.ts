import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ArrivedMail {
  readonly raw: Buffer;
  readonly to: readonly string[];
  readonly parsed: ParsedMail;
}

/** An answer the server gives to RCPT TO for an address, `times` times (Infinity: always). */
interface Refusal {
  code: number;
  message: string;
  times: number;
}

/**
 * An SMTP server in the test's own process that requires the login the test gives, keeps every
 * message it accepts, and refuses recipients as told (4xx for a while, 5xx for good).
 */
export class TestSmtpServer {
  readonly arrived: ArrivedMail[] = [];
  readonly #refusals: { match: (address: string) => boolean; refusal: Refusal }[] = [];
  #server: SMTPServer | undefined;
  #port = 0;

  constructor(
    readonly user: string,
    readonly password: string,
  ) {}

  get url(): string {
    return `smtp://${this.user}:${encodeURIComponent(this.password)}@127.0.0.1:${this.#port}`;
  }

  /** Refuses the address (or every address the pattern matches) with the answer, `times` times. */
  refuse(address: string | RegExp, code: number, message: string, times = Infinity): void {
    const match =
      typeof address === 'string' ? (a: string) => a === address.toLowerCase() : (a: string) => address.test(a);
    this.#refusals.push({ match, refusal: { code, message, times } });
  }

  /** Accepts every address again. */
  acceptAll(): void {
    this.#refusals.length = 0;
  }

  to(address: string): ArrivedMail[] {
    return this.arrived.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) {
          callback(null, { user: auth.username });
        } else {
          callback(new Error('535 Authentication failed'));
        }
      },
      onRcptTo: (address, _session, callback) => {
        const refusal = this.#refusals.find(
          (r) => r.refusal.times > 0 && r.match(address.address.toLowerCase()),
        )?.refusal;
        if (refusal && refusal.times > 0) {
          refusal.times--;
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              this.arrived.push({ raw, to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Waits until `count` messages satisfy `where`. */
  async waitFor(where: (m: ArrivedMail) => boolean, count = 1, timeoutMs = 60_000): Promise<ArrivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.arrived.filter(where);
      if (found.length >= count) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`${found.length} of ${count} messages arrived within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
