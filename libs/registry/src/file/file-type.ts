/**
 * The file types the registry accepts, recognised by their content. A file is accepted only
 * when its bytes, its declared media type and its file name all say the same type.
 */
export enum FileType {
  Pdf = 'pdf',
  Docx = 'docx',
  Odt = 'odt',
  Xlsx = 'xlsx',
  Txt = 'txt',
  Png = 'png',
  Jpeg = 'jpeg',
}

export const MEDIA_TYPE: Readonly<Record<FileType, string>> = {
  [FileType.Pdf]: 'application/pdf',
  [FileType.Docx]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  [FileType.Odt]: 'application/vnd.oasis.opendocument.text',
  [FileType.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [FileType.Txt]: 'text/plain; charset=utf-8',
  [FileType.Png]: 'image/png',
  [FileType.Jpeg]: 'image/jpeg',
};

const EXTENSIONS: Readonly<Record<string, FileType>> = {
  pdf: FileType.Pdf,
  docx: FileType.Docx,
  odt: FileType.Odt,
  xlsx: FileType.Xlsx,
  txt: FileType.Txt,
  png: FileType.Png,
  jpg: FileType.Jpeg,
  jpeg: FileType.Jpeg,
};

const DECLARED: Readonly<Record<string, FileType>> = {
  'application/pdf': FileType.Pdf,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': FileType.Docx,
  'application/vnd.oasis.opendocument.text': FileType.Odt,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': FileType.Xlsx,
  'text/plain': FileType.Txt,
  'image/png': FileType.Png,
  'image/jpeg': FileType.Jpeg,
};

/** The type a file name and a declared media type claim, or undefined when they disagree or name no accepted type. */
export function claimedType(fileName: string, declaredMediaType: string | undefined): FileType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSIONS[extension] : undefined;
  const media = declaredMediaType?.split(';')[0]?.trim().toLowerCase();
  // Browsers send application/octet-stream when they do not know; the name decides then.
  const byMedia = media && media !== 'application/octet-stream' ? DECLARED[media] : byName;
  return byName !== undefined && byName === byMedia ? byName : undefined;
}

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
const ODT_MIMETYPE = Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text', 'latin1');
const DOCX_MARK = Buffer.from('word/document.xml', 'latin1');
const XLSX_MARK = Buffer.from('xl/workbook.xml', 'latin1');
const OVERLAP = 32;

/**
 * Checks a file's bytes as they stream past against the type it claims. Feed every chunk,
 * then ask `matches()`. Office formats are ZIP archives: the part names (`word/document.xml`,
 * `xl/workbook.xml`) stand uncompressed in the archive's headers and central directory.
 */
export class ContentSniffer {
  #head = Buffer.alloc(0);
  #tail = Buffer.alloc(0);
  #sawMark = false;
  #textOk = true;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  readonly #mark: Buffer | undefined;

  constructor(readonly claimed: FileType) {
    this.#mark = claimed === FileType.Docx ? DOCX_MARK : claimed === FileType.Xlsx ? XLSX_MARK : undefined;
  }

  feed(chunk: Buffer): void {
    if (this.#head.length < 1024) {
      this.#head = Buffer.concat([this.#head, chunk.subarray(0, 1024 - this.#head.length)]);
    }
    if (this.#mark && !this.#sawMark) {
      const window = Buffer.concat([this.#tail, chunk]);
      this.#sawMark = window.includes(this.#mark);
      this.#tail = window.subarray(Math.max(0, window.length - OVERLAP));
    }
    if (this.claimed === FileType.Txt && this.#textOk) {
      try {
        this.#decoder.decode(chunk, { stream: true });
        // NUL and the other C0 controls but tab, newline, form feed and carriage return mark binary data.
        // eslint-disable-next-line no-control-regex -- detecting control bytes is the point
        this.#textOk = !/[\u0000-\u0008\u000B\u000E-\u001F]/.test(chunk.toString('latin1'));
      } catch {
        this.#textOk = false;
      }
    }
  }

  matches(): boolean {
    const head = this.#head;
    switch (this.claimed) {
      case FileType.Pdf:
        // At the very start: a file that only carries the marker somewhere (an HTML page, an SVG
        // with a script) opens in a reader as what it really is.
        return head.subarray(0, PDF.length).equals(PDF);
      case FileType.Png:
        return head.subarray(0, 8).equals(PNG);
      case FileType.Jpeg:
        return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
      case FileType.Odt:
        return head.subarray(0, 4).equals(ZIP) && head.subarray(30, 30 + ODT_MIMETYPE.length).equals(ODT_MIMETYPE);
      case FileType.Docx:
      case FileType.Xlsx:
        return head.subarray(0, 4).equals(ZIP) && this.#sawMark;
      case FileType.Txt:
        if (!this.#textOk) {
          return false;
        }
        try {
          this.#decoder.decode();
          return true;
        } catch {
          return false;
        }
    }
  }
}
