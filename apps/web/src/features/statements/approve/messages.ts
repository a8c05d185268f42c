export const approveMessages = {
  title: 'Granska och besluta',
  intro: (revision: number, step: number, role: string) =>
    `Du granskar version ${revision}, som väntar på steg ${step} (${role}). Ditt beslut gäller exakt den versionen.`,
  asSubstitute: (role: string) =>
    `Du har inte själv rollen ${role} här: du beslutar som ersättare för någon som har den, och det står på godkännandet.`,
  notWaiting: 'Det här tjänsteutlåtandet väntar inte på ditt beslut just nu.',
  back: 'Tillbaka till tjänsteutlåtandet',
  changes: 'Vad som har ändrats',
  compareWith: 'Jämför med',
  compareOption: (n: number) => `version ${n}`,
  firstRevision: 'Det här är den första versionen.',
  text: 'Tjänsteutlåtandet',
  chain: 'Beslutsgång',
  decision: 'Ditt beslut',
  comment: 'Kommentar',
  commentHint: 'Frivillig när du godkänner. När du begär ändringar: skriv vad som ska ändras.',
  commentRequired: 'Kommentar: skriv vad som ska ändras.',
  approve: 'Godkänn',
  requestChanges: 'Begär ändringar',
  approved: 'Du har godkänt tjänsteutlåtandet.',
  changesRequested: 'Du har begärt ändringar. Tjänsteutlåtandet går tillbaka till handläggaren.',
} as const;
