import type { Box, Placement } from './layout-box.js';
import { paginate, type PageFrame } from './paginator.js';

/** A stand-in for the pdfkit document: pagination only adds and switches pages. */
function fakeDoc(): { doc: PDFKit.PDFDocument; pagesAdded: () => number } {
  let added = 0;
  const doc = {
    addPage: () => {
      added++;
      return doc;
    },
    switchToPage: () => undefined,
  };
  return { doc: doc as unknown as PDFKit.PDFDocument, pagesAdded: () => added };
}

/** Pages with 100 points of text area; records what is decorated. */
function frame(): PageFrame & { decorated: string[] } {
  const decorated: string[] = [];
  return {
    decorated,
    bodyArea: () => ({ top: 0, bottom: 100 }),
    decorate: (_doc, page, pageCount) => {
      decorated.push(`Sida ${page + 1} (${pageCount})`);
    },
  };
}

/** Boxes that record where they were drawn. */
function boxes(specs: readonly { height: number; spaceBefore?: number; keepWithNext?: boolean }[]): {
  list: Box[];
  drawn: Placement[];
} {
  const drawn: Placement[] = [];
  const list = specs.map((s) => ({
    height: s.height,
    spaceBefore: s.spaceBefore ?? 0,
    keepWithNext: s.keepWithNext ?? false,
    textLines: 1,
    draw: (at: Placement) => {
      drawn.push(at);
    },
  }));
  return { list, drawn };
}

describe(paginate.name, () => {
  it('fills a page, then starts the next, dropping the space above the first box of a page', () => {
    const { doc, pagesAdded } = fakeDoc();
    const f = frame();
    const { list, drawn } = boxes([{ height: 40 }, { height: 40, spaceBefore: 10 }, { height: 40, spaceBefore: 10 }]);
    expect(paginate(doc, list, f)).toBe(2);
    expect(pagesAdded()).toBe(2);
    expect(drawn.map((d) => [d.page, d.top])).toEqual([
      [0, 0],
      [0, 50],
      [1, 0],
    ]);
    expect(f.decorated).toEqual(['Sida 1 (2)', 'Sida 2 (2)']);
  });

  it('moves a chain of boxes that keep together to the next page whole', () => {
    const { doc } = fakeDoc();
    const { list, drawn } = boxes([
      { height: 60 },
      { height: 15, keepWithNext: true }, // a heading
      { height: 15, keepWithNext: true }, // its first line
      { height: 15 }, // its second line
    ]);
    expect(paginate(doc, list, frame())).toBe(2);
    expect(drawn.map((d) => [d.page, d.top])).toEqual([
      [0, 0],
      [1, 0],
      [1, 15],
      [1, 30],
    ]);
  });

  it('breaks a chain taller than a page where it must', () => {
    const { doc } = fakeDoc();
    const { list, drawn } = boxes([
      { height: 30 },
      ...Array.from({ length: 9 }, () => ({ height: 20, keepWithNext: true })),
      { height: 20 },
    ]);
    expect(paginate(doc, list, frame())).toBe(3);
    expect(drawn[1]).toMatchObject({ page: 0, top: 30 });
    expect(drawn.filter((d) => d.page === 0)).toHaveLength(4);
  });

  it('puts an unbreakable block that does not fit on the next page', () => {
    const { doc } = fakeDoc();
    const { list, drawn } = boxes([{ height: 70 }, { height: 50, spaceBefore: 20 }]);
    paginate(doc, list, frame());
    expect(drawn[1]).toMatchObject({ page: 1, top: 0 });
  });
});
