import { directoryErrors, OrganisationKind, OrganisationService, type OrganisationView } from '@app/directory';
import { mustExist, type Reader } from '@app/platform';
import { Injectable } from '@nestjs/common';

import type { Issuer } from '../render/models.js';

/** An organisation as its documents present it: the letterhead and footer, and the organisation itself. */
export interface Letterhead {
  readonly organisation: OrganisationView;
  readonly issuer: Issuer;
}

/** The letterhead and footer of an organisation's documents. */
@Injectable()
export class LetterheadService {
  constructor(private readonly organisations: OrganisationService) {}

  async letterhead(
    organisationId: string,
    department: { name: string | null; email: string | null } | null,
    reader?: Reader,
  ): Promise<Letterhead> {
    const lineage = await this.organisations.lineage(organisationId, reader);
    const organisation = mustExist(lineage[0], directoryErrors.organisationNotFound);
    // The municipality at the root of the directory (`Stockholms stad`); a company writes in its
    // own name (`AB Familjebostäder`), not the city's.
    const municipality =
      organisation.kind === OrganisationKind.CompanyBoard
        ? (organisation.administrationName ?? organisation.name)
        : (lineage.find((o) => o.kind === OrganisationKind.City)?.name ?? organisation.name);
    return {
      organisation,
      issuer: {
        municipality,
        administration: organisation.administrationName ?? organisation.name,
        department: department?.name ?? null,
        streetAddress: organisation.streetAddress ?? '',
        postalCode: organisation.postalCode ?? '',
        postalTown: organisation.postalTown ?? '',
        email: department?.email ?? organisation.registryEmail ?? '',
        website: organisation.website ?? '',
      },
    };
  }
}
