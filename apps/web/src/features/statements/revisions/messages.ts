export const revisionsMessages = {
  title: 'Versioner',
  intro: 'Varje sparning är en version. Välj två versioner för att se vad som ändrades, del för del.',
  table: 'Tjänsteutlåtandets versioner',
  number: 'Version',
  savedAt: 'Sparad',
  author: 'Av',
  current: '(senaste)',
  from: 'Jämför version',
  to: 'med version',
  changes: (from: number, to: number) => `Ändringar från version ${from} till version ${to}`,
  onlyOne: 'Det finns bara en version ännu.',
  back: 'Till tjänsteutlåtandet',
} as const;
