import { canonicalJson, DomainError, ErrorKind, isIsoDate } from '@app/platform';
import { createHash } from 'node:crypto';

import type { PartChange, StatementParts } from '../statement.views.js';

const LIMITS = { title: 500, heading: 300, text: 50_000, point: 5_000, points: 20, attachments: 50 } as const;

function invalid(detail: string): DomainError {
  return new DomainError('statement.parts_invalid', ErrorKind.Invalid, detail);
}

/** Checks the shape of the parts a save brings: lengths, dates, no empty decision point. */
export function assertPartsValid(parts: StatementParts): void {
  if (!parts.title.trim()) {
    throw invalid('Rubriken (title) får inte vara tom.');
  }
  if (parts.title.length > LIMITS.title) {
    throw invalid(`Rubriken (title) får vara högst ${LIMITS.title} tecken.`);
  }
  if (parts.heading.length > LIMITS.heading) {
    throw invalid(`Underrubriken (heading) får vara högst ${LIMITS.heading} tecken.`);
  }
  if (parts.proposedDecision.length === 0 || parts.proposedDecision.length > LIMITS.points) {
    throw invalid(`Förslaget till beslut (proposedDecision) behöver 1–${LIMITS.points} beslutspunkter.`);
  }
  parts.proposedDecision.forEach((p, i) => {
    if (!p.trim()) {
      throw invalid(`Beslutspunkt ${i + 1} (proposedDecision[${i}]) är tom.`);
    }
    if (p.length > LIMITS.point) {
      throw invalid(`Beslutspunkt ${i + 1} (proposedDecision[${i}]) får vara högst ${LIMITS.point} tecken.`);
    }
  });
  for (const [name, text] of [
    ['summary', parts.summary],
    ['background', parts.background],
    ['matter', parts.matter],
    ['preparation.text', parts.preparation.text],
    ['views', parts.views],
  ] as const) {
    if (text.length > LIMITS.text) {
      throw invalid(`${name} är längre än ${LIMITS.text} tecken.`);
    }
  }
  if (!isIsoDate(parts.documentDate)) {
    throw invalid('documentDate måste vara ett datum (ÅÅÅÅ-MM-DD).');
  }
  if (parts.preparation.unionsInformedOn !== null && !isIsoDate(parts.preparation.unionsInformedOn)) {
    throw invalid('unionsInformedOn måste vara ett datum (ÅÅÅÅ-MM-DD).');
  }
  if (parts.attachments.length > LIMITS.attachments) {
    throw invalid(`Bilagorna (attachments) får vara högst ${LIMITS.attachments}.`);
  }
  const untitled = parts.attachments.findIndex((a) => !a.title.trim());
  if (untitled >= 0) {
    throw invalid(`Bilaga ${untitled + 1} (attachments[${untitled}].title) saknar titel.`);
  }
  const sections = parts.sections.map((s) => s.sectionId);
  if (new Set(sections).size !== sections.length) {
    throw invalid('En del av remissen har fått ställningstagande två gånger (sections).');
  }
}

/** Every text of the parts that a signed document prints, keyed by its name in the input. */
export function printedTexts(parts: StatementParts): Record<string, string | null> {
  return {
    title: parts.title,
    heading: parts.heading,
    ...Object.fromEntries(parts.proposedDecision.map((p, i) => [`proposedDecision[${i}]`, p])),
    summary: parts.summary,
    background: parts.background,
    matter: parts.matter,
    'preparation.text': parts.preparation.text,
    'preparation.unionForum': parts.preparation.unionForum,
    views: parts.views,
    ...Object.fromEntries(parts.sections.map((s, i) => [`sections[${i}].comment`, s.comment])),
    ...Object.fromEntries(parts.attachments.map((a, i) => [`attachments[${i}].title`, a.title])),
  };
}

/**
 * Normalises parts so that equal content gives equal hashes (trimmed text, sorted department
 * ids). Sections keep their order: the remiss's, as the statement service arranges them.
 */
export function normaliseParts(parts: StatementParts): StatementParts {
  return {
    title: parts.title.trim(),
    heading: parts.heading.trim(),
    proposedDecision: parts.proposedDecision.map((p) => p.trim()),
    summary: parts.summary.trim(),
    background: parts.background.trim(),
    matter: parts.matter.trim(),
    preparation: {
      text: parts.preparation.text.trim(),
      consultedDepartmentIds: [...new Set(parts.preparation.consultedDepartmentIds)].sort(),
      unionsInformedOn: parts.preparation.unionsInformedOn,
      unionForum: parts.preparation.unionForum?.trim() || null,
    },
    views: parts.views.trim(),
    position: parts.position,
    sections: parts.sections.map((s) => ({ sectionId: s.sectionId, position: s.position, comment: s.comment.trim() })),
    attachments: parts.attachments.map((a) => ({
      title: a.title.trim(),
      registeredDocumentId: a.registeredDocumentId,
    })),
    officerId: parts.officerId,
    meetingId: parts.meetingId,
    documentDate: parts.documentDate,
  };
}

/**
 * The SHA-256 an approval is bound to: any change to any part changes it. Sections are hashed in
 * the order of their ids, as they always have been, so the order they are shown in is no part of
 * the content and the hashes approvals were bound to stay valid.
 */
export function contentHash(parts: StatementParts): string {
  const normal = normaliseParts(parts);
  const sections = [...normal.sections].sort((a, b) => a.sectionId.localeCompare(b.sectionId));
  return createHash('sha256')
    .update(canonicalJson({ ...normal, sections }))
    .digest('hex');
}

const PART_NAMES: readonly (keyof StatementParts)[] = [
  'title',
  'heading',
  'proposedDecision',
  'summary',
  'background',
  'matter',
  'preparation',
  'views',
  'position',
  'sections',
  'attachments',
  'officerId',
  'meetingId',
  'documentDate',
];

/** Compares two revisions part by part. */
export function compareParts(from: StatementParts, to: StatementParts): PartChange[] {
  return PART_NAMES.map((part) => ({
    part,
    changed: canonicalJson(from[part]) !== canonicalJson(to[part]),
    from: from[part],
    to: to[part],
  }));
}
