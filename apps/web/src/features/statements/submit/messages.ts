export const submitMessages = {
  title: 'Skicka för godkännande',
  intro: (revision: number) =>
    `Version ${revision} skickas till beslutsgången. Godkännandena gäller exakt den versionen; ändrar du texten efteråt börjar beslutsgången om.`,
  revision: 'Version som skickas',
  savedAt: (n: number, at: string) => `${n}, sparad ${at}`,
  meeting: 'Sammanträde',
  chain: 'Så går tjänsteutlåtandet vidare',
  chainHint: 'Stegen tas i tur och ordning. Den som har skrivit texten godkänner den aldrig själv.',
  submit: 'Skicka för godkännande',
  sent: 'Tjänsteutlåtandet är skickat för godkännande.',
  notDraft: 'Tjänsteutlåtandet är inte ett utkast och kan inte skickas.',
  notYours: 'Bara ärendets handläggare och medarbetare skickar tjänsteutlåtandet för godkännande.',
  back: 'Tillbaka till tjänsteutlåtandet',
} as const;
