import type { components } from '../../api/openapi';

type RecipientGroup = components['schemas']['RecipientGroup'];
type RecipientState = components['schemas']['RecipientState'];

/** The sender's desk: the remisses the organisation sent, a new remiss, its status and its compilation. */
export const consultationMessages = {
  listTitle: 'Remisser',
  listIntro: 'Remisserna som din organisation har skickat, och utkasten som inte är skickade än.',
  newRemiss: 'Ny remiss',
  none: 'Din organisation har inte skickat någon remiss än.',
  remiss: 'Remiss',
  diaryNumber: 'Diarienummer',
  deadline: 'Svarsdatum',
  status: 'Läge',
  recipients: 'Remissinstanser',
  recipientCount: (n: number) => (n === 1 ? '1 remissinstans' : `${n} remissinstanser`),
  statusLabel: { draft: 'Utkast', sent: 'Skickad' } as const,
  /** "Svar senast 15 mars 2026 kl. 23.59": the end of that day in Stockholm. */
  answerBy: (date: string) => `Svar senast ${date} kl. 23.59`,
  caption: (diaryNumber: string) => (diaryNumber ? `Remiss ${diaryNumber}` : 'Remiss'),
  groups: {
    district_boards: 'Alla stadsdelsnämnder',
    specialist_boards: 'Alla facknämnder',
    company_boards: 'Alla bolagsstyrelser',
  } satisfies Record<RecipientGroup, string>,
  states: {
    sent: 'Skickad',
    registered: 'Registrerad',
    assigned: 'Tilldelad',
    drafting: 'Under beredning',
    in_approval: 'För godkännande',
    decided: 'Beslutad',
    answered: 'Besvarad',
    declined: 'Avstår',
  } satisfies Record<RecipientState, string>,
  toStatus: 'Till remissens status',
  toCompilation: 'Sammanställning',
} as const;
