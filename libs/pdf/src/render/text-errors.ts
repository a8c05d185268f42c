import { DomainError, ErrorKind } from '@app/platform';

/** Where characters that cannot be printed were found: a named field, or the text being set. */
export interface UnprintableText {
  readonly field: string | null;
  readonly characters: readonly string[];
}

/** `😀 (U+1F600)`: the character and its code point, so that an invisible or unfamiliar one can be found. */
function described(character: string): string {
  const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `${character} (U+${codePoint})`;
}

export const textErrors = {
  unprintable: (found: readonly UnprintableText[]) =>
    new DomainError(
      'text.unprintable',
      ErrorKind.Unprocessable,
      `Texten kan inte skrivas ut i ett signerat dokument: ${found
        .map((f) => `${f.field ? `${f.field} innehåller ` : ''}${f.characters.map(described).join(', ')}`)
        .join(
          '; ',
        )}. Typsnittet saknar tecknen, eller så skrivs de från höger till vänster. Ta bort dem eller skriv texten med andra tecken.`,
      {
        fields: found.map((f) => ({ field: f.field, characters: f.characters.map(described) })),
      },
    ),
};
