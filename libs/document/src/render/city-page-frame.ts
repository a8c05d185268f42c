import {
  asArtifact,
  type BodyArea,
  drawLine,
  type Line,
  measureWith,
  type PageFrame,
  plainLines,
  type TextStyle,
} from '@app/pdf';

import { STYLES } from './city-styles.js';
import type { Issuer } from './models.js';
import { PAGE } from './page-geometry.js';
import { pageLabel } from './swedish.js';

/** A labelled block under the letterhead: `Handläggare` on the left, `Till` on the right. */
export interface LetterheadBlock {
  readonly label: string;
  readonly lines: readonly string[];
}

/** What the letterhead, the short header and the page-1 footer say. */
export interface FrameContent {
  readonly municipality: string;
  /** Top of the letterhead's right column: the issuing body and its department. */
  readonly senderLines: readonly string[];
  /** `Tjänsteutlåtande`, `Yttrande`, … */
  readonly documentType: string;
  readonly diaryNumber: string;
  readonly date: string;
  readonly left?: LetterheadBlock | null;
  readonly right?: LetterheadBlock | null;
  /** The page-1 footer. */
  readonly issuer: Issuer;
  /**
   * A word laid across every page (`UTKAST`): a print of a text that is not yet a record, so
   * that no reader takes it for the signed document.
   */
  readonly draftMark?: string | null;
}

/** A line of the frame, laid out once and drawn on every page it belongs to. */
interface Placed {
  readonly line: Line;
  readonly style: TextStyle;
  readonly x: number;
  readonly top: number;
}

const LINE_GAP = 7;
/** Light enough to read the text through, dark enough to be seen on a photocopy. */
const DRAFT_MARK_GREY = '#808080';
const FOOTER_COLUMN_GAP = 12;

/**
 * The city's page furniture. Page 1: the municipality top left; on the right the issuing body,
 * department, document type, `Dnr`, `Sida 1 (M)` and the date; below, the labelled blocks
 * (`Handläggare`, `Till`); at the bottom a small footer with address, e-mail and web address.
 * Later pages: a short header with the issuing body, document type, diary number and page.
 * Everything here is a pagination artifact, outside the structure tree.
 */
export class CityPageFrame implements PageFrame {
  private readonly firstPage: Placed[] = [];
  private readonly firstPageNumber: { readonly x: number; readonly top: number };
  private readonly laterPages: Placed[] = [];
  private readonly laterPageNumber: { readonly x: number; readonly top: number };
  private readonly footerRule: number;
  private readonly firstArea: BodyArea;
  private readonly laterArea: BodyArea;
  private readonly draftMark: string | null;

  constructor(doc: PDFKit.PDFDocument, content: FrameContent) {
    this.draftMark = content.draftMark ?? null;
    const rightWidth = PAGE.right - PAGE.headerRight;
    const leftWidth = PAGE.headerRight - PAGE.left - 12;
    const place = (list: Placed[], text: string, style: TextStyle, x: number, width: number, top: number): number => {
      let y = top;
      for (const line of plainLines(doc, text, style, width)) {
        list.push({ line, style, x, top: y });
        y += style.leading;
      }
      return y;
    };

    // Page 1, letterhead.
    const municipalityBottom = place(
      this.firstPage,
      content.municipality,
      STYLES.municipality,
      PAGE.left,
      leftWidth,
      PAGE.headerTop,
    );
    let y: number = PAGE.headerTop;
    content.senderLines.forEach((text, i) => {
      y = place(
        this.firstPage,
        text,
        i === 0 ? STYLES.letterheadLabel : STYLES.letterhead,
        PAGE.headerRight,
        rightWidth,
        y,
      );
    });
    y = place(this.firstPage, content.documentType, STYLES.documentType, PAGE.headerRight, rightWidth, y + LINE_GAP);
    y = place(this.firstPage, `Dnr ${content.diaryNumber}`, STYLES.letterhead, PAGE.headerRight, rightWidth, y);
    this.firstPageNumber = { x: PAGE.headerRight, top: y };
    y += STYLES.letterhead.leading;
    y = place(this.firstPage, content.date, STYLES.letterhead, PAGE.headerRight, rightWidth, y + LINE_GAP);

    let blocksBottom = Math.max(y, municipalityBottom);
    const blocksTop = blocksBottom + 16;
    const block = (b: LetterheadBlock | null | undefined, x: number, width: number): void => {
      if (!b) {
        return;
      }
      let by = place(this.firstPage, b.label, STYLES.letterheadLabel, x, width, blocksTop);
      for (const text of b.lines) {
        by = place(this.firstPage, text, STYLES.letterhead, x, width, by);
      }
      blocksBottom = Math.max(blocksBottom, by);
    };
    block(content.left, PAGE.left, leftWidth);
    block(content.right, PAGE.headerRight, rightWidth);

    // Page 1, footer: three columns standing on the footer line.
    const issuer = content.issuer;
    const present = (...texts: string[]): string[] => texts.filter((t) => t.trim() !== '');
    const contact = present(issuer.email, issuer.website);
    // Equal thirds, except that a long e-mail address moves the last column left rather than
    // breaking inside the address.
    const third = (PAGE.right - PAGE.left - 2 * FOOTER_COLUMN_GAP) / 3;
    const measure = measureWith(doc);
    const lastNatural = Math.max(0, ...contact.map((t) => measure(STYLES.footer.face, STYLES.footer.size, t)));
    const middleX = PAGE.left + third + FOOTER_COLUMN_GAP;
    const lastX = Math.max(
      middleX + third / 2 + FOOTER_COLUMN_GAP,
      Math.min(PAGE.left + 2 * (third + FOOTER_COLUMN_GAP), PAGE.right - lastNatural - 1),
    );
    const columns = [
      {
        x: PAGE.left,
        width: middleX - PAGE.left - FOOTER_COLUMN_GAP,
        texts: present(issuer.administration, issuer.department ?? ''),
      },
      {
        x: middleX,
        width: lastX - middleX - FOOTER_COLUMN_GAP,
        texts: present(issuer.streetAddress, `${issuer.postalCode} ${issuer.postalTown}`),
      },
      { x: lastX, width: PAGE.right - lastX, texts: contact },
    ].map(({ x, width, texts }) => ({ x, lines: texts.flatMap((t) => plainLines(doc, t, STYLES.footer, width)) }));
    const footerTop = PAGE.footerBottom - Math.max(1, ...columns.map((c) => c.lines.length)) * STYLES.footer.leading;
    columns.forEach(({ x, lines }) => {
      lines.forEach((line, i) => {
        this.firstPage.push({ line, style: STYLES.footer, x, top: footerTop + i * STYLES.footer.leading });
      });
    });
    this.footerRule = footerTop - 6;
    this.firstArea = { top: blocksBottom + 28, bottom: this.footerRule - 16 };

    // Later pages: the short header.
    y = place(
      this.laterPages,
      content.senderLines[0] ?? '',
      STYLES.letterheadLabel,
      PAGE.headerRight,
      rightWidth,
      PAGE.headerTop,
    );
    y = place(this.laterPages, content.documentType, STYLES.letterhead, PAGE.headerRight, rightWidth, y);
    y = place(this.laterPages, `Dnr ${content.diaryNumber}`, STYLES.letterhead, PAGE.headerRight, rightWidth, y);
    this.laterPageNumber = { x: PAGE.headerRight, top: y };
    y += STYLES.letterhead.leading;
    this.laterArea = { top: Math.max(PAGE.laterBodyTop, y + 14), bottom: PAGE.laterBodyBottom };
  }

  bodyArea(page: number): BodyArea {
    return page === 0 ? this.firstArea : this.laterArea;
  }

  decorate(doc: PDFKit.PDFDocument, page: number, pageCount: number): void {
    const first = page === 0;
    asArtifact(doc, 'Pagination', () => {
      for (const p of first ? this.firstPage : this.laterPages) {
        drawLine(doc, p.line, p.style, p.x, p.top);
      }
      const number = first ? this.firstPageNumber : this.laterPageNumber;
      const [line] = plainLines(doc, pageLabel(page + 1, pageCount), STYLES.letterhead, PAGE.right - number.x);
      if (line) {
        drawLine(doc, line, STYLES.letterhead, number.x, number.top);
      }
    });
    if (first) {
      asArtifact(doc, 'Layout', () => {
        doc.moveTo(PAGE.left, this.footerRule).lineTo(PAGE.right, this.footerRule).lineWidth(0.5).stroke();
      });
    }
    if (this.draftMark) {
      this.#drawDraftMark(doc, this.draftMark);
    }
  }

  /** The draft word, large, grey and diagonal across the middle of the page, translucent so the text reads through it. */
  #drawDraftMark(doc: PDFKit.PDFDocument, mark: string): void {
    const style = STYLES.draftMark;
    const width = measureWith(doc)(style.face, style.size, mark);
    const centre: [number, number] = [PAGE.width / 2, PAGE.height / 2];
    asArtifact(doc, 'Layout', () => {
      doc.save();
      doc.rotate(-40, { origin: centre }).fillColor(DRAFT_MARK_GREY).fillOpacity(0.35);
      for (const line of plainLines(doc, mark, style, width + 1)) {
        drawLine(doc, line, style, centre[0] - width / 2, centre[1] - style.leading / 2);
      }
      doc.restore();
    });
  }
}
