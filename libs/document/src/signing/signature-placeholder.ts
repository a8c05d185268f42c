import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

import { signingErrors } from './signing-errors.js';

/** Bytes reserved for the CMS; room for a certificate chain and an RFC 3161 token. */
export const SIGNATURE_LENGTH = 8192;

/** A rectangle in PDF user space: [lower-left x, lower-left y, upper-right x, upper-right y], in points. */
export type PdfRect = [number, number, number, number];

/** What the signature dictionary says about the signature, and where its field goes. */
export interface SignaturePlaceholderOptions {
  /** The signer as a person reads it (dictionary `Name`). */
  readonly signerName: string;
  /** Why the document is signed (dictionary `Reason`), in Swedish. */
  readonly reason: string;
  readonly location: string;
  readonly contactInfo: string;
  /** The claimed signing time, written to the dictionary's `M` entry. */
  readonly signingTime: Date;
  /**
   * A visible signature field over a panel the renderer drew: `page` is 0-based, `rect` is in PDF
   * user space (origin bottom left; see `pdfRectFromTopLeft`). Without it the field is invisible,
   * on the last page.
   */
  readonly widget?: { readonly page: number; readonly rect: PdfRect };
}

/**
 * Adds the signature dictionary (sub-filter ETSI.CAdES.detached, 8192 bytes reserved), the
 * signature field and its widget to a pdfkit document created with `bufferPages: true`. Call it
 * after the last page is drawn and right before `doc.end()`; it leaves the widget's page current.
 */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, options: SignaturePlaceholderOptions): void {
  const pages = doc.bufferedPageRange();
  const lastPage = pages.start + pages.count - 1;
  const page = options.widget?.page ?? lastPage;
  if (!Number.isInteger(page) || page < pages.start || page > lastPage) {
    throw signingErrors.pageOutOfRange(page, pages.count);
  }
  // The placeholder library puts the widget on the current page.
  doc.switchToPage(page);
  pdfkitAddPlaceholder({
    pdf: doc,
    // Declared as required by the library's types but not read.
    pdfBuffer: Buffer.alloc(0),
    name: options.signerName,
    reason: options.reason,
    location: options.location,
    contactInfo: options.contactInfo,
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: options.widget ? [...options.widget.rect] : [0, 0, 0, 0],
  });
}

/**
 * Converts a box in pdfkit's drawing coordinates (origin top left, y down) on a page of the given
 * height to the PDF user-space rectangle a widget wants, so a field can cover a panel drawn with
 * `doc.rect(x, y, width, height)`.
 */
export function pdfRectFromTopLeft(
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  pageHeight: number,
): PdfRect {
  return [box.x, pageHeight - box.y - box.height, box.x + box.width, pageHeight - box.y];
}
