export const loginMessages = {
  title: 'Logga in',
  intro: 'Logga in med ditt konto i Remiss.',
  email: 'E-post',
  password: 'Lösenord',
  submit: 'Logga in',
  organisation: 'Organisation',
  organisationHint: 'Du har roller i flera organisationer. Välj den du ska arbeta för nu.',
  chooseOrganisation: 'Välj vilken organisation du ska arbeta för.',
  tryAgainAt: (time: string) => `Du kan försöka igen kl. ${time}.`,
  sessionEnded: 'Du har blivit utloggad. Logga in igen för att fortsätta där du var.',
  loggedOut: 'Du är utloggad.',
} as const;
