import { APP_CONFIG, type AppConfig, PermanentJobFailure } from '@app/platform';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

/** The SMTP server refused the message for good (a 5xx answer): sending it again changes nothing. */
export class MailRefused extends PermanentJobFailure {
  constructor(readonly answer: string) {
    super(`the mail server refused the message: ${answer}`);
    this.name = 'MailRefused';
  }
}

interface SmtpError {
  readonly responseCode?: number;
  readonly response?: string;
  readonly code?: string;
  readonly message?: string;
}

/** The server's answer, or the connection error, in one line without credentials. */
export function smtpAnswer(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const text = e.response ?? e.message ?? String(error);
  return text
    .replace(/\s+/g, ' ')
    .replace(/smtps?:\/\/[^@\s]*@/gi, 'smtp://***@')
    .slice(0, 500);
}

/**
 * Hands composed messages to the SMTP server of SMTP_URL, no faster than MAIL_RATE_PER_SECOND,
 * or, without one, writes each as an .eml file under MAIL_DIR (what the demo and a fresh
 * installation show). A 5xx answer is a MailRefused; anything else (4xx, connection) is thrown
 * as it is, for the queue to retry with back-off.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  readonly #log = new Logger('mail');
  #transporter: Transporter | undefined;
  #next = 0;
  #toldFiles = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(raw: Buffer, envelope: { from: string; to: string }, fileName: string): Promise<void> {
    await this.#pace();
    const url = this.config.mail.smtpUrl;
    if (!url) {
      await this.#writeFile(raw, fileName);
      return;
    }
    this.#transporter ??= nodemailer.createTransport(url.reveal());
    try {
      await this.#transporter.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
    } catch (error) {
      const code = (error as SmtpError).responseCode;
      if (code !== undefined && code >= 500) {
        throw new MailRefused(smtpAnswer(error));
      }
      throw new Error(smtpAnswer(error), { cause: error });
    }
  }

  /** Spaces the sends of this process by 1/MAIL_RATE_PER_SECOND seconds. */
  async #pace(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.#next);
    this.#next = at + 1000 / this.config.mail.ratePerSecond;
    if (at > now) {
      await new Promise((resolve) => setTimeout(resolve, at - now));
    }
  }

  async #writeFile(raw: Buffer, fileName: string): Promise<void> {
    const directory = this.config.mail.directory;
    if (!this.#toldFiles) {
      this.#toldFiles = true;
      this.#log.log({ msg: 'SMTP_URL is not set: mail is written as .eml files instead of sent', directory });
    }
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, fileName), raw);
  }

  onApplicationShutdown(): void {
    this.#transporter?.close();
    this.#transporter = undefined;
  }
}
