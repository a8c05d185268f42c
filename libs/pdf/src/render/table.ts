import type { FlowBuilder } from './flow-builder.js';
import { StructNode } from './struct-node.js';
import { drawLine, plainLines } from './text-drawing.js';
import type { TextStyle } from './text-style.js';

/** A table column: its header, its share of the text width and how its cells align. */
export interface TableColumn {
  readonly header: string;
  /** Width in points. */
  readonly width: number;
  readonly align: 'left' | 'right';
}

/** The styles of a table's header row and of its other cells. */
export interface TableStyles {
  readonly header: TextStyle;
  readonly cell: TextStyle;
}

const CELL_PADDING = 4;
const ROW_PADDING = 3;

/**
 * A simple table (`Table` with `TR`, `TH`, `TD`): a header row, then one unbreakable box per
 * row, with thin rules between rows, from the left edge of the flow's column. The header keeps
 * with the first row.
 */
export function addTable(
  doc: PDFKit.PDFDocument,
  flow: FlowBuilder,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  spaceBefore: number,
  styles: TableStyles,
): void {
  const left = flow.typography.column.x;
  const table = new StructNode(doc, 'Table', flow.root);
  const all = [columns.map((c) => c.header), ...rows];
  all.forEach((cells, r) => {
    const header = r === 0;
    const style = header ? styles.header : styles.cell;
    const laid = columns.map((column, c) => ({
      column,
      lines: plainLines(doc, cells[c] ?? '', style, column.width - 2 * CELL_PADDING),
    }));
    const height = Math.max(1, ...laid.map((l) => l.lines.length)) * style.leading + 2 * ROW_PADDING;
    const last = r === all.length - 1;
    flow.unbreakable(height, r === 0 ? spaceBefore : 0, header ? 0 : 1, (at) => {
      const row = table.child('TR');
      let x = left;
      laid.forEach(({ column, lines }) => {
        const cell = row.child(header ? 'TH' : 'TD');
        cell.mark(() =>
          lines.forEach((line, i) => {
            const lx = column.align === 'right' ? x + column.width - CELL_PADDING - line.width : x + CELL_PADDING;
            drawLine(at.doc, line, style, lx, at.top + ROW_PADDING + i * style.leading);
          }),
        );
        cell.end();
        x += column.width;
      });
      row.end();
      at.doc.markContent('Artifact', { type: 'Layout' });
      const ruleY = at.top + height;
      at.doc
        .moveTo(left, ruleY)
        .lineTo(x, ruleY)
        .lineWidth(header ? 0.75 : 0.25)
        .stroke();
      at.doc.endMarkedContent();
      if (last) {
        table.end();
      }
    });
    if (header) {
      flow.glueLast();
    }
  });
}
