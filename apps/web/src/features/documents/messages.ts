export const issuedListMessages = {
  title: 'Utfärdade dokument',
  intro:
    'Alla signerade PDF-dokument som organisationen har utfärdat, det senaste först, med sitt läge just nu. Listan uppdateras av sig själv.',
  none: 'Inga dokument är utfärdade ännu.',
  diaryNumber: 'Diarienummer',
  requestedAt: 'Begärt',
  retry: 'Försök igen',
  retryFor: (kind: string, diaryNumber: string) => `Försök igen: ${kind} i ${diaryNumber}`,
  retried: (kind: string, diaryNumber: string) => `${kind} i ${diaryNumber} är åter i kön.`,
  actions: 'Åtgärd',
} as const;

export const verifyMessages = {
  title: 'Kontrollera ett dokument',
  intro:
    'Pröva om en PDF är ett dokument som vi har utfärdat och om den är oförändrad sedan den signerades. Filen sparas inte.',
  dropLabel: 'Släpp en PDF-fil här, eller välj en fil.',
  choose: 'Välj PDF-fil',
  file: 'PDF-fil',
  checking: (name: string) => `Kontrollerar ${name} …`,
  checked: (name: string) => `Resultat för ${name}`,
  verdicts: {
    issued_unaltered: 'Dokumentet är utfärdat här och oförändrat',
    altered: 'Dokumentet har ändrats efter att det signerades',
    not_issued: 'Dokumentet är inte utfärdat här',
  },
  kind: 'Dokument',
  organisation: 'Utfärdat av',
  diaryNumber: 'Diarienummer',
  documentNumber: 'Handlingens nummer',
  signedAt: 'Signerat',
  signatories: 'Undertecknat av',
  signatory: (name: string, title: string, approvedAt: string) => `${name}, ${title} (godkände ${approvedAt})`,
  noFile: 'PDF-fil: välj en fil att kontrollera.',
  checkAnother: 'Kontrollera en fil till genom att släppa eller välja den ovan.',
} as const;
