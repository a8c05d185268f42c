import { type Actor, type Role, systemActor } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { DepartmentService } from '../department/department.service.js';
import type { OrganisationView } from '../directory.views.js';
import { roleLabelIn } from '../organisation/organisation-kind.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { PersonService } from '../person/person.service.js';
import { RoleService } from '../role/role.service.js';
import type { SeedOrganisation } from './stockholm.seed-data.js';

export interface SeedReport {
  readonly organisations: number;
  readonly departments: number;
  readonly people: number;
  readonly created: number;
  readonly updated: number;
  readonly accounts: readonly {
    readonly organisation: string;
    readonly name: string;
    readonly email: string;
    readonly roles: readonly Role[];
    /** The roles as the organisation names them (a company's director is its verkställande direktör). */
    readonly roleLabels: readonly string[];
  }[];
}

/**
 * Loads a directory by natural keys (organisation name, department name, e-mail) through the
 * same services an administrator uses, so every change is audited. Running it again changes
 * nothing; a password is set only when the person is created.
 */
@Injectable()
export class DirectorySeeder {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly departments: DepartmentService,
    private readonly people: PersonService,
    private readonly roles: RoleService,
  ) {}

  async seed(data: readonly SeedOrganisation[], password: string): Promise<SeedReport> {
    const actor: Actor = systemActor('seed');
    const byName = new Map<string, OrganisationView>();
    let created = 0;
    let updated = 0;
    let departmentCount = 0;
    let peopleCount = 0;
    const accounts: { organisation: string; name: string; email: string; roles: Role[]; roleLabels: string[] }[] = [];

    for (const spec of data) {
      const parentId = spec.parent ? (byName.get(spec.parent)?.id ?? null) : null;
      const wanted = {
        name: spec.name,
        administrationName: spec.administrationName,
        diaryPrefix: spec.diaryPrefix,
        streetAddress: spec.streetAddress,
        postalCode: spec.postalCode,
        postalTown: spec.postalTown,
        registryEmail: spec.registryEmail,
        website: spec.website,
        parentId,
      };
      let organisation = await this.organisations.findByName(spec.name);
      if (!organisation) {
        organisation = await this.organisations.create(actor, { ...wanted, kind: spec.kind });
        created++;
      } else if (differs(organisation, wanted)) {
        organisation = await this.organisations.update(actor, organisation.id, wanted);
        updated++;
      }
      byName.set(spec.name, organisation);

      const departmentIds = new Map<string, string>();
      for (const d of spec.departments) {
        departmentCount++;
        const wantedDepartment = { name: d.name, contactEmail: d.contactEmail ?? null };
        let department = await this.departments.findByName(organisation.id, d.name);
        if (!department) {
          department = await this.departments.create(actor, organisation.id, wantedDepartment);
          created++;
        } else if (differs(department, wantedDepartment)) {
          department = await this.departments.update(actor, department.id, wantedDepartment);
          updated++;
        }
        departmentIds.set(d.name, department.id);
      }

      for (const p of spec.people) {
        peopleCount++;
        const wantedPerson = {
          name: p.name,
          title: p.title,
          email: p.email,
          phone: p.phone ?? null,
          departmentId: p.department ? (departmentIds.get(p.department) ?? null) : null,
        };
        let person = await this.people.findByEmail(p.email);
        if (!person) {
          person = await this.people.create(actor, organisation.id, { ...wantedPerson, password });
          created++;
        } else if (differs(person, wantedPerson)) {
          person = await this.people.update(actor, person.id, wantedPerson);
          updated++;
        }
        for (const role of p.roles) {
          if (!person.roles.some((r) => r.organisationId === organisation.id && r.role === role)) {
            await this.roles.grant(actor, person.id, role, organisation.id);
            created++;
          }
        }
        accounts.push({
          organisation: organisation.name,
          name: p.name,
          email: p.email,
          roles: [...p.roles],
          roleLabels: p.roles.map((r) => roleLabelIn(spec.kind, r)),
        });
      }
    }
    return {
      organisations: byName.size,
      departments: departmentCount,
      people: peopleCount,
      created,
      updated,
      accounts,
    };
  }
}

function differs(current: object, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).some(([key, value]) => (current as Record<string, unknown>)[key] !== value);
}
