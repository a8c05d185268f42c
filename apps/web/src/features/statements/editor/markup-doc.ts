import { type Block, parseMarkup, type Span, toMarkup } from '@app/markup';
import type { JSONContent } from '@tiptap/react';

/**
 * The product's markup as the editor's document and back. The editor's schema holds exactly
 * what the markup can say — paragraphs, bullet lists, emphasis — so the round trip loses nothing
 * a person can see.
 */
export function markupToDoc(markup: string): JSONContent {
  const blocks = parseMarkup(markup);
  return {
    type: 'doc',
    content: blocks.length ? blocks.map(blockToNode) : [{ type: 'paragraph' }],
  };
}

function spansToNodes(spans: readonly Span[]): JSONContent[] {
  return spans
    .filter((s) => s.text !== '')
    .map((s) =>
      s.emphasis ? { type: 'text', text: s.text, marks: [{ type: 'italic' }] } : { type: 'text', text: s.text },
    );
}

function paragraph(spans: readonly Span[]): JSONContent {
  const content = spansToNodes(spans);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function blockToNode(block: Block): JSONContent {
  return block.kind === 'paragraph'
    ? paragraph(block.spans)
    : { type: 'bulletList', content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
}

export function docToMarkup(doc: JSONContent): string {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) {
    if (node.type === 'bulletList') {
      const items = listItems(node).filter((spans) => spans.length > 0);
      if (items.length) {
        blocks.push({ kind: 'bullets', items });
      }
    } else {
      const spans = spansOf(node);
      if (spans.length) {
        blocks.push({ kind: 'paragraph', spans });
      }
    }
  }
  return toMarkup(blocks);
}

/** A list item's text, with any list nested in it flattened into items of their own. */
function listItems(list: JSONContent): Span[][] {
  const items: Span[][] = [];
  for (const item of list.content ?? []) {
    const own: Span[] = [];
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList') {
        items.push(own.splice(0), ...listItems(child));
      } else {
        if (own.length) {
          own.push({ text: ' ' });
        }
        own.push(...spansOf(child));
      }
    }
    items.push(own);
  }
  return items.filter((spans) => spans.length > 0);
}

function spansOf(node: JSONContent): Span[] {
  if (node.type === 'text') {
    const text = (node.text ?? '').replace(/\s+/g, ' ');
    if (!text) {
      return [];
    }
    return node.marks?.some((m) => m.type === 'italic') ? [{ text, emphasis: true }] : [{ text }];
  }
  return (node.content ?? []).flatMap(spansOf);
}
