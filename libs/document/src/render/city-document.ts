import { CityPageFrame, type FrameContent } from './city-page-frame.js';
import { FlowBuilder } from './flow-builder.js';
import { checkDate } from './model-checks.js';
import { paginate } from './paginator.js';
import { createPdfDocument, type DocumentMetadata } from './pdf-document.js';
import type { RenderedPdf, SignaturePanelPlacement } from './rendered-pdf.js';

/** A document being laid out: the pdfkit document, its content flow and its page frame. */
export interface CityDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly flow: FlowBuilder;
  readonly frame: CityPageFrame;
}

/** Starts a city document: PDF settings and metadata, structure root, letterhead and footer. */
export function beginCityDocument(meta: DocumentMetadata, frame: FrameContent): CityDocument {
  checkDate(frame.date, 'date');
  const doc = createPdfDocument(meta);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, flow: new FlowBuilder(doc, root), frame: new CityPageFrame(doc, frame) };
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
