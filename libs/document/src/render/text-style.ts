import type { FontFace } from './fonts.js';

/** A face, a size and the line advance (points). */
export interface TextStyle {
  readonly face: FontFace;
  readonly size: number;
  readonly leading: number;
}

/**
 * The document typography, after the city's templates: Arial (Arimo) throughout, a large bold
 * title, bold part headings, 11 pt body text, small letterhead and footer text.
 */
export const STYLES = {
  body: { face: 'regular', size: 11, leading: 14 },
  title: { face: 'bold', size: 20, leading: 24 },
  subtitle: { face: 'regular', size: 14, leading: 18 },
  letterTitle: { face: 'bold', size: 14, leading: 18 },
  heading: { face: 'bold', size: 12, leading: 15 },
  subheading: { face: 'bold', size: 11, leading: 14 },
  municipality: { face: 'bold', size: 16, leading: 20 },
  documentType: { face: 'bold', size: 11, leading: 14 },
  letterhead: { face: 'regular', size: 9, leading: 11.5 },
  letterheadLabel: { face: 'bold', size: 9, leading: 11.5 },
  footer: { face: 'regular', size: 8, leading: 10 },
  panel: { face: 'regular', size: 9, leading: 12 },
  panelTitle: { face: 'bold', size: 9, leading: 12 },
  tableHeader: { face: 'bold', size: 8.5, leading: 10.5 },
  tableCell: { face: 'regular', size: 10, leading: 13 },
} as const satisfies Record<string, TextStyle>;

// Arimo's vertical metrics (hhea ascender 1854, descender -434, 2048 units per em).
const ASCENT = 1854 / 2048;
const DESCENT = 434 / 2048;

/** Distance from the top of a line box to its baseline: the glyphs centred in the leading. */
export function baselineOffset(style: TextStyle): number {
  return (style.leading - style.size * (ASCENT + DESCENT)) / 2 + style.size * ASCENT;
}
