/** What an e-mail message (.eml) says and carries: its headers and text part decoded, and each attachment. */
export interface ReadEmail {
  readonly headers: string;
  readonly text: string;
  readonly attachments: readonly { readonly fileName: string; readonly content: Buffer }[];
}

/** Reads a MIME multipart message with base64 parts, as the system writes them. */
export function readEmail(eml: string): ReadEmail {
  const [headers, body] = splitOnce(eml);
  const boundary = /boundary="([^"]+)"/.exec(headers)?.[1];
  if (!boundary) {
    throw new Error('not a multipart message');
  }
  let text = '';
  const attachments: { fileName: string; content: Buffer }[] = [];
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) {
      break;
    }
    const [partHeaders, content] = splitOnce(part.replace(/^\r\n/, ''));
    const decoded = Buffer.from(content.replace(/\s+/g, ''), 'base64');
    const encodedName = /filename\*=UTF-8''([^\s;]+)/.exec(partHeaders)?.[1];
    if (encodedName) {
      attachments.push({ fileName: decodeURIComponent(encodedName), content: decoded });
    } else {
      text += decoded.toString('utf8');
    }
  }
  return { headers, text, attachments };
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf('\r\n\r\n');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 4)];
}
