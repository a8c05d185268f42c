import { createHash } from 'node:crypto';

import PDFDocument from 'pdfkit';

import { documentFonts, type FontFace, printable } from './fonts.js';
import { xmpDescriptions } from './xmp-metadata.js';

/**
 * What makes a rendering reproducible: the same identity and content give byte-identical PDFs,
 * so a stored document can be regenerated and compared, and nothing reads the clock.
 */
export interface PdfIdentity {
  /** A stable id of what is rendered, e.g. the revision id. It becomes the PDF file identifier. */
  readonly documentId: string;
  /**
   * When the document was produced (the PDF creation and modification date): ISO 8601 with
   * seconds and an explicit offset, e.g. `2025-09-25T09:14:00+02:00` or `2025-09-25T07:14:00Z`.
   */
  readonly producedAt: string;
}

/** What the PDF says about itself: Info dictionary and XMP. */
export interface DocumentMetadata {
  readonly identity: PdfIdentity;
  readonly title: string;
  /** The issuing organisation. */
  readonly author: string;
  readonly subject: string;
  /** Search words. */
  readonly keywords: readonly string[];
  /** The language of the document's text (BCP 47, e.g. `sv-SE`), for readers and screen readers. */
  readonly language: string;
}

const CREATOR_TOOL = 'Remiss';
const PRODUCER = 'Remiss dokumentgenerering (PDFKit)';

const PRODUCED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** pdfkit internals the renderer sets; checked at run time so an upgrade that renames them fails loudly. */
interface PdfkitInternals {
  _id: Uint8Array;
  _addInfo: () => void;
}

/**
 * A new pdfkit document as every issued document needs it: A4, pages buffered (page numbers are
 * stamped after layout and the signing step adds its field before the end), tagged with its
 * language, PDF/A-2b (XMP identification, sRGB output intent, embedded fonts) and the Arimo faces
 * registered under their face names. Creation date, modification date and file identifier come
 * from the identity, so the same identity and content always give the same bytes.
 */
export function createPdfDocument(meta: DocumentMetadata): PDFKit.PDFDocument {
  const produced = producedAt(meta.identity.producedAt);
  const title = printable(meta.title).trim();
  const author = printable(meta.author).trim();
  const subject = printable(meta.subject).trim();
  const keywords = meta.keywords.map((k) => printable(k).trim()).filter((k) => k !== '');
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica for every document, unused.
    font: '',
    info: {
      Title: title,
      Author: author,
      Subject: subject,
      Keywords: keywords.join(', '),
      Creator: CREATOR_TOOL,
      Producer: PRODUCER,
      CreationDate: produced,
      ModDate: produced,
    },
  });
  const internals = doc as unknown as PdfkitInternals;
  if (!(internals._id instanceof Uint8Array) || typeof internals._addInfo !== 'function') {
    throw new Error('pdfkit internals changed: the file identifier and XMP hooks are gone');
  }
  // pdfkit derives the file identifier from the Info dictionary; the identity's document id
  // names the document instead, so two revisions with equal metadata still differ.
  internals._id = new Uint8Array(createHash('sha256').update(meta.identity.documentId).digest().subarray(0, 16));
  internals._addInfo = () =>
    doc.appendXML(
      xmpDescriptions({
        title,
        author,
        subject,
        keywords,
        language: meta.language,
        creatorTool: CREATOR_TOOL,
        producer: PRODUCER,
        created: produced,
        modified: produced,
      }),
    );
  for (const [face, font] of documentFonts()) {
    // pdfkit accepts an already-parsed fontkit font; its declarations predate that.
    doc.registerFont(face, font as unknown as Uint8Array);
  }
  doc.font('regular' satisfies FontFace);
  return doc;
}

function producedAt(value: string): Date {
  const time = Date.parse(value);
  if (!PRODUCED_AT.test(value) || Number.isNaN(time)) {
    throw new RangeError(`producedAt must be ISO 8601 with seconds and an offset, got "${value}"`);
  }
  return new Date(time);
}
