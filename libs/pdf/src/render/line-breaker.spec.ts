import type { FontFace } from './fonts.js';
import { breakLines, type Line, type Measure } from './line-breaker.js';

/** One point per character, bold a little wider: enough to reason about breaks. */
const measure: Measure = (face: FontFace, _size: number, text: string) =>
  text.length * (face === 'bold' || face === 'boldItalic' ? 1.5 : 1);

const text = (lines: readonly Line[]): string[] => lines.map((l) => l.runs.map((r) => r.text).join(''));

describe(breakLines.name, () => {
  it('fills lines greedily and breaks at spaces', () => {
    const sut = breakLines([{ text: 'ett två tre fyra fem sex', face: 'regular' }], 11, 11, measure);
    expect(text(sut)).toEqual(['ett två tre', 'fyra fem', 'sex']);
    expect(sut.map((l) => l.width)).toEqual([11, 8, 3]);
  });

  it('gives nothing for empty text', () => {
    expect(breakLines([{ text: '', face: 'regular' }], 11, 100, measure)).toEqual([]);
    expect(breakLines([{ text: ' ', face: 'regular' }], 11, 100, measure)).toEqual([]);
  });

  it('never ends a line with a word that ends in a hyphen', () => {
    const sut = breakLines([{ text: 'avdelningen för individ- och familjeomsorg', face: 'regular' }], 11, 24, measure);
    // "avdelningen för individ-" would fit 24 points exactly, but would extract as "individoch".
    expect(text(sut)).toEqual(['avdelningen för', 'individ- och', 'familjeomsorg']);
  });

  it('cuts a word longer than a line between characters', () => {
    const sut = breakLines([{ text: 'se https://start.stockholm/remisser', face: 'regular' }], 11, 10, measure);
    expect(text(sut)).toEqual(['se', 'https://st', 'art.stockh', 'olm/remiss', 'er']);
    expect(sut.every((l) => l.width <= 10)).toBe(true);
  });

  it('keeps faces apart in runs placed one after another', () => {
    const sut = breakLines(
      [
        { text: 'Det är ', face: 'regular' },
        { text: 'viktigt', face: 'italic' },
        { text: ', sade hon.', face: 'regular' },
      ],
      11,
      100,
      measure,
    );
    expect(sut).toHaveLength(1);
    expect(sut[0]!.runs).toEqual([
      { text: 'Det är ', face: 'regular', x: 0 },
      { text: 'viktigt', face: 'italic', x: 7 },
      { text: ', sade hon.', face: 'regular', x: 14 },
    ]);
  });

  it('measures each word with its following space, as it is drawn', () => {
    const calls: string[] = [];
    breakLines([{ text: 'a b', face: 'bold' }], 11, 100, (face, size, t) => {
      calls.push(t);
      return measure(face, size, t);
    });
    expect(calls).toContain('a ');
  });
});
