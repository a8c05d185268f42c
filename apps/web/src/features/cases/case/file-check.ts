/**
 * The registry's file types, checked in the browser before upload as the API checks them after:
 * the name's extension says the type, and the first bytes must be that type's (a .pdf that is
 * text is refused here, and by the API if it gets through).
 */
const SIGNATURES: Readonly<Record<string, { label: string; mediaType: string; check: (head: Uint8Array) => boolean }>> =
  {
    pdf: { label: 'PDF', mediaType: 'application/pdf', check: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
    docx: { label: 'Word', mediaType: OFFICE('wordprocessingml.document'), check: isZip },
    xlsx: { label: 'Excel', mediaType: OFFICE('spreadsheetml.sheet'), check: isZip },
    odt: { label: 'OpenDocument', mediaType: 'application/vnd.oasis.opendocument.text', check: isZip },
    txt: { label: 'text', mediaType: 'text/plain', check: isUtf8 },
    png: {
      label: 'PNG',
      mediaType: 'image/png',
      check: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    },
    jpg: { label: 'JPEG', mediaType: 'image/jpeg', check: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
    jpeg: { label: 'JPEG', mediaType: 'image/jpeg', check: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  };

function OFFICE(kind: string): string {
  return `application/vnd.openxmlformats-officedocument.${kind}`;
}

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

function isZip(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
}

function isUtf8(head: Uint8Array): boolean {
  try {
    // A multi-byte letter cut at the end of the sample is not a fault of the file.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return !head.includes(0);
  } catch {
    return false;
  }
}

export const ACCEPTED_EXTENSIONS = '.pdf,.docx,.xlsx,.odt,.txt,.png,.jpg,.jpeg';

/** The file's media type by its extension, for the upload (the browser's guess may be empty). */
export function mediaTypeOf(name: string): string {
  return SIGNATURES[extensionOf(name)]?.mediaType ?? 'application/octet-stream';
}

function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Null when the file is what its name says, else the problem in Swedish. */
export async function checkFile(file: File): Promise<string | null> {
  const signature = SIGNATURES[extensionOf(file.name)];
  if (!signature) {
    return 'Filtypen tas inte emot. Diariet tar emot PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt), text (.txt), PNG och JPEG.';
  }
  if (file.size === 0) {
    return 'Filen är tom.';
  }
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return signature.check(head)
    ? null
    : `Filen heter .${extensionOf(file.name)} men innehållet är inte ${signature.label}. Kontrollera att det är rätt fil.`;
}
