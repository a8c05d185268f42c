import type { Block, RichText, Span } from '@app/markup';

import { emphasised, printable } from './fonts.js';
import type { Box, Placement } from './layout-box.js';
import type { Line, Piece } from './line-breaker.js';
import { StructNode, type StructParent } from './struct-node.js';
import { drawLine, pieceLines } from './text-drawing.js';
import type { TextStyle } from './text-style.js';

/** Horizontal placement of text: its left edge and width. */
export interface Column {
  readonly x: number;
  readonly width: number;
}

/** What a flow sets its text in unless told otherwise: the text column and three styles. */
export interface FlowTypography {
  readonly column: Column;
  readonly body: TextStyle;
  /** `H1` and `H2` headings. */
  readonly heading: TextStyle;
  /** `H3` headings. */
  readonly subheading: TextStyle;
}

/** Vertical rhythm, in points. */
export const SPACING = {
  /** Between paragraphs of a part. */
  paragraph: 7,
  /** Above a part heading. */
  heading: 15,
  /** Above a sub-heading. */
  subheading: 9,
  /** Between list items. */
  listItem: 2,
  /** Hanging indent of list item text. */
  listIndent: 18,
  /** Between a list label and its text. */
  labelGap: 6,
} as const;

/** Lines of its text a heading keeps with on its page. */
const HEADING_KEEPS_LINES = 2;

/** Options for a run of text. */
export interface TextOptions {
  readonly style?: TextStyle;
  readonly column?: Column;
  readonly spaceBefore?: number;
  /** The structure parent; defaults to the document element. */
  readonly parent?: StructParent;
  /** The structure type of a paragraph: `P` unless said otherwise. */
  readonly tag?: string;
}

/** A list item: its label (`•`, `1.`) and its content. */
export interface ListItem {
  readonly label: string;
  readonly content: RichText;
}

/** Lines of one text element, with what to do after the last one is drawn. */
interface LineGroup {
  readonly lines: readonly Line[];
  readonly style: TextStyle;
  readonly x: number;
  readonly node: StructNode;
  readonly spaceBefore: number;
  /** Draws something once, with the first line (a list label). */
  readonly withFirstLine?: (at: Placement) => void;
  readonly afterLast?: () => void;
  /** `whole`: never split; `lines`: keep two lines together at either end. */
  readonly keep: 'whole' | 'lines';
  /** Heading lines are not text a heading must keep with. */
  readonly isText: boolean;
}

/**
 * Turns document content — headings, statement markup, lists, unbreakable blocks — into boxes
 * for the paginator, and builds the structure tree as the boxes are drawn. It owns the keep
 * rules: a heading keeps with two lines of its text, a paragraph leaves no single line at the
 * top or bottom of a page, a list item is never split, and a paragraph that introduces a list
 * keeps with its first item.
 */
export class FlowBuilder {
  readonly boxes: Box[] = [];
  private linesOwedToHeading = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    /** The document element of the structure tree. */
    readonly root: PDFKit.PDFStructureElement,
    readonly typography: FlowTypography,
  ) {}

  /** A heading (`H1`, `H2`, `H3`) that keeps with at least two lines of what follows. */
  heading(text: string, tag: 'H1' | 'H2' | 'H3', options: TextOptions = {}): void {
    const style = options.style ?? (tag === 'H3' ? this.typography.subheading : this.typography.heading);
    const column = options.column ?? this.typography.column;
    const node = new StructNode(this.doc, tag, options.parent ?? this.root);
    const lines = pieceLines(this.doc, [{ text, face: style.face }], style, column.width);
    if (lines.length === 0) {
      return;
    }
    this.addLines({
      lines,
      style,
      x: column.x,
      node,
      spaceBefore: options.spaceBefore ?? (tag === 'H3' ? SPACING.subheading : SPACING.heading),
      afterLast: () => node.end(),
      keep: 'whole',
      isText: false,
    });
    this.#keepLastWithNext();
    this.linesOwedToHeading = HEADING_KEEPS_LINES;
  }

  /** A paragraph of pieces of text (tag `P` unless `options.tag` says otherwise). */
  paragraph(pieces: readonly Piece[], options: TextOptions = {}): void {
    const style = options.style ?? this.typography.body;
    const column = options.column ?? this.typography.column;
    const node = new StructNode(this.doc, options.tag ?? 'P', options.parent ?? this.root);
    const lines = pieceLines(this.doc, pieces, style, column.width);
    if (lines.length === 0) {
      return;
    }
    this.addLines({
      lines,
      style,
      x: column.x,
      node,
      spaceBefore: options.spaceBefore ?? 0,
      afterLast: () => node.end(),
      keep: 'lines',
      isText: true,
    });
  }

  /** A plain one-style paragraph. */
  text(text: string, options: TextOptions = {}): void {
    const style = options.style ?? this.typography.body;
    this.paragraph([{ text, face: style.face }], options);
  }

  /** Statement markup: paragraphs as paragraphs, bullets as a list with hanging indent. */
  richText(text: RichText, options: TextOptions = {}): void {
    text.forEach((block, i) => {
      const spaceBefore = i === 0 ? (options.spaceBefore ?? 0) : SPACING.paragraph;
      this.block(block, { ...options, spaceBefore });
      if (block.kind === 'paragraph' && text[i + 1]?.kind === 'bullets') {
        // "De tre fokusområdena är:" belongs with the list it introduces.
        this.glueLast();
      }
    });
  }

  /** A list (`L`) whose items are labelled and indented; an item is never split across pages. */
  list(items: readonly ListItem[], options: TextOptions = {}): void {
    const style = options.style ?? this.typography.body;
    const column = options.column ?? this.typography.column;
    const list = new StructNode(this.doc, 'L', options.parent ?? this.root);
    const inner: Column = { x: column.x + SPACING.listIndent, width: column.width - SPACING.listIndent };
    items.forEach((item, n) => {
      const li = list.child('LI');
      const label = li.child('Lbl');
      const body = li.child('LBody');
      const labelLine = pieceLines(
        this.doc,
        [{ text: item.label, face: style.face }],
        style,
        SPACING.listIndent * 4,
      )[0];
      const drawLabel = (at: Placement): void => {
        if (labelLine) {
          // The label stands close to its text (right-aligned against it): a wider gap makes
          // text extraction read the labels as a column of their own.
          const x = Math.max(column.x, inner.x - SPACING.labelGap - labelLine.width);
          label.mark(() => drawLine(at.doc, labelLine, style, x, at.top));
          label.end();
        }
      };
      const spaceBefore = n === 0 ? (options.spaceBefore ?? 0) : SPACING.listItem;
      const finish = (): void => {
        body.end();
        li.end();
        if (n === items.length - 1) {
          list.end();
        }
      };
      const [block] = item.content;
      if (item.content.length === 1 && block?.kind === 'paragraph') {
        const lines = pieceLines(this.doc, spanPieces(block.spans, style), style, inner.width);
        this.addLines({
          lines: lines.length > 0 ? lines : [{ runs: [], width: 0 }],
          style,
          x: inner.x,
          node: body,
          spaceBefore,
          withFirstLine: drawLabel,
          afterLast: finish,
          keep: 'whole',
          isText: true,
        });
        return;
      }
      // Several blocks in one item: paragraphs and lists inside the item body.
      const first = this.boxes.length;
      this.richText(item.content, { style, column: inner, parent: body, spaceBefore });
      const added = this.boxes.slice(first);
      const head = added[0];
      const tail = added.at(-1);
      if (!head || !tail) {
        return;
      }
      for (const box of added.slice(0, -1)) {
        box.keepWithNext = true;
      }
      const drawHead = head.draw.bind(head);
      const drawTail = tail.draw.bind(tail);
      head.draw = (at) => {
        drawLabel(at);
        drawHead(at);
      };
      tail.draw = (at) => {
        drawTail(at);
        finish();
      };
    });
  }

  /** An unbreakable block drawn by the caller (signature block, panel, table row). */
  unbreakable(height: number, spaceBefore: number, textLines: number, draw: (at: Placement) => void): void {
    this.push({ height, spaceBefore, keepWithNext: false, textLines, draw });
  }

  /** Keeps the last box with whatever comes next. */
  glueLast(): void {
    const last = this.boxes[this.boxes.length - 1];
    if (last) {
      last.keepWithNext = true;
    }
  }

  private block(block: Block, options: TextOptions): void {
    const style = options.style ?? this.typography.body;
    switch (block.kind) {
      case 'paragraph':
        this.paragraph(spanPieces(block.spans, style), options);
        return;
      case 'bullets':
        this.list(
          block.items.map((spans) => ({ label: '•', content: [{ kind: 'paragraph', spans }] })),
          options,
        );
        return;
    }
  }

  private addLines(group: LineGroup): void {
    const { lines, style, x, node } = group;
    lines.forEach((line, i) => {
      const last = i === lines.length - 1;
      // Orphans and widows: the first two and the last two lines of a paragraph stay together.
      const keepWithNext = group.keep === 'whole' || i === 0 || i === lines.length - 2;
      this.push({
        height: style.leading,
        spaceBefore: i === 0 ? group.spaceBefore : 0,
        keepWithNext: !last && keepWithNext,
        textLines: group.isText ? 1 : 0,
        draw: (at) => {
          if (i === 0) {
            group.withFirstLine?.(at);
          }
          if (line.runs.length > 0) {
            node.mark(() => drawLine(at.doc, line, style, x, at.top, !last));
          }
          if (last) {
            group.afterLast?.();
          }
        },
      });
    });
  }

  #keepLastWithNext(): void {
    const last = this.boxes.at(-1);
    if (last) {
      last.keepWithNext = true;
    }
  }

  private push(box: Box): void {
    if (this.linesOwedToHeading > 0 && box.textLines > 0) {
      // The heading keeps with its first line; each further line it is owed keeps with the one
      // before. A heading's text ends at the next heading, so a one-line text never drags the
      // next heading along.
      if (this.linesOwedToHeading < HEADING_KEEPS_LINES) {
        this.#keepLastWithNext();
      }
      this.linesOwedToHeading = Math.max(0, this.linesOwedToHeading - box.textLines);
    }
    this.boxes.push(box);
  }
}

/** Markup spans as pieces in a style, emphasis in the style's italic. */
export function spanPieces(spans: readonly Span[], style: TextStyle): Piece[] {
  return spans.map((s) => ({ text: printable(s.text), face: s.emphasis ? emphasised(style.face) : style.face }));
}
