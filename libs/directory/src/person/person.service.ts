import {
  type Actor,
  AuditService,
  Clock,
  Db,
  isPgError,
  PgErrorCode,
  type Reader,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { DepartmentEntity } from '../department/department.entity.js';
import { directoryErrors } from '../directory.errors.js';
import type { PersonContact, PersonView, RoleHeld } from '../directory.views.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { RoleAssignmentEntity } from '../role/role-assignment.entity.js';
import { RoleService } from '../role/role.service.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { PersonEntity } from './person.entity.js';
import { DirectoryCache } from '../cache/directory-cache.js';

export interface PersonInput {
  readonly name: string;
  readonly title?: string | null;
  readonly email: string;
  readonly phone?: string | null;
  readonly departmentId?: string | null;
  /** Leave out for a person who cannot log in yet. */
  readonly password?: string;
}

export type PersonPatch = Partial<Omit<PersonInput, 'password'>>;

/** Raises the credentials version in the UPDATE itself, so two changes at once both count. */
const NEXT_CREDENTIALS_VERSION = (): string => 'credentials_version + 1';

function toView(e: PersonEntity, roles: readonly RoleAssignmentEntity[]): PersonView {
  return {
    id: e.id,
    organisationId: e.organisationId,
    departmentId: e.departmentId,
    name: e.name,
    title: e.title,
    email: e.email,
    phone: e.phone,
    disabled: e.disabledAt !== null,
    roles: roles
      .filter((r) => r.personId === e.id)
      .map((r): RoleHeld => ({ id: r.id, organisationId: r.organisationId, role: r.role }))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.role.localeCompare(b.role)),
  };
}

/** Strips what the audit trail must not hold (the password hash never reaches it). */
function audited(view: PersonView): Omit<PersonView, 'roles'> {
  const { roles: _roles, ...rest } = view;
  return rest;
}

/**
 * The people of an organisation: those it employs and those who hold a role in it. Only an
 * administrator changes them; anyone in the organisation may read them.
 */
@Injectable()
export class PersonService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
    private readonly roles: RoleService,
    private readonly cache: DirectoryCache,
  ) {}

  async list(
    actor: Actor,
    filter: { role?: Role; departmentId?: string; includeDisabled?: boolean } = {},
  ): Promise<PersonView[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const orgId = actor.organisationId;
    const qb = this.db.reader
      .createQueryBuilder(PersonEntity, 'p')
      .where(
        `(p.organisation_id = :orgId OR EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.person_id = p.id AND ra.organisation_id = :orgId))`,
        { orgId },
      )
      .orderBy('p.name', 'ASC');
    if (filter.role) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM role_assignments rr WHERE rr.person_id = p.id AND rr.organisation_id = :orgId AND rr.role = :role)',
        { role: filter.role },
      );
    }
    if (filter.departmentId) {
      qb.andWhere('p.department_id = :departmentId', { departmentId: filter.departmentId });
    }
    if (!filter.includeDisabled) {
      qb.andWhere('p.disabled_at IS NULL');
    }
    const people = await qb.getMany();
    return this.#withRoles(this.db.reader, people);
  }

  async get(actor: Actor, id: string): Promise<PersonView> {
    const person = await this.db.reader.findOneBy(PersonEntity, { id });
    if (!person || !(await this.#mayRead(this.db.reader, actor, person))) {
      throw directoryErrors.personNotFound();
    }
    return this.#withRolesOf(this.db.reader, person);
  }

  /** For other libraries acting for the system. */
  async findById(id: string, reader?: Reader): Promise<PersonView | undefined> {
    return (await this.findByIds([id], reader))[0];
  }

  async findByIds(ids: readonly string[], reader?: Reader): Promise<PersonView[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.cache.many('person', ids, reader, async (missing) => {
      const manager = reader ?? this.db.reader;
      return this.#withRoles(manager, await manager.findBy(PersonEntity, { id: In([...missing]) }));
    });
  }

  /** Names, titles and contact details, in one read: what documents print of people. */
  async contacts(ids: readonly string[], reader?: Reader): Promise<PersonContact[]> {
    if (ids.length === 0) {
      return [];
    }
    const people = await (reader ?? this.db.reader).findBy(PersonEntity, { id: In([...new Set(ids)]) });
    return people.map((p) => ({
      id: p.id,
      departmentId: p.departmentId,
      name: p.name,
      title: p.title,
      email: p.email,
      phone: p.phone,
    }));
  }

  async findByEmail(email: string, reader?: Reader): Promise<PersonView | undefined> {
    const manager = reader ?? this.db.reader;
    const person = await manager.findOneBy(PersonEntity, { email: email.trim().toLowerCase() });
    return person ? this.#withRolesOf(manager, person) : undefined;
  }

  /** Active people holding the role in the organisation. */
  async holdersOf(organisationId: string, role: Role, reader?: Reader): Promise<PersonView[]> {
    const manager = reader ?? this.db.reader;
    const people = await manager
      .createQueryBuilder(PersonEntity, 'p')
      .innerJoin(RoleAssignmentEntity, 'ra', 'ra.person_id = p.id')
      .where('ra.organisation_id = :organisationId AND ra.role = :role AND p.disabled_at IS NULL', {
        organisationId,
        role,
      })
      .orderBy('p.name', 'ASC')
      .getMany();
    return this.#withRoles(manager, people);
  }

  async create(actor: Actor, organisationId: string, input: PersonInput): Promise<PersonView> {
    requireRole(actor, Role.Administrator);
    if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
      throw directoryErrors.passwordTooWeak();
    }
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      if (
        !(await this.organisations.administers(actor, organisationId, tx)) ||
        !(await this.organisations.findById(organisationId, tx))
      ) {
        throw directoryErrors.organisationNotFound();
      }
      await this.#assertDepartment(tx, organisationId, input.departmentId);
      const email = input.email.trim().toLowerCase();
      const saved = await this.#unique(email, () =>
        tx.save(
          tx.create(PersonEntity, {
            organisationId,
            departmentId: input.departmentId ?? null,
            name: input.name.trim(),
            title: input.title ?? null,
            email,
            phone: input.phone ?? null,
            passwordHash,
          }),
        ),
      );
      const view = toView(saved, []);
      await this.audit.record(tx, actor, {
        action: 'person.created',
        entityType: 'person',
        entityId: saved.id,
        after: { ...audited(view), canLogIn: passwordHash !== null },
        organisationIds: [organisationId],
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, patch: PersonPatch): Promise<PersonView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      const person = await this.#lockForAdmin(tx, actor, id);
      const beforeView = await this.#withRolesOf(tx, person);
      if (patch.departmentId !== undefined) {
        await this.#assertDepartment(tx, person.organisationId, patch.departmentId);
        person.departmentId = patch.departmentId ?? null;
      }
      if (patch.name !== undefined) {
        person.name = patch.name.trim();
      }
      if (patch.title !== undefined) {
        person.title = patch.title ?? null;
      }
      if (patch.phone !== undefined) {
        person.phone = patch.phone ?? null;
      }
      if (patch.email !== undefined && patch.email.trim().toLowerCase() !== person.email) {
        await this.#assertMayChangeCredentials(tx, actor, person);
        person.email = patch.email.trim().toLowerCase();
      }
      await this.#unique(person.email, () => tx.save(person));
      const afterView = await this.#withRolesOf(tx, person);
      await this.audit.record(tx, actor, {
        action: 'person.updated',
        entityType: 'person',
        entityId: id,
        before: audited(beforeView),
        after: audited(afterView),
        organisationIds: [person.organisationId],
      });
      return afterView;
    });
  }

  /** A disabled person is refused on their next request, whatever token they hold. */
  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<PersonView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      const person = await this.#lockForAdmin(tx, actor, id);
      const wasDisabled = person.disabledAt !== null;
      if (disabled && !wasDisabled) {
        await this.#assertNotLastAdministrator(tx, person);
      }
      if (wasDisabled !== disabled) {
        person.disabledAt = disabled ? this.clock.now() : null;
        // Enabling a person again does not bring back the tokens they held before.
        person.credentialsVersion += 1;
        await tx.save(person);
        await this.audit.record(tx, actor, {
          action: disabled ? 'person.disabled' : 'person.enabled',
          entityType: 'person',
          entityId: id,
          before: { disabled: wasDisabled },
          after: { disabled },
          organisationIds: [person.organisationId],
        });
      }
      return this.#withRolesOf(tx, person);
    });
  }

  /** An administrator sets a new password for a person (the old one and every token stop working at once). */
  async setPassword(actor: Actor, id: string, password: string): Promise<void> {
    requireRole(actor, Role.Administrator);
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw directoryErrors.passwordTooWeak();
    }
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const person = await this.#lockForAdmin(tx, actor, id);
      await this.#assertMayChangeCredentials(tx, actor, person);
      await tx.update(PersonEntity, { id: person.id }, { passwordHash, credentialsVersion: NEXT_CREDENTIALS_VERSION });
      await this.audit.record(tx, actor, {
        action: 'person.password_set',
        entityType: 'person',
        entityId: id,
        organisationIds: [person.organisationId],
      });
    });
  }

  /**
   * A person changes their own password, proving they know the current one. Every token of
   * theirs ends, the one they changed it with included: whoever else held one is out too.
   */
  async changeOwnPassword(actor: Actor, current: string, next: string): Promise<void> {
    if (actor.kind !== 'person') {
      throw directoryErrors.personNotFound();
    }
    if (next.length < MIN_PASSWORD_LENGTH) {
      throw directoryErrors.passwordTooWeak();
    }
    const person = await this.db.reader
      .createQueryBuilder(PersonEntity, 'p')
      .addSelect('p.passwordHash')
      .where('p.id = :id', { id: actor.personId })
      .getOne();
    if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
      throw directoryErrors.invalidCredentials();
    }
    const passwordHash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      await tx.update(PersonEntity, { id: person.id }, { passwordHash, credentialsVersion: NEXT_CREDENTIALS_VERSION });
      await this.audit.record(tx, actor, {
        action: 'person.password_changed',
        entityType: 'person',
        entityId: person.id,
        organisationIds: [person.organisationId],
      });
    });
  }

  async #lockForAdmin(tx: Tx, actor: Actor, id: string): Promise<PersonEntity> {
    const person = await tx.findOne(PersonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!person || !(await this.#mayAdminister(tx, actor, person))) {
      throw directoryErrors.personNotFound();
    }
    return person;
  }

  /**
   * The password and e-mail of a person with roles in several organisations open all of them:
   * one organisation's administrator changing them could act as the person in the others. Only
   * the city's administrators may.
   */
  async #assertMayChangeCredentials(tx: Tx, actor: Actor, person: PersonEntity): Promise<void> {
    const roles = await tx.findBy(RoleAssignmentEntity, { personId: person.id });
    const organisations = new Set([person.organisationId, ...roles.map((r) => r.organisationId)]);
    if (organisations.size > 1 && !(await this.organisations.isCityAdministrator(actor, tx))) {
      throw directoryErrors.cityAdministratorRequired(
        'Personen har roller i flera organisationer. Lösenord och e-postadress för en sådan person ändras bara av stadens administratörer.',
      );
    }
  }

  /** An organisation is never left without an active administrator to manage it. */
  async #assertNotLastAdministrator(tx: Tx, person: PersonEntity): Promise<void> {
    const administered = await tx.findBy(RoleAssignmentEntity, { personId: person.id, role: Role.Administrator });
    for (const { organisationId } of administered.sort((a, b) => a.organisationId.localeCompare(b.organisationId))) {
      if (!(await this.roles.hasOtherActiveAdministrator(tx, organisationId, person.id))) {
        const organisation = await this.organisations.findById(organisationId, tx);
        throw directoryErrors.lastAdministratorDisabled(organisation?.name ?? 'organisationen');
      }
    }
  }

  async #mayRead(manager: Reader, actor: Actor, person: PersonEntity): Promise<boolean> {
    if (actor.kind === 'system' || person.organisationId === actor.organisationId) {
      return true;
    }
    const roleHere = await manager.existsBy(RoleAssignmentEntity, {
      personId: person.id,
      organisationId: actor.organisationId,
    });
    return roleHere || this.organisations.administers(actor, person.organisationId, manager);
  }

  async #mayAdminister(manager: Tx, actor: Actor, person: PersonEntity): Promise<boolean> {
    return this.organisations.administers(actor, person.organisationId, manager);
  }

  async #assertDepartment(tx: Tx, organisationId: string, departmentId: string | null | undefined): Promise<void> {
    if (!departmentId) {
      return;
    }
    const department = await tx.findOneBy(DepartmentEntity, { id: departmentId });
    if (!department) {
      throw directoryErrors.departmentNotFound();
    }
    if (department.organisationId !== organisationId) {
      throw directoryErrors.departmentOtherOrganisation();
    }
  }

  async #withRolesOf(manager: Reader, person: PersonEntity): Promise<PersonView> {
    const roles = await manager.findBy(RoleAssignmentEntity, { personId: person.id });
    return toView(person, roles);
  }

  async #withRoles(manager: Reader, people: readonly PersonEntity[]): Promise<PersonView[]> {
    if (people.length === 0) {
      return [];
    }
    const roles = await manager.findBy(RoleAssignmentEntity, { personId: In(people.map((p) => p.id)) });
    return people.map((p) => toView(p, roles));
  }

  async #unique<T>(email: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation)) {
        throw directoryErrors.emailTaken(email);
      }
      throw error;
    }
  }
}
