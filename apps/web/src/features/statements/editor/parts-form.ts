import type { Parts, PartsInput } from '../statement-queries';

/** The parts a person writes, in the order of the printed document. */
export const PART_KEYS = [
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
  'meetingId',
  'documentDate',
] as const satisfies readonly (keyof PartsInput)[];

export type PartKey = (typeof PART_KEYS)[number];

/** A saved revision's parts as the form edits them and the API takes them back. */
export function toInput(parts: Parts): PartsInput {
  return {
    title: parts.title,
    heading: parts.heading,
    proposedDecision: [...parts.proposedDecision],
    summary: parts.summary,
    background: parts.background,
    matter: parts.matter,
    preparation: {
      text: parts.preparation.text,
      consultedDepartmentIds: [...parts.preparation.consultedDepartmentIds],
      unionsInformedOn: parts.preparation.unionsInformedOn,
      unionForum: parts.preparation.unionForum,
    },
    views: parts.views,
    position: parts.position,
    sections: parts.sections.map((s) => ({ sectionId: s.sectionId, position: s.position, comment: s.comment })),
    attachments: parts.attachments.map((a) => ({ title: a.title, registeredDocumentId: a.registeredDocumentId })),
    officerId: parts.officerId,
    meetingId: parts.meetingId,
    documentDate: parts.documentDate,
  };
}

/** Whether two versions of a part say the same (an empty optional value is the same as none). */
export function samePart(key: PartKey, a: PartsInput, b: PartsInput): boolean {
  return JSON.stringify(normal(a[key])) === JSON.stringify(normal(b[key]));
}

function normal(value: unknown): unknown {
  if (value === undefined || value === '') {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map(normal);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, normal(v)] as const)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  }
  return value;
}

export interface PartConflict {
  readonly key: PartKey;
  /** Whether this person changed the part too (else only the other version did). */
  readonly both: boolean;
}

/**
 * The parts the newer saved version changed since the revision the person started from and
 * where it now differs from the person's text: changed by the other only, or by both. A part
 * only the person changed needs no choice: it stays theirs to save.
 */
export function conflictsOf(base: PartsInput, mine: PartsInput, theirs: PartsInput): PartConflict[] {
  return PART_KEYS.filter((key) => !samePart(key, mine, theirs) && !samePart(key, base, theirs)).map((key) => ({
    key,
    both: !samePart(key, base, mine),
  }));
}

/** The person's text with the chosen parts of the other version. */
export function merge(mine: PartsInput, theirs: PartsInput, takeTheirs: ReadonlySet<PartKey>): PartsInput {
  const merged: PartsInput = { ...mine };
  for (const key of takeTheirs) {
    (merged as unknown as Record<string, unknown>)[key] = structuredClone(theirs[key]);
  }
  return merged;
}
