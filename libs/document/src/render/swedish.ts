import { modelErrors } from './model-errors.js';
import type { BodyWords, SectionPosition } from './models.js';

/** The page number as the city prints it: `Sida 2 (5)`. */
export function pageLabel(page: number, pageCount: number): string {
  return `Sida ${page} (${pageCount})`;
}

/** A paragraph of the minutes as printed: `§ 12`, the sign once. */
export function paragraphLabel(paragraph: number): string {
  if (!Number.isInteger(paragraph) || paragraph < 1) {
    throw modelErrors.paragraphInvalid(paragraph);
  }
  return `§ ${paragraph}`;
}

/** A position on a remiss section, in Swedish as printed in statements and compilations. */
export function positionLabel(position: SectionPosition): string {
  switch (position) {
    case 'endorse':
      return 'tillstyrker';
    case 'endorse_in_part':
      return 'tillstyrker delvis';
    case 'oppose':
      return 'avstyrker';
    case 'no_objection':
      return 'inget att invända';
  }
}

/** On whose behalf a substitute (ersättare) signed: `för Lee Orberson, stadsdelsdirektör`. */
export function onBehalfOfLabel(person: { readonly name: string; readonly title: string }): string {
  return person.title ? `för ${person.name}, ${person.title}` : `för ${person.name}`;
}

/** The positions in the order a compilation counts them. */
export const POSITIONS: readonly SectionPosition[] = ['endorse', 'endorse_in_part', 'oppose', 'no_objection'];

/** Sentence case: `Tillstyrker delvis` at the start of a line. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

/** A nämnd's words for itself: what a document says when it is not told otherwise. */
export const BOARD_WORDS: BodyWords = {
  bodyGenitive: 'nämndens',
  officeGenitive: 'förvaltningens',
  meeting: 'sammanträde',
};

/** The headings of a statement's parts that name the office: `Förvaltningens förslag till beslut`, `Bolagets …`. */
export function officeHeadings(words: BodyWords): { proposedDecision: string; views: string } {
  const office = capitalised(words.officeGenitive);
  return { proposedDecision: `${office} förslag till beslut`, views: `${office} synpunkter och förslag` };
}

/** The headings of a statement's parts, in print order (a nämnd's; see `officeHeadings`). */
export const PART_HEADINGS = {
  summary: 'Sammanfattning',
  background: 'Bakgrund',
  matter: 'Ärendet',
  preparation: 'Ärendets beredning',
  sectionViews: 'Synpunkter på remissens delar',
  attachments: 'Bilagor',
} as const;
