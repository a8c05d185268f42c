export const shellMessages = {
  skipLink: 'Hoppa till innehållet',
  city: 'Stockholms stad',
  mainNavigation: 'Huvudmeny',
  myWork: 'Mitt arbete',
  diary: 'Diariet',
  substitutes: 'Ersättare',
  logout: 'Logga ut',
  signedInAs: 'Inloggad som',
  organisation: 'Organisation',
  polling: 'Anslutningen för direktuppdateringar bröts. Sidan hämtas på nytt var tionde sekund tills den är tillbaka.',
} as const;
