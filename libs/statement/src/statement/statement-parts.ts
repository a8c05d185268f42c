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
  if (parts.title.length > LIMITS.title || parts.heading.length > LIMITS.heading) {
    throw invalid('Rubriken är för lång.');
  }
  if (parts.proposedDecision.length === 0 || parts.proposedDecision.length > LIMITS.points) {
    throw invalid(`Förslaget till beslut behöver 1–${LIMITS.points} beslutspunkter.`);
  }
  if (parts.proposedDecision.some((p) => !p.trim() || p.length > LIMITS.point)) {
    throw invalid('En beslutspunkt är tom eller för lång.');
  }
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
  if (parts.attachments.length > LIMITS.attachments || parts.attachments.some((a) => !a.title.trim())) {
    throw invalid('En bilaga saknar titel, eller så är bilagorna för många.');
  }
  const sections = parts.sections.map((s) => s.sectionId);
  if (new Set(sections).size !== sections.length) {
    throw invalid('En del av remissen har fått ställningstagande två gånger.');
  }
}

/** Normalises parts so that equal content gives equal hashes (trimmed text, sorted department ids). */
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
    sections: [...parts.sections]
      .map((s) => ({ sectionId: s.sectionId, position: s.position, comment: s.comment.trim() }))
      .sort((a, b) => a.sectionId.localeCompare(b.sectionId)),
    attachments: parts.attachments.map((a) => ({
      title: a.title.trim(),
      registeredDocumentId: a.registeredDocumentId,
    })),
    officerId: parts.officerId,
    meetingId: parts.meetingId,
    documentDate: parts.documentDate,
  };
}

/** The SHA-256 an approval is bound to: any change to any part changes it. */
export function contentHash(parts: StatementParts): string {
  return createHash('sha256')
    .update(canonicalJson(normaliseParts(parts)))
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
