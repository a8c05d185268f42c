/** Texts of the shared building blocks. */
export const uiMessages = {
  appName: 'Remiss',
  errorSummaryHeading: 'Det finns ett problem',
  loading: 'Hämtar …',
  networkError: 'Remiss kunde inte nås. Kontrollera anslutningen och försök igen.',
  unexpectedError: 'Något gick fel. Försök igen.',
  tryAgain: 'Försök igen',
  notFoundTitle: 'Sidan finns inte',
  notFoundText: 'Adressen kan vara felskriven, eller så har sidan flyttats.',
  toMyWork: 'Till Mitt arbete',
  forbidden: 'Du har inte behörighet att se det här.',
} as const;
