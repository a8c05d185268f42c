import type { components } from '../../../api/openapi';

type Kind = components['schemas']['DocumentKind'];
type Status = components['schemas']['IssueStatus'];

export const issuedMessages = {
  title: 'Utfärdade dokument',
  none: 'Inga dokument är utfärdade ännu. Tjänsteutlåtandet utfärdas som PDF när det är godkänt.',
  kind: {
    official_report: 'Tjänsteutlåtande',
    covering_letter: 'Missiv',
    board_statement: 'Yttrande',
    minutes_extract: 'Protokollsutdrag',
    decline_letter: 'Avstående',
    compilation: 'Remissammanställning',
  } satisfies Record<Kind, string>,
  status: {
    queued: 'Köad',
    rendering: 'Renderas',
    signed: 'Signerad',
    failed: 'Misslyckad',
  } satisfies Record<Status, string>,
  document: 'Dokument',
  state: 'Läge',
  version: 'Version',
  versionOf: (revision: number, edition: number) => (edition > 1 ? `${revision}, utgåva ${edition}` : `${revision}`),
  signedAt: (at: string) => `signerad ${at}`,
  reason: (reason: string) => `Orsak: ${reason}`,
  download: 'Ladda ned',
  downloadOf: (name: string) => `Ladda ned ${name}`,
} as const;
