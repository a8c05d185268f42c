import type { components } from '../../api/openapi';

type Part = components['schemas']['StatementPart'];

/** The names of the statement's parts, as the printed tjänsteutlåtande heads them. */
export const PART_LABEL: Readonly<Record<Part, string>> = {
  title: 'Rubrik',
  heading: 'Underrubrik',
  proposedDecision: 'Förvaltningens förslag till beslut',
  summary: 'Sammanfattning',
  background: 'Bakgrund',
  matter: 'Ärendet',
  preparation: 'Ärendets beredning',
  views: 'Förvaltningens synpunkter och förslag',
  position: 'Ställningstagande',
  sections: 'Remissens delar',
  attachments: 'Bilagor',
  officerId: 'Handläggare',
  meetingId: 'Sammanträde',
  documentDate: 'Datum',
};

export const statementMessages = {
  caption: (diaryNumber: string) => `Tjänsteutlåtande, dnr ${diaryNumber}`,
  state: 'Läge',
  revision: 'Version',
  revisionOf: (n: number, savedAt: string) => `Version ${n}, sparad ${savedAt}`,
  savedBy: 'Sparad av',
  case: 'Ärende',
  toCase: 'Till ärendet',
  consultedDepartments: 'Avdelningar som har hörts',
  noConsulted: 'Inga',
  unionsInformed: 'Fackliga organisationer informerade',
  unionsNotInformed: 'Inte angivet',
  unionsOn: (date: string, forum: string | null) => (forum ? `${date} i ${forum}` : date),
  noPosition: 'Inte angivet',
  sectionPosition: 'Ställningstagande',
  sectionComment: 'Kommentar',
  noText: '(tomt)',
  meeting: (date: string) => `Nämndens sammanträde ${date}`,
  noMeeting: 'Inget sammanträde valt',
  cancelled: '(inställt)',
  approvals: 'Godkännanden',
  chain: 'Beslutsgång',
  step: (n: number, role: string) => `Steg ${n}: ${role}`,
  sameDepartment: 'i handläggarens avdelning',
  approvedBy: (name: string, date: string) => `Godkänt av ${name} ${date}`,
  changesRequestedBy: (name: string, date: string) => `Ändringar begärda av ${name} ${date}`,
  onBehalfOf: (name: string) => `som ersättare för ${name}`,
  waiting: 'Väntar',
  nextStep: 'Nästa steg',
  actions: 'Att göra',
  edit: 'Redigera tjänsteutlåtandet',
  revisions: 'Alla versioner och vad som ändrades',
  submit: 'Skicka för godkännande',
  review: 'Granska och besluta',
  issued: 'Utfärdade dokument',
  decision: 'Nämndens beslut',
} as const;

export const compareMessages = {
  nothing: (from: number, to: number) => `Inget har ändrats mellan version ${from} och ${to}.`,
  legend: 'Tillagd text är understruken, borttagen text är överstruken.',
  insertedStart: '[tillagt: ',
  insertedEnd: ']',
  deletedStart: '[borttaget: ',
  deletedEnd: ']',
} as const;
