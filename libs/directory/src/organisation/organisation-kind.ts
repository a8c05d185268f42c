import { Role, ROLE_LABEL } from '@app/platform';

/** The kinds of bodies in the directory. */
export enum OrganisationKind {
  /** The municipality itself (Stockholms stad), the root of the directory. */
  City = 'city',
  /** Kommunstyrelsen, which sends most remisses. */
  ExecutiveBoard = 'executive_board',
  /** Stadsdelsnämnd. */
  DistrictBoard = 'district_board',
  /** Facknämnd. */
  SpecialistBoard = 'specialist_board',
  /** Bolagsstyrelse; decides at board meetings rather than nämnd meetings. */
  CompanyBoard = 'company_board',
}

/**
 * The words a body's documents and messages use for itself, its office, its meetings and its
 * director, which depend on what kind of body it is: a nämnd decides at a sammanträde on what its
 * förvaltning proposes, a company's board (styrelse) at a styrelsemöte on what the company
 * (bolaget) proposes, and the company's director is its verkställande direktör. All in lower case.
 */
export interface BodyWording {
  /** The deciding body in running text: `nämnden`, `styrelsen`. */
  readonly body: string;
  /** `nämndens`, `styrelsens`. */
  readonly bodyGenitive: string;
  /** The office that prepares and proposes: `förvaltningen`, `bolaget`. */
  readonly office: string;
  /** `förvaltningens`, `bolagets`. */
  readonly officeGenitive: string;
  /** The body's meeting: `sammanträde`, `styrelsemöte`. */
  readonly meeting: string;
  /** What the director is called when nobody says otherwise: `förvaltningschef`, `verkställande direktör`. */
  readonly director: string;
}

const BOARD_WORDING: BodyWording = {
  body: 'nämnden',
  bodyGenitive: 'nämndens',
  office: 'förvaltningen',
  officeGenitive: 'förvaltningens',
  meeting: 'sammanträde',
  director: 'förvaltningschef',
};

const WORDING: Readonly<Record<OrganisationKind, BodyWording>> = {
  [OrganisationKind.City]: BOARD_WORDING,
  [OrganisationKind.ExecutiveBoard]: { ...BOARD_WORDING, director: 'stadsdirektör' },
  [OrganisationKind.DistrictBoard]: { ...BOARD_WORDING, director: 'stadsdelsdirektör' },
  [OrganisationKind.SpecialistBoard]: BOARD_WORDING,
  [OrganisationKind.CompanyBoard]: {
    body: 'styrelsen',
    bodyGenitive: 'styrelsens',
    office: 'bolaget',
    officeGenitive: 'bolagets',
    meeting: 'styrelsemöte',
    director: 'verkställande direktör',
  },
};

/** How a body of this kind speaks of itself. */
export function wordingOf(kind: OrganisationKind): BodyWording {
  return WORDING[kind];
}

/** A role as a body of this kind names it: the director of a company is its verkställande direktör. */
export function roleLabelIn(kind: OrganisationKind, role: Role): string {
  return role === Role.Director ? WORDING[kind].director : ROLE_LABEL[role];
}
