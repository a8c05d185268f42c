import { randomUUID } from 'node:crypto';

export interface EmailAttachment {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

export interface EmailMessage {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly date: Date;
  readonly attachments: readonly EmailAttachment[];
}

/** RFC 2047 encoded-word for a header that may hold å, ä, ö. */
function encodeWord(text: string): string {
  return /^[\u0020-\u007e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function address(who: { name: string; address: string }): string {
  return `${encodeWord(who.name.replace(/["\\]/g, ''))} <${who.address}>`;
}

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 2231 parameter for a file name with Swedish letters, with an ASCII fallback. */
function fileNameParameters(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * An e-mail ready to send (RFC 5322 with MIME parts): the letter as UTF-8 text and the files as
 * attachments. Saved as a `.eml` file, any mail program opens it as a message to send.
 */
export function buildEmailMessage(message: EmailMessage): string {
  const boundary = `remiss-${randomUUID()}`;
  const headers = [
    `From: ${address(message.from)}`,
    `To: ${address(message.to)}`,
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${message.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@remiss>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    'X-Unsent: 1',
  ];
  const parts = [
    [
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(message.text, 'utf8')),
    ].join('\r\n'),
    ...message.attachments.map((a) =>
      [
        `--${boundary}`,
        `Content-Type: ${a.mediaType}; name="${fileNameParameters(a.fileName).split('"')[1]}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: attachment; ${fileNameParameters(a.fileName)}`,
        '',
        base64Lines(a.content),
      ].join('\r\n'),
    ),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${parts.join('\r\n')}\r\n--${boundary}--\r\n`;
}
