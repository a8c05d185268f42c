import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

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

/** Annotation flag Print: PDF/A wants every annotation printable. */
const PRINT_FLAG = 4;

/** pdfkit's internals this needs: the root's AcroForm and the current page's dictionary. */
interface Ref {
  data: Record<string, unknown>;
  end(chunk?: string): void;
}
interface PdfkitInternals {
  _root: { data: { AcroForm?: Ref } };
  page: { dictionary: Ref; annotations: Ref[] };
  initForm(): void;
  ref(data: Record<string, unknown>): Ref;
}

/**
 * Adds the signature dictionary (sub-filter ETSI.CAdES.detached, 8192 bytes reserved), the
 * signature field and its widget to a pdfkit document created with `bufferPages: true`. Call it
 * after the last page is drawn and right before `doc.end()`; it leaves the widget's page current.
 * The widget is printable and has an (empty) appearance of its own, as PDF/A-2 asks of every
 * annotation: what the reader sees is the panel the renderer drew under it.
 */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, options: SignaturePlaceholderOptions): void {
  const pages = doc.bufferedPageRange();
  const lastPage = pages.start + pages.count - 1;
  const page = options.widget?.page ?? lastPage;
  if (!Number.isInteger(page) || page < pages.start || page > lastPage) {
    throw signingErrors.pageOutOfRange(page, pages.count);
  }
  doc.switchToPage(page);
  const pdf = doc as unknown as PdfkitInternals;
  const rect: [number, number, number, number] = options.widget ? [...options.widget.rect] : [0, 0, 0, 0];
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_LENGTH),
    Reason: new String(options.reason),
    M: options.signingTime,
    ContactInfo: new String(options.contactInfo),
    Name: new String(options.signerName),
    Location: new String(options.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' } },
  });
  if (!pdf._root.data.AcroForm) {
    pdf.initForm();
  }
  const form = pdf._root.data.AcroForm;
  if (!form) {
    throw new Error('pdfkit made no AcroForm');
  }
  const fields = form.data.Fields as Ref[];
  form.data = {
    Type: 'AcroForm',
    SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY,
    Fields: fields,
    DR: form.data.DR,
  };
  const appearance = pdf.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, Math.max(0, rect[2] - rect[0]), Math.max(0, rect[3] - rect[1])],
    Resources: {},
  });
  appearance.end('q Q');
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: PRINT_FLAG,
    Rect: rect,
    V: signature,
    T: new String(`Signature${fields.length + 1}`),
    P: pdf.page.dictionary,
    AP: { N: appearance },
  });
  pdf.page.annotations.push(widget);
  fields.push(widget);
  signature.end();
  widget.end();
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
