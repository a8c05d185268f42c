import { printable } from './fonts.js';
import { breakLines, type Line, type Measure, type Piece } from './line-breaker.js';
import { baselineOffset, type TextStyle } from './text-style.js';

/** The measure of a document: pdfkit's own width computation, so drawing matches layout. */
export function measureWith(doc: PDFKit.PDFDocument): Measure {
  return (face, size, text) => doc.font(face).fontSize(size).widthOfString(text);
}

/**
 * Draws one broken line with its top at `top`. Text is placed as text only (glyph ids from the
 * font), so nothing in it can become PDF operators. A line that a paragraph continues after ends
 * in an (invisible) space, so that software reading the tagged content line by line does not
 * glue the last word of one line to the first of the next.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: Line,
  style: TextStyle,
  x: number,
  top: number,
  continues = false,
): void {
  const baseline = top + baselineOffset(style);
  line.runs.forEach((run, i) => {
    const text = continues && i === line.runs.length - 1 ? `${run.text} ` : run.text;
    doc
      .font(run.face)
      .fontSize(style.size)
      .text(text, x + run.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  });
}

/** Breaks a plain string in one style into lines. */
export function plainLines(doc: PDFKit.PDFDocument, text: string, style: TextStyle, width: number): Line[] {
  return breakLines([{ text: printable(text).trim(), face: style.face }], style.size, width, measureWith(doc));
}

/** Breaks pieces of text into lines, after making them printable. */
export function pieceLines(doc: PDFKit.PDFDocument, pieces: readonly Piece[], style: TextStyle, width: number): Line[] {
  return breakLines(
    pieces.map((p) => ({ text: printable(p.text), face: p.face })),
    style.size,
    width,
    measureWith(doc),
  );
}
