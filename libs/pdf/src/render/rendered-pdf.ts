/**
 * Where the visible signature panel stands, for the signing step to lay its signature field
 * over it: `page` is the zero-based page index (`doc.switchToPage(page)`), and `rect` is the
 * panel's rectangle `[x1, y1, x2, y2]` in PDF user space (points, origin at the bottom left), as
 * an annotation's `/Rect` takes it.
 */
export interface SignaturePanelPlacement {
  readonly page: number;
  readonly rect: [number, number, number, number];
}

/**
 * A rendered document, not yet ended: the signing step adds its signature field over the panel
 * and then calls `finishPdf`.
 */
export interface RenderedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly signaturePanel: SignaturePanelPlacement | null;
}
