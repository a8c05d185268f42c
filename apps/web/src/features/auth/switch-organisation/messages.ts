export const switchMessages = {
  title: 'Byt organisation',
  link: 'Byt organisation',
  intro: 'Du har roller i flera organisationer. Välj den du ska arbeta för; det du ser och gör gäller sedan den.',
  organisation: 'Organisation',
  current: (name: string) => `${name} (nu)`,
  submit: 'Byt',
} as const;
