import type { Role } from '@app/platform';

import type { OrganisationKind } from './organisation/organisation-kind.js';

/** An organisation as services hand it out. */
export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly administrationName: string | null;
  readonly diaryPrefix: string | null;
  readonly streetAddress: string | null;
  readonly postalCode: string | null;
  readonly postalTown: string | null;
  readonly registryEmail: string | null;
  readonly website: string | null;
  readonly parentId: string | null;
  readonly active: boolean;
}

export interface DepartmentView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly contactEmail: string | null;
  readonly active: boolean;
}

export interface RoleHeld {
  readonly id: string;
  readonly organisationId: string;
  readonly role: Role;
}

/** How a person is named and reached on a document (no roles). */
export interface PersonContact {
  readonly id: string;
  readonly departmentId: string | null;
  readonly name: string;
  readonly title: string | null;
  readonly email: string;
  readonly phone: string | null;
}

export interface PersonView {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly name: string;
  readonly title: string | null;
  readonly email: string;
  readonly phone: string | null;
  readonly disabled: boolean;
  readonly roles: readonly RoleHeld[];
}
