/** Where a box is drawn. */
export interface Placement {
  readonly doc: PDFKit.PDFDocument;
  /** Zero-based page index. */
  readonly page: number;
  /** Top of the box, points from the top of the page. */
  readonly top: number;
}

/**
 * The unit of pagination: a line of text or an unbreakable block (signature block, panel,
 * table row). A page may break before any box whose predecessor does not keep with it.
 */
export interface Box {
  readonly height: number;
  /** Space above the box; dropped when the box starts a page. */
  readonly spaceBefore: number;
  /** No page break between this box and the next. */
  keepWithNext: boolean;
  /** Lines of text in the box, for the rule that a heading keeps two lines of its text. */
  readonly textLines: number;
  draw(at: Placement): void;
}
