import type { FontFace } from './fonts.js';

/** A face, a size and the line advance (points). */
export interface TextStyle {
  readonly face: FontFace;
  readonly size: number;
  readonly leading: number;
}

// Arimo's vertical metrics (hhea ascender 1854, descender -434, 2048 units per em).
const ASCENT = 1854 / 2048;
const DESCENT = 434 / 2048;

/** Distance from the top of a line box to its baseline: the glyphs centred in the leading. */
export function baselineOffset(style: TextStyle): number {
  return (style.leading - style.size * (ASCENT + DESCENT)) / 2 + style.size * ASCENT;
}
