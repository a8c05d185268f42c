import { MUNICIPAL_TIME_ZONE } from '@app/platform';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface MailAddress {
  readonly name: string;
  readonly address: string;
}

export interface MailAttachment {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

export interface MailContent {
  readonly from: MailAddress;
  readonly to: MailAddress;
  readonly replyTo?: MailAddress | null;
  readonly subject: string;
  readonly text: string;
  /** Without it, the text as HTML paragraphs. */
  readonly html?: string;
  readonly date: Date;
  /** `<…@…>`; derived from the cause, so that a message sent again is the same message. */
  readonly messageId: string;
  readonly attachments: readonly MailAttachment[];
  /** Extra headers (`X-Unsent` for a letter the sender sends from their own mail program). */
  readonly headers?: Readonly<Record<string, string>>;
}

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: MUNICIPAL_TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** The RFC 5322 date of the instant in Stockholm time (`Tue, 03 Mar 2026 09:15:00 +0100`). */
export function stockholmMailDate(instant: Date): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '').replace(':', '') || '+0000';
  return `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}:${p.second} ${offset}`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The plain text as HTML: paragraphs at blank lines, links made clickable. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) =>
      escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>\n'),
    )
    .map((p) => `<p>${p}</p>`);
  return `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"></head><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

/**
 * The message as MIME (RFC 5322): UTF-8 subject and names, a plain-text and an HTML part,
 * attachments under their Swedish file names, dated in Stockholm time.
 */
export async function composeMail(message: MailContent): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: message.from.name, address: message.from.address },
    to: { name: message.to.name, address: message.to.address },
    ...(message.replyTo ? { replyTo: { name: message.replyTo.name, address: message.replyTo.address } } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html ?? textToHtml(message.text),
    messageId: message.messageId,
    date: stockholmMailDate(message.date),
    textEncoding: 'base64',
    attachments: message.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.mediaType,
      content: a.content,
    })),
    headers: { ...message.headers },
  });
  return composer.compile().build();
}
