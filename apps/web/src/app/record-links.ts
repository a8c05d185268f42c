import type { components } from '../api/openapi';

export type RecordLink = components['schemas']['RecordLinkResponse'];

/**
 * Where in the app a record the API names is shown, or null while no screen shows it. The
 * registrar's and the sender's screens add their records here.
 */
export function pathOfRecord(link: RecordLink): string | null {
  switch (link.type) {
    case 'statement':
      return `/tjansteutlatanden/${link.id}`;
    case 'case':
      return `/arenden/${link.id}`;
    default:
      return null;
  }
}
