/** What an e-mail message (.eml) says and carries: its headers and text part decoded, and each attachment. */
export interface ReadEmail {
  readonly headers: string;
  readonly text: string;
  readonly attachments: readonly { readonly fileName: string; readonly content: Buffer }[];
}

/**
 * Reads a MIME message as the system composes it (nested multiparts, base64 or quoted-printable
 * parts, RFC 2231 file names), synchronously, for tests that read many answers in a row. Tests
 * of delivery read what arrived with mailparser instead.
 */
export function readEmail(eml: string): ReadEmail {
  const [headers] = splitOnce(eml);
  let text = '';
  const attachments: { fileName: string; content: Buffer }[] = [];
  const walk = (part: string): void => {
    const [rawHeaders, body] = splitOnce(part);
    const partHeaders = unfold(rawHeaders);
    const type = header(partHeaders, 'content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const child of body.split(`--${boundary}`).slice(1)) {
        if (child.startsWith('--')) {
          break;
        }
        walk(child.replace(/^\r\n/, ''));
      }
      return;
    }
    const encoding = (header(partHeaders, 'content-transfer-encoding') ?? '7bit').toLowerCase();
    const content =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
        : encoding === 'quoted-printable'
          ? quotedPrintable(body)
          : Buffer.from(body, 'utf8');
    const disposition = header(partHeaders, 'content-disposition') ?? '';
    const fileName = parameter(disposition, 'filename') ?? parameter(type, 'name');
    if (/^attachment/i.test(disposition) || (fileName && !/^text\//i.test(type))) {
      attachments.push({ fileName: fileName ?? '', content });
    } else if (/^text\/plain/i.test(type)) {
      text += content.toString('utf8');
    }
  };
  walk(eml);
  return { headers, text, attachments };
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf('\r\n\r\n');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 4)];
}

function unfold(headers: string): string {
  return headers.replace(/\r\n[ \t]+/g, ' ');
}

function header(headers: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim();
}

/** A header parameter, plain, RFC 2231 (`name*=` or `name*0*=`…) or an RFC 2047 encoded word. */
function parameter(value: string, name: string): string | undefined {
  const pieces = [...value.matchAll(new RegExp(`${name}\\*(\\d+)?(\\*)?=("[^"]*"|[^;\\s]+)`, 'gi'))];
  if (pieces.length > 0) {
    const joined = pieces
      .sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0))
      .map((m) => ({ encoded: m[2] === '*' || m[1] === undefined, text: (m[3] ?? '').replace(/^"|"$/g, '') }));
    const raw = joined.map((p) => p.text).join('');
    const charsetless = raw.replace(/^[^']*'[^']*'/, '');
    return joined.some((p) => p.encoded) ? decodeURIComponent(charsetless) : raw;
  }
  const plain = new RegExp(`${name}=("[^"]*"|[^;\\s]+)`, 'i').exec(value)?.[1]?.replace(/^"|"$/g, '');
  return plain === undefined ? undefined : decodeWords(plain);
}

function decodeWords(text: string): string {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : quotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
  );
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}
