/** The roles a person can hold in an organisation. One person may hold several. */
export enum Role {
  /** handläggare */
  CaseOfficer = 'case_officer',
  /** avdelningschef */
  HeadOfDepartment = 'head_of_department',
  /** stadsdelsdirektör / förvaltningschef */
  Director = 'director',
  /** registrator */
  Registrar = 'registrar',
  /** administratör */
  Administrator = 'administrator',
}

/** Swedish names of the roles, for messages and documents. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  [Role.CaseOfficer]: 'handläggare',
  [Role.HeadOfDepartment]: 'avdelningschef',
  [Role.Director]: 'förvaltningschef',
  [Role.Registrar]: 'registrator',
  [Role.Administrator]: 'administratör',
};
