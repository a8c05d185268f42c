import {
  createPdfDocument,
  type DocumentMetadata,
  FlowBuilder,
  paginate,
  type RenderedPdf,
  type SignaturePanelPlacement,
} from '@app/pdf';

import { CityPageFrame, type FrameContent } from './city-page-frame.js';
import { CITY_TYPOGRAPHY } from './city-styles.js';
import { checkDate } from './model-checks.js';

/** The language of everything the city's documents print. */
const DOCUMENT_LANGUAGE = 'sv-SE';

/** A document being laid out: the pdfkit document, its content flow and its page frame. */
export interface CityDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly flow: FlowBuilder;
  readonly frame: CityPageFrame;
}

/**
 * Starts a city document: PDF settings and metadata (the diary number always among the
 * keywords), structure root, letterhead and footer.
 */
export function beginCityDocument(meta: Omit<DocumentMetadata, 'language'>, frame: FrameContent): CityDocument {
  checkDate(frame.date, 'date');
  const doc = createPdfDocument({ ...meta, language: DOCUMENT_LANGUAGE });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, flow: new FlowBuilder(doc, root, CITY_TYPOGRAPHY), frame: new CityPageFrame(doc, frame) };
}

/**
 * Lays the content out on pages, stamps the page furniture, and hands the document over
 * unended, with the signature panel's place when there is one.
 */
export function completeCityDocument(
  document: CityDocument,
  panel: { readonly placement: SignaturePanelPlacement | null },
): RenderedPdf {
  paginate(document.doc, document.flow.boxes, document.frame);
  return { doc: document.doc, signaturePanel: panel.placement };
}
