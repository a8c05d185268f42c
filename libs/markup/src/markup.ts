/**
 * The small text markup of statement parts. The whole language:
 *
 * - Paragraphs are separated by a blank line; lines inside a paragraph are joined by a space.
 * - A line starting with `- `, `* ` or `• ` is a bullet; consecutive bullets form one list.
 * - `*text*` is emphasis. `\*` is a literal asterisk.
 * - Nothing else has meaning: no HTML, no links, no headings. Control characters are dropped.
 *
 * The parsed form is data (blocks of spans), never markup, so it cannot inject into a PDF or a
 * web page: renderers place the text as text.
 */
export interface Span {
  readonly text: string;
  readonly emphasis?: true;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly spans: readonly Span[] }
  | { readonly kind: 'bullets'; readonly items: readonly (readonly Span[])[] };

export type RichText = readonly Block[];

const BULLET = /^\s*(?:[-*•])\s+(.*)$/;
// Everything below U+0020 but tab and newline, DEL, and the C1 controls.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Parses markup text into blocks. Never throws: any text is valid markup. */
export function parseMarkup(text: string): RichText {
  const lines = text.replace(/\r\n?/g, '\n').replace(CONTROL, '').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let bullets: string[][] = [];

  const flushParagraph = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', spans: parseSpans(paragraph.join(' ')) });
      paragraph = [];
    }
  };
  const flushBullets = (): void => {
    if (bullets.length > 0) {
      blocks.push({ kind: 'bullets', items: bullets.map((item) => parseSpans(item.join(' '))) });
      bullets = [];
    }
  };

  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ').trim();
    if (line === '') {
      flushParagraph();
      flushBullets();
      continue;
    }
    const bullet = BULLET.exec(raw.replace(/\t/g, ' '));
    if (bullet) {
      flushParagraph();
      bullets.push([(bullet[1] ?? '').trim()]);
      continue;
    }
    const lastBullet = bullets.at(-1);
    if (lastBullet && /^\s+/.test(raw)) {
      // An indented line continues the bullet above it.
      lastBullet.push(line);
      continue;
    }
    flushBullets();
    paragraph.push(line);
  }
  flushParagraph();
  flushBullets();
  return blocks;
}

function parseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let current = '';
  let emphasis = false;
  const push = (): void => {
    if (current !== '') {
      spans.push(emphasis ? { text: current, emphasis: true } : { text: current });
      current = '';
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && text[i + 1] === '*') {
      current += '*';
      i++;
      continue;
    }
    if (ch === '*') {
      // Opens emphasis only when a closing asterisk follows; a lone one is literal.
      if (!emphasis && text.indexOf('*', i + 1) === -1) {
        current += ch;
        continue;
      }
      push();
      emphasis = !emphasis;
      continue;
    }
    current += ch;
  }
  push();
  return mergeAdjacent(spans.map((s) => ({ ...s, text: s.text.replace(/ {2,}/g, ' ') })));
}

function mergeAdjacent(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && Boolean(last.emphasis) === Boolean(span.emphasis)) {
      out[out.length - 1] = { ...last, text: last.text + span.text };
    } else {
      out.push(span);
    }
  }
  return out;
}

/** The text without markup: paragraphs and list items on lines of their own. */
export function toPlainText(blocks: RichText): string {
  return blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? b.spans.map((s) => s.text).join('')
        : b.items.map((item) => `• ${item.map((s) => s.text).join('')}`).join('\n'),
    )
    .join('\n\n');
}

/** Writes blocks back as markup (the inverse of parseMarkup for text it produced). */
export function toMarkup(blocks: RichText): string {
  const spans = (list: readonly Span[]): string =>
    list.map((s) => (s.emphasis ? `*${escape(s.text)}*` : escape(s.text))).join('');
  return blocks
    .map((b) => (b.kind === 'paragraph' ? spans(b.spans) : b.items.map((item) => `- ${spans(item)}`).join('\n')))
    .join('\n\n');
}

function escape(text: string): string {
  return text.replace(/\*/g, '\\*');
}

const HTML_ESCAPES = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
} as const;

/** Safe HTML for a web page: every character of the text is escaped. */
export function toHtml(blocks: RichText): string {
  const esc = (t: string): string => t.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c as keyof typeof HTML_ESCAPES]);
  const spans = (list: readonly Span[]): string =>
    list.map((s) => (s.emphasis ? `<em>${esc(s.text)}</em>` : esc(s.text))).join('');
  return blocks
    .map((b) =>
      b.kind === 'paragraph'
        ? `<p>${spans(b.spans)}</p>`
        : `<ul>${b.items.map((i) => `<li>${spans(i)}</li>`).join('')}</ul>`,
    )
    .join('');
}
