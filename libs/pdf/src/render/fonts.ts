import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { textErrors } from './text-errors.js';

/** The four faces of the document typeface. */
export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The faces in a fixed order, so every document registers them alike. */
export const FONT_FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

/**
 * The part of a fontkit font the renderer uses. pdfkit takes the parsed object as it is; the
 * type lives here because fontkit ships no declarations.
 */
export interface ParsedFont {
  readonly postscriptName: string;
  /** Every code point the font maps to a glyph. */
  readonly characterSet: readonly number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): unknown;
}

interface Fontkit {
  create(data: Uint8Array): ParsedFont;
}

// Arimo is metric-compatible with Arial, the typeface of the city's documents, and free to embed.
const FILES: Readonly<Record<FontFace, string>> = {
  regular: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italic: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Arimo_700Bold_Italic.ttf',
};

const resolveHere = createRequire(import.meta.url);

let parsed: ReadonlyMap<FontFace, ParsedFont> | null = null;

/**
 * The parsed Arimo faces. They are read and parsed once per process: re-reading a font for every
 * document triples the render time. fontkit is pdfkit's own font engine (its dependency), loaded
 * from pdfkit's install so the font objects are exactly what pdfkit expects.
 */
export function documentFonts(): ReadonlyMap<FontFace, ParsedFont> {
  if (parsed === null) {
    const fontkit = resolveHere(resolveHere.resolve('fontkit', { paths: [pdfkitDirectory()] })) as Fontkit;
    const directory = dirname(resolveHere.resolve('@expo-google-fonts/arimo/package.json'));
    parsed = new Map(
      FONT_FACES.map((face) => [face, withCodePoints(fontkit.create(readFileSync(join(directory, FILES[face]))))]),
    );
  }
  return parsed;
}

/**
 * Gives every glyph the font maps its code point before the font is shared. fontkit caches a
 * glyph object with the characters of its first request, and pdfkit writes a glyph's ToUnicode
 * entry from that object. Subsetting one document requests the parts of composite glyphs
 * without characters (the O of Ö), so a later document that prints an O would extract it as
 * nothing. Requesting each mapped glyph once by code point, in ascending order (the space before
 * the no-break space), fixes the cache for the process.
 */
function withCodePoints(font: ParsedFont): ParsedFont {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    font.glyphForCodePoint(codePoint);
  }
  return font;
}

function pdfkitDirectory(): string {
  // pdfkit's package.json is not exported; its main entry is, and sits in <pdfkit>/js/.
  return dirname(dirname(resolveHere.resolve('pdfkit')));
}

/** The italic (emphasised) variant of a face. */
export function emphasised(face: FontFace): FontFace {
  return face === 'bold' || face === 'boldItalic' ? 'boldItalic' : 'italic';
}

// Breaking whitespace; the no-break space (U+00A0) stays as it is.
const SPACES = /[\t\n\r \u1680\u2000-\u200A\u2028\u2029\u205F\u3000]+/g;
// Control characters (as the statement markup drops them) and invisible format characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Scripts written right to left, and the controls that steer the direction of text: every line
// is set left to right, so such text would print in the wrong order even where a glyph exists.
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const coverage = new Map<number, boolean>();

/** Text as it is set: Unicode NFC, invisible characters dropped, runs of whitespace as one space. */
function normalised(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\u202F/g, '\u00A0')
    .replace(SPACES, ' ');
}

/** Whether every face has a glyph for the character and it is set left to right. */
function canPrint(ch: string): boolean {
  const codePoint = ch.codePointAt(0);
  if (codePoint === undefined) {
    return true; // nothing to print
  }
  let known = coverage.get(codePoint);
  if (known === undefined) {
    const fonts = [...documentFonts().values()];
    known = !RIGHT_TO_LEFT.test(ch) && fonts.every((font) => font.hasGlyphForCodePoint(codePoint));
    coverage.set(codePoint, known);
  }
  return known;
}

/**
 * The characters of a text that cannot be printed, each once, in the order they first appear:
 * those the typeface lacks, and right-to-left script, which would print in the wrong order.
 */
export function unprintableCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const ch of normalised(text)) {
    if (!canPrint(ch)) {
      found.add(ch);
    }
  }
  return [...found];
}

/**
 * Text as it can be printed: Unicode NFC (so å is one glyph and extracts as one character),
 * runs of whitespace as one space, control and invisible format characters dropped. A character
 * that cannot be printed is refused (`text.unprintable`), never replaced: a missing glyph would
 * print as nothing, lose the character in text extraction and break PDF/A, and a stand-in would
 * put words in a signed document that its author did not write.
 */
export function printable(text: string): string {
  const normal = normalised(text);
  for (const ch of normal) {
    if (!canPrint(ch)) {
      throw textErrors.unprintable([{ field: null, characters: unprintableCharacters(normal) }]);
    }
  }
  return normal;
}

/**
 * Refuses texts that would go into a signed document with characters it cannot print, naming
 * each field and its characters. Keys are the fields' names as the caller's input spells them.
 */
export function assertPrintable(fields: Readonly<Record<string, string | null | undefined>>): void {
  const found = Object.entries(fields).flatMap(([field, text]) => {
    const characters = text ? unprintableCharacters(text) : [];
    return characters.length > 0 ? [{ field, characters }] : [];
  });
  if (found.length > 0) {
    throw textErrors.unprintable(found);
  }
}
