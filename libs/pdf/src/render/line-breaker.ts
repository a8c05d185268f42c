import type { FontFace } from './fonts.js';

/** A stretch of text in one face, before line breaking. */
export interface Piece {
  readonly text: string;
  readonly face: FontFace;
}

/** A stretch of one line in one face, `x` points from the line's start. */
export interface Run {
  readonly text: string;
  readonly face: FontFace;
  readonly x: number;
}

/** One broken line. */
export interface Line {
  readonly runs: readonly Run[];
  /** The drawn width, without a trailing space. */
  readonly width: number;
}

/** The advance width of text in a face at a size, as pdfkit will draw it. */
export type Measure = (face: FontFace, size: number, text: string) => number;

interface Word {
  readonly pieces: readonly Piece[];
  /** Width without the following space. */
  readonly bare: number;
  /** Width with the following space, as the word is drawn inside a line. */
  readonly spaced: number;
}

// Measuring and drawing must agree: pdfkit measures text as chunks that end after each space,
// so a word is measured with its following space attached, exactly as it is drawn.
const TOLERANCE = 0.01;

/**
 * Breaks text into lines of at most `maxWidth` points, left-aligned, at spaces only (a line
 * ending in a hyphen would extract as a different word). A word wider than a line is cut
 * between characters. Pieces must already be printable text (single spaces, no newlines).
 */
export function breakLines(pieces: readonly Piece[], size: number, maxWidth: number, measure: Measure): Line[] {
  const words = toWords(pieces, size, measure);
  const lines: Line[] = [];
  let current: Word[] = [];
  let width = 0;
  const flush = (): void => {
    if (current.length > 0) {
      lines.push(toLine(current, size, measure));
    }
    current = [];
    width = 0;
  };
  for (const word of words) {
    if (current.length > 0 && width + word.bare > maxWidth + TOLERANCE) {
      flush();
    }
    if (current.length === 0 && word.bare > maxWidth + TOLERANCE) {
      const parts = cutWord(word, size, maxWidth, measure);
      const last = parts.pop();
      for (const part of parts) {
        lines.push(toLine([part], size, measure));
      }
      if (last) {
        current = [last];
        width = last.spaced;
      }
      continue;
    }
    current.push(word);
    width += word.spaced;
  }
  flush();
  return lines;
}

function toWords(pieces: readonly Piece[], size: number, measure: Measure): Word[] {
  const words: Piece[][] = [];
  let word: Piece[] = [];
  for (const piece of pieces) {
    const parts = piece.text.split(' ');
    parts.forEach((part, index) => {
      if (index > 0 && word.length > 0) {
        words.push(word);
        word = [];
      }
      if (part !== '') {
        word.push({ text: part, face: piece.face });
      }
    });
  }
  if (word.length > 0) {
    words.push(word);
  }
  return glueHyphenEnds(words).map((p) => measureWord(p, size, measure));
}

// Text extraction (pdftotext and screen readers alike) joins a line that ends in a hyphen with
// the next line's first word: "individ-" + "och" would read "individoch". A word that ends in a
// hyphen therefore never ends a line; it keeps the space and the word after it.
const HYPHEN_END = /[-\u2010]$/;

function glueHyphenEnds(words: readonly Piece[][]): Piece[][] {
  const out: Piece[][] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    const last = previous?.[previous.length - 1];
    if (previous && last && HYPHEN_END.test(last.text)) {
      previous[previous.length - 1] = { text: `${last.text} `, face: last.face };
      previous.push(...word);
    } else {
      out.push([...word]);
    }
  }
  return out;
}

function measureWord(pieces: readonly Piece[], size: number, measure: Measure): Word {
  const widths = pieces.map((p) => measure(p.face, size, p.text));
  const bare = widths.reduce((a, b) => a + b, 0);
  const last = pieces.at(-1);
  const lastWidth = widths.at(-1);
  // A word is followed by a space unless it ends the line: the space is set in the last piece's face.
  const spaced =
    last === undefined || lastWidth === undefined ? bare : bare - lastWidth + measure(last.face, size, `${last.text} `);
  return { pieces, bare, spaced };
}

/** Cuts an over-long word between characters into parts that each fit a line. */
function cutWord(word: Word, size: number, maxWidth: number, measure: Measure): Word[] {
  const chars = word.pieces.flatMap((p) => Array.from(p.text, (ch) => ({ text: ch, face: p.face })));
  const parts: Word[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let fitted = measureWord(mergePieces(chars.slice(start, end)), size, measure);
    while (end < chars.length) {
      const next = measureWord(mergePieces(chars.slice(start, end + 1)), size, measure);
      if (next.bare > maxWidth + TOLERANCE) {
        break;
      }
      fitted = next;
      end++;
    }
    parts.push(fitted);
    start = end;
  }
  return parts;
}

function mergePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && last.face === piece.face) {
      out[out.length - 1] = { text: last.text + piece.text, face: last.face };
    } else {
      out.push(piece);
    }
  }
  return out;
}

function toLine(words: readonly Word[], size: number, measure: Measure): Line {
  const pieces = mergePieces(
    words.flatMap((word, w) =>
      word.pieces.map((p, i) =>
        w < words.length - 1 && i === word.pieces.length - 1 ? { ...p, text: `${p.text} ` } : p,
      ),
    ),
  );
  const runs: Run[] = [];
  let x = 0;
  for (const piece of pieces) {
    runs.push({ text: piece.text, face: piece.face, x });
    x += measure(piece.face, size, piece.text);
  }
  return { runs, width: x };
}
