import type { RichText } from '@app/markup';
import type { FlowBuilder } from '@app/pdf';

import type { BodyWords, SectionView, StatementParts } from './models.js';
import { BOARD_WORDS, officeHeadings, PART_HEADINGS, positionLabel } from './swedish.js';

/** Whether markup holds any text at all. */
export function hasText(text: RichText | null | undefined): text is RichText {
  return (
    !!text &&
    text.some((b) =>
      b.kind === 'paragraph'
        ? b.spans.some((s) => s.text.trim() !== '')
        : b.items.some((i) => i.some((s) => s.text.trim() !== '')),
    )
  );
}

/** A part: bold heading, then its text. Left out when it has no text. */
export function addPart(flow: FlowBuilder, heading: string, text: RichText | null | undefined): void {
  if (hasText(text)) {
    flow.heading(heading, 'H2');
    flow.richText(text);
  }
}

/**
 * Decision points: one point as plain text (as in the reference), several as a numbered list.
 */
export function addDecisionPoints(flow: FlowBuilder, heading: string, points: readonly RichText[]): void {
  const present = points.filter((p) => hasText(p));
  if (present.length === 0) {
    return;
  }
  flow.heading(heading, 'H2');
  const [only, ...more] = present;
  if (only && more.length === 0) {
    flow.richText(only);
  } else {
    flow.list(present.map((content, i) => ({ label: `${i + 1}.`, content })));
  }
}

/**
 * The statement's parts in the city's order, the office named in the body's words: proposed decision, summary, background, the matter,
 * its preparation, the administration's views, then the views on each remiss section that has
 * a position or a comment.
 */
export function addStatementParts(flow: FlowBuilder, parts: StatementParts, words: BodyWords = BOARD_WORDS): void {
  const headings = officeHeadings(words);
  addDecisionPoints(flow, headings.proposedDecision, parts.proposedDecision);
  addPart(flow, PART_HEADINGS.summary, parts.summary);
  addPart(flow, PART_HEADINGS.background, parts.background);
  addPart(flow, PART_HEADINGS.matter, parts.matter);
  addPart(flow, PART_HEADINGS.preparation, parts.preparation);
  addPart(flow, headings.views, parts.views);
  addSectionViews(flow, parts.sectionViews ?? []);
}

function addSectionViews(flow: FlowBuilder, views: readonly SectionView[]): void {
  const printed = views.filter((v) => !!v.position || hasText(v.comment));
  if (printed.length === 0) {
    return;
  }
  flow.heading(PART_HEADINGS.sectionViews, 'H2');
  printed.forEach((view, i) => {
    flow.heading(view.title, 'H3', { spaceBefore: i === 0 ? 4 : undefined });
    if (view.position) {
      flow.paragraph([
        { text: 'Ställningstagande: ', face: 'bold' },
        { text: positionLabel(view.position), face: 'regular' },
      ]);
    }
    if (hasText(view.comment)) {
      flow.richText(view.comment, { spaceBefore: view.position ? 4 : 0 });
    }
  });
}

/** Bilagor: the attachment titles, numbered when there are several. */
export function addAttachments(flow: FlowBuilder, heading: string, attachments: readonly string[]): void {
  const titles = attachments.filter((a) => a.trim() !== '');
  if (titles.length === 0) {
    return;
  }
  flow.heading(heading, 'H2', { spaceBefore: 18 });
  const [only, ...more] = titles;
  if (only !== undefined && more.length === 0) {
    flow.text(only);
  } else {
    flow.list(titles.map((text, i) => ({ label: `${i + 1}.`, content: [{ kind: 'paragraph', spans: [{ text }] }] })));
  }
}
