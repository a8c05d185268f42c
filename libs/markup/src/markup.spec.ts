import { parseMarkup, toHtml, toMarkup, toPlainText } from './markup.js';

describe('parseMarkup', () => {
  it('splits paragraphs on blank lines and joins the lines of a paragraph', () => {
    expect(parseMarkup('Första raden\nfortsätter här.\n\nAndra stycket.')).toEqual([
      { kind: 'paragraph', spans: [{ text: 'Första raden fortsätter här.' }] },
      { kind: 'paragraph', spans: [{ text: 'Andra stycket.' }] },
    ]);
  });

  it('reads a bullet list that follows a paragraph line directly, as in the reference text', () => {
    const blocks = parseMarkup(
      'De tre fokusområdena är:\n• Kunskap och information\n- Välfärd och service\n* Delaktighet och inflytande\n\nTill varje fokusområde hör mål.',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', spans: [{ text: 'De tre fokusområdena är:' }] },
      {
        kind: 'bullets',
        items: [
          [{ text: 'Kunskap och information' }],
          [{ text: 'Välfärd och service' }],
          [{ text: 'Delaktighet och inflytande' }],
        ],
      },
      { kind: 'paragraph', spans: [{ text: 'Till varje fokusområde hör mål.' }] },
    ]);
  });

  it('continues a bullet on an indented line', () => {
    expect(parseMarkup('- en lång punkt\n  som fortsätter')).toEqual([
      { kind: 'bullets', items: [[{ text: 'en lång punkt som fortsätter' }]] },
    ]);
  });

  it('marks emphasis and keeps escaped and lone asterisks literal', () => {
    expect(parseMarkup('Det *ska* prioriteras, 5 \\* 3 och en ensam * stjärna')).toEqual([
      {
        kind: 'paragraph',
        spans: [
          { text: 'Det ' },
          { text: 'ska', emphasis: true },
          { text: ' prioriteras, 5 * 3 och en ensam * stjärna' },
        ],
      },
    ]);
  });

  it('drops control characters and keeps markup-like text inert', () => {
    const blocks = parseMarkup('<script>alert(1)</script>\u0007 (BT) Tj ET');
    expect(toPlainText(blocks)).toBe('<script>alert(1)</script> (BT) Tj ET');
    expect(toHtml(blocks)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; (BT) Tj ET</p>');
  });

  it('round-trips through toMarkup', () => {
    const text = 'Ett *viktigt* stycke med \\* tecken.\n\n- punkt ett\n- punkt två';
    expect(parseMarkup(toMarkup(parseMarkup(text)))).toEqual(parseMarkup(text));
  });

  it('gives nothing for empty text', () => {
    expect(parseMarkup('  \n\n ')).toEqual([]);
  });
});
