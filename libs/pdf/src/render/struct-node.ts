/** The parent of a structure node: another node, or the document's root element. */
export type StructParent = StructNode | PDFKit.PDFStructureElement;

/**
 * A node of the tagged-PDF structure tree, created in the tree when its first content is drawn,
 * so that the tree's order is the reading order even though layout decides pages first. Content
 * is marked per page, as a marked-content sequence may not cross a page.
 */
export class StructNode {
  private element: PDFKit.PDFStructureElement | null = null;
  private ended = false;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    /** The structure type: `P`, `H1`, `L`, `LI`, `Lbl`, `LBody`, `Table`, … */
    readonly type: string,
    private readonly parent: StructParent,
  ) {}

  /** The pdfkit element, added to its parent on first use. */
  get pdfElement(): PDFKit.PDFStructureElement {
    if (this.element === null) {
      this.element = this.doc.struct(this.type);
      const parent = this.parent instanceof StructNode ? this.parent.pdfElement : this.parent;
      parent.add(this.element);
    }
    return this.element;
  }

  /** A child node of this one. */
  child(type: string): StructNode {
    return new StructNode(this.doc, type, this);
  }

  /** Draws content as a marked-content sequence that belongs to this element. */
  mark(draw: () => void): void {
    const element = this.pdfElement;
    const content = this.doc.markStructureContent(this.type);
    draw();
    this.doc.endMarkedContent();
    element.add(content);
  }

  /** Closes the element, so pdfkit can write it out and free it. */
  end(): void {
    if (!this.ended) {
      this.ended = true;
      this.element?.end();
    }
  }
}

/** Draws page furniture (letterhead, footer, page numbers, rules) outside the structure tree. */
export function asArtifact(doc: PDFKit.PDFDocument, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}
