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

export const ORGANISATION_KIND_LABEL: Readonly<Record<OrganisationKind, string>> = {
  [OrganisationKind.City]: 'kommun',
  [OrganisationKind.ExecutiveBoard]: 'kommunstyrelse',
  [OrganisationKind.DistrictBoard]: 'stadsdelsnämnd',
  [OrganisationKind.SpecialistBoard]: 'facknämnd',
  [OrganisationKind.CompanyBoard]: 'bolagsstyrelse',
};
