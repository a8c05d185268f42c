export const caseMessages = {
  caption: (diaryNumber: string) => `Ärende ${diaryNumber}`,
  facts: 'Uppgifter',
  diaryNumber: 'Diarienummer',
  registeredOn: 'Registrerat',
  status: 'Status',
  open: 'Öppet',
  closed: 'Avslutat',
  counterpart: 'Avsändare',
  linkedDiaryNumber: 'Avsändarens diarienummer',
  officer: 'Handläggare',
  noOfficer: 'Ingen handläggare ännu',
  remiss: 'Remissen',
  noRemiss: 'Ärendet är inte en remiss till er.',
  sender: 'Avsändare',
  responseDeadline: 'Svar senast',
  daysLeft: (days: number) =>
    days > 1
      ? `${days} dagar kvar`
      : days === 1
        ? '1 dag kvar'
        : days === 0
          ? 'sista dagen i dag'
          : `försenad ${-days} ${-days === 1 ? 'dag' : 'dagar'}`,
  sections: 'Remissens delar',
  attachments: 'Remissunderlag',
  noAttachments: 'Remissen har inget underlag.',
  download: (title: string, size: string) => `Ladda ned ${title} (${size})`,
  withheld: 'Filen hålls inne (sekretess).',
  statement: 'Tjänsteutlåtande',
  noStatement: 'Inget tjänsteutlåtande är påbörjat.',
  startStatement: 'Skriv tjänsteutlåtande',
  startHint: 'Tjänsteutlåtandet fylls i från remissen: rubrik, delar och underlag.',
  onlyWriters: 'Ärendets handläggare och medarbetare skriver tjänsteutlåtandet.',
  openStatement: 'Öppna tjänsteutlåtandet',
  statementState: 'Läge',
  documents: 'Handlingar',
  noDocuments: 'Ärendet har inga handlingar.',
  documentNumber: 'Nr',
  documentDate: 'Datum',
  direction: 'Riktning',
  title: 'Rubrik',
  documentCounterpart: 'Motpart',
  file: 'Fil',
  secret: (ground: string) => `Sekretess (${ground})`,
  annulled: 'Makulerad',
  noFile: 'Ingen fil',
} as const;
