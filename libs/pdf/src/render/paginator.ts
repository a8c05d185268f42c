import type { Box } from './layout-box.js';

/** The vertical extent of the text area of one page, in points from the top of the page. */
export interface BodyArea {
  readonly top: number;
  readonly bottom: number;
}

/** The page furniture of a document kind: where text may stand, and what surrounds it. */
export interface PageFrame {
  /** The text area of a page (zero-based index). */
  bodyArea(page: number): BodyArea;
  /** Draws letterhead, footer and page number on a page once the page count is known. */
  decorate(doc: PDFKit.PDFDocument, page: number, pageCount: number): void;
}

/**
 * Lays boxes onto A4 pages top to bottom and draws them. A chain of boxes that keep with each
 * other moves to a new page whole when it does not fit the rest of the page (unless it would
 * not fit an empty page either, then it breaks where it must). When all boxes stand, every page
 * gets its furniture, with page numbers that can say of how many now that the count is known. Returns the page count; the
 * document is left on its last page, where the signing step expects to be.
 */
export function paginate(doc: PDFKit.PDFDocument, boxes: readonly Box[], frame: PageFrame): number {
  let page = -1;
  let y = 0;
  let area: BodyArea = { top: 0, bottom: 0 };
  let atTop = true;
  const newPage = (): void => {
    doc.addPage({ size: 'A4', margin: 0 });
    page++;
    area = frame.bodyArea(page);
    y = area.top;
    atTop = true;
  };
  newPage();

  boxes.forEach((box, i) => {
    if (!atTop && !boxes[i - 1]?.keepWithNext) {
      const chain = chainHeight(boxes, i);
      const next = frame.bodyArea(page + 1);
      if (y + box.spaceBefore + chain > area.bottom && chain <= next.bottom - next.top) {
        newPage();
      }
    }
    let gap = atTop ? 0 : box.spaceBefore;
    if (!atTop && y + gap + box.height > area.bottom) {
      newPage();
      gap = 0;
    }
    box.draw({ doc, page, top: y + gap });
    y += gap + box.height;
    atTop = false;
  });

  const pageCount = page + 1;
  for (let p = 0; p < pageCount; p++) {
    doc.switchToPage(p);
    frame.decorate(doc, p, pageCount);
  }
  return pageCount;
}

/** Height of the chain that starts at box `start`: it and the boxes it keeps with. */
function chainHeight(boxes: readonly Box[], start: number): number {
  let height = 0;
  for (let i = start, box = boxes[i]; box; box = boxes[++i]) {
    height += i === start ? box.height : box.spaceBefore + box.height;
    if (!box.keepWithNext) {
      break;
    }
  }
  return height;
}
