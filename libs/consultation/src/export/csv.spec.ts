import { toExcelCsv } from './csv.js';

describe(toExcelCsv.name, () => {
  it('starts with a byte-order mark, separates with semicolons and ends lines with CRLF', () => {
    expect(
      toExcelCsv([
        ['Remissinstans', 'Status'],
        ['Hägersten-Älvsjö stadsdelsnämnd', 'Besvarad'],
      ]),
    ).toBe('\uFEFFRemissinstans;Status\r\nHägersten-Älvsjö stadsdelsnämnd;Besvarad\r\n');
  });

  it('quotes cells with separators, quotes or line breaks', () => {
    expect(toExcelCsv([['a;b', 'säger "ja"', 'rad 1\nrad 2']])).toBe('\uFEFF"a;b";"säger ""ja""";"rad 1\nrad 2"\r\n');
  });

  it('keeps text that looks like a formula as text', () => {
    expect(toExcelCsv([['=HYPERLINK("x")', '-5', 'ok']])).toBe(`\uFEFF"'=HYPERLINK(""x"")";'-5;ok\r\n`);
  });
});
