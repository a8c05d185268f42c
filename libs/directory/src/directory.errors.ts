import { DomainError, ErrorKind, NotFoundError } from '@app/platform';

export type DirectoryErrorCode =
  | 'directory.organisation_not_found'
  | 'directory.department_not_found'
  | 'directory.person_not_found'
  | 'directory.role_not_found'
  | 'directory.name_taken'
  | 'directory.diary_prefix_taken'
  | 'directory.email_taken'
  | 'directory.parent_invalid'
  | 'directory.department_other_organisation'
  | 'directory.last_administrator'
  | 'directory.password_too_weak'
  | 'directory.city_administrator_required'
  | 'directory.diary_prefix_in_use'
  | 'auth.invalid_credentials'
  | 'auth.organisation_required'
  | 'auth.organisation_not_available'
  | 'auth.session_invalid';

export class DirectoryError extends DomainError<DirectoryErrorCode> {}

export const directoryErrors = {
  organisationNotFound: () =>
    new NotFoundError<DirectoryErrorCode>(
      'directory.organisation_not_found',
      'Organisationen finns inte, eller så får du inte ändra den.',
    ),
  departmentNotFound: () =>
    new NotFoundError<DirectoryErrorCode>(
      'directory.department_not_found',
      'Avdelningen finns inte i din organisation.',
    ),
  personNotFound: () =>
    new NotFoundError<DirectoryErrorCode>('directory.person_not_found', 'Personen finns inte i din organisation.'),
  roleNotFound: () =>
    new NotFoundError<DirectoryErrorCode>(
      'directory.role_not_found',
      'Personen har inte den rollen i din organisation.',
    ),
  nameTaken: (name: string) =>
    new DirectoryError(
      'directory.name_taken',
      ErrorKind.Conflict,
      `Namnet ”${name}” används redan. Välj ett annat namn.`,
    ),
  diaryPrefixTaken: (prefix: string) =>
    new DirectoryError(
      'directory.diary_prefix_taken',
      ErrorKind.Conflict,
      `Diarieprefixet ${prefix} används redan av en annan organisation.`,
    ),
  emailTaken: (email: string) =>
    new DirectoryError(
      'directory.email_taken',
      ErrorKind.Conflict,
      `E-postadressen ${email} används redan av en annan person.`,
    ),
  parentInvalid: () =>
    new DirectoryError(
      'directory.parent_invalid',
      ErrorKind.Unprocessable,
      'Den överordnade organisationen finns inte eller skulle ge en cirkel i organisationsträdet.',
    ),
  departmentOtherOrganisation: () =>
    new DirectoryError(
      'directory.department_other_organisation',
      ErrorKind.Unprocessable,
      'Avdelningen hör till en annan organisation än personens.',
    ),
  lastAdministrator: () =>
    new DirectoryError(
      'directory.last_administrator',
      ErrorKind.Conflict,
      'Organisationen måste ha minst en administratör. Utse en ny administratör innan du tar bort den här.',
    ),
  /** What only the city's administrators may change, named in `what`. */
  cityAdministratorRequired: (what: string) =>
    new DirectoryError(
      'directory.city_administrator_required',
      ErrorKind.Forbidden,
      `${what} Vänd dig till stadens administratörer.`,
    ),
  diaryPrefixInUse: (prefix: string) =>
    new DirectoryError(
      'directory.diary_prefix_in_use',
      ErrorKind.Conflict,
      `Diarieprefixet ${prefix} används av organisationens diarieserie och kan inte tas bort. Byt det mot ett annat prefix i stället.`,
    ),
  lastAdministratorDisabled: (organisationName: string) =>
    new DirectoryError(
      'directory.last_administrator',
      ErrorKind.Conflict,
      `Personen är den enda aktiva administratören för ${organisationName}. Utse en ny administratör innan du stänger av den här.`,
    ),
  passwordTooWeak: () =>
    new DirectoryError('directory.password_too_weak', ErrorKind.Unprocessable, 'Lösenordet måste ha minst 12 tecken.'),
  invalidCredentials: () =>
    new DirectoryError('auth.invalid_credentials', ErrorKind.Unauthenticated, 'Fel e-postadress eller lösenord.'),
  sessionInvalid: () =>
    new DirectoryError(
      'auth.session_invalid',
      ErrorKind.Unauthenticated,
      'Din inloggning gäller inte längre. Logga in igen.',
    ),
  organisationNotAvailable: () =>
    new DirectoryError(
      'auth.organisation_not_available',
      ErrorKind.Forbidden,
      'Du har ingen roll i den organisationen och kan inte byta till den. Välj en av dina organisationer.',
    ),
  organisationRequired: (organisations: readonly { id: string; name: string }[]) =>
    new DirectoryError(
      'auth.organisation_required',
      ErrorKind.Unprocessable,
      'Du har roller i flera organisationer. Ange vilken organisation du loggar in för (organisationId).',
      { organisations },
    ),
};
