import { OrganisationKind, OrganisationService, type OrganisationView } from '@app/directory';
import type { Tx } from '@app/platform';
import { Injectable } from '@nestjs/common';

import type { Issuer } from '../render/models.js';

/** The letterhead and footer of an organisation's documents. */
@Injectable()
export class LetterheadService {
  constructor(private readonly organisations: OrganisationService) {}

  async issuer(
    organisationId: string,
    department: { name: string | null; email: string | null } | null,
    tx?: Tx,
  ): Promise<Issuer> {
    const organisation = (await this.organisations.findById(organisationId, tx))!;
    return {
      municipality: await this.#municipality(organisation, tx),
      administration: organisation.administrationName ?? organisation.name,
      department: department?.name ?? null,
      streetAddress: organisation.streetAddress ?? '',
      postalCode: organisation.postalCode ?? '',
      postalTown: organisation.postalTown ?? '',
      email: department?.email ?? organisation.registryEmail ?? '',
      website: organisation.website ?? '',
    };
  }

  async organisation(organisationId: string, tx?: Tx): Promise<OrganisationView> {
    return (await this.organisations.findById(organisationId, tx))!;
  }

  /** The municipality at the root of the directory (`Stockholms stad`). */
  async #municipality(organisation: OrganisationView, tx?: Tx): Promise<string> {
    let current: OrganisationView | undefined = organisation;
    for (let depth = 0; current && depth < 10; depth++) {
      if (current.kind === OrganisationKind.City) {
        return current.name;
      }
      current = current.parentId ? await this.organisations.findById(current.parentId, tx) : undefined;
    }
    return organisation.name;
  }
}
