import {
  type Actor,
  AuditService,
  Db,
  isPgError,
  pgConstraint,
  PgErrorCode,
  type Reader,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { directoryErrors } from '../directory.errors.js';
import type { OrganisationView } from '../directory.views.js';
import { OrganisationKind } from './organisation-kind.js';
import { OrganisationEntity } from './organisation.entity.js';
import { DirectoryCache } from '../cache/directory-cache.js';

export interface OrganisationInput {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly administrationName?: string | null;
  readonly diaryPrefix?: string | null;
  readonly streetAddress?: string | null;
  readonly postalCode?: string | null;
  readonly postalTown?: string | null;
  readonly registryEmail?: string | null;
  readonly website?: string | null;
  readonly parentId?: string | null;
}

export type OrganisationPatch = Partial<Omit<OrganisationInput, 'kind'>> & { readonly active?: boolean };

/**
 * What places an organisation among the others: the name other bodies see it by, its diary
 * prefix (group remisses register under it), whether it takes part, and where it sits in the
 * city. The city's administrators alone change these.
 */
const CITY_FIELDS = ['name', 'diaryPrefix', 'active', 'parentId'] as const;

/** The name as stored: no surrounding or repeated white space. Names are unique regardless of letter case too. */
function normaliseName(name: string): string {
  return name.trim().replace(/\s+/gu, ' ');
}

export function toOrganisationView(e: OrganisationEntity): OrganisationView {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    administrationName: e.administrationName,
    diaryPrefix: e.diaryPrefix,
    streetAddress: e.streetAddress,
    postalCode: e.postalCode,
    postalTown: e.postalTown,
    registryEmail: e.registryEmail,
    website: e.website,
    parentId: e.parentId,
    active: e.active,
  };
}

/**
 * The organisations of the directory. Every logged-in person may read them (a sender picks its
 * recipients here); an administrator changes their own organisation, and an administrator of
 * the city changes any.
 */
@Injectable()
export class OrganisationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly cache: DirectoryCache,
  ) {}

  async list(
    _actor: Actor,
    filter: { kind?: OrganisationKind; includeInactive?: boolean } = {},
  ): Promise<OrganisationView[]> {
    const rows = await this.db.reader.getRepository(OrganisationEntity).find({
      where: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.includeInactive ? {} : { active: true }) },
      order: { name: 'ASC' },
    });
    return rows.map(toOrganisationView);
  }

  async get(_actor: Actor, id: string): Promise<OrganisationView> {
    const row = await this.db.reader.findOneBy(OrganisationEntity, { id });
    if (!row) {
      throw directoryErrors.organisationNotFound();
    }
    return toOrganisationView(row);
  }

  /** For other libraries acting for the system: the organisation, or undefined. */
  async findById(id: string, reader?: Reader): Promise<OrganisationView | undefined> {
    return (await this.findByIds([id], reader))[0];
  }

  async findByIds(ids: readonly string[], reader?: Reader): Promise<OrganisationView[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.cache.many('organisation', ids, reader, async (missing) =>
      (await (reader ?? this.db.reader).findBy(OrganisationEntity, { id: In([...missing]) })).map(toOrganisationView),
    );
  }

  /** The organisation and those above it, nearest first, in one read (letterheads name the municipality at the top). */
  async lineage(id: string, reader?: Reader): Promise<OrganisationView[]> {
    const rows = await (reader ?? this.db.reader)
      .createQueryBuilder(OrganisationEntity, 'o')
      .where(
        `o.id IN (WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT id, parent_id, 0 FROM organisations WHERE id = :id
           UNION ALL
           SELECT p.id, p.parent_id, up.depth + 1 FROM organisations p JOIN up ON p.id = up.parent_id WHERE up.depth < 10
         ) SELECT id FROM up)`,
        { id },
      )
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const chain: OrganisationView[] = [];
    for (
      let current = byId.get(id);
      current && chain.length <= 10;
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      chain.push(toOrganisationView(current));
    }
    return chain;
  }

  async findByName(name: string, reader?: Reader): Promise<OrganisationView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(OrganisationEntity, { name });
    return row ? toOrganisationView(row) : undefined;
  }

  /** True when the actor may change the organisation: its own administrator, or the city's. */
  async administers(actor: Actor, organisationId: string, reader?: Reader): Promise<boolean> {
    if (actor.kind === 'person' && actor.roles.has(Role.Administrator) && actor.organisationId === organisationId) {
      return true;
    }
    return this.isCityAdministrator(actor, reader);
  }

  /** True for an administrator acting for the city itself (and for the system). */
  async isCityAdministrator(actor: Actor, reader?: Reader): Promise<boolean> {
    if (actor.kind === 'system') {
      return true;
    }
    if (!actor.roles.has(Role.Administrator)) {
      return false;
    }
    const own = await (reader ?? this.db.reader).findOneBy(OrganisationEntity, { id: actor.organisationId });
    return own?.kind === OrganisationKind.City;
  }

  async create(actor: Actor, input: OrganisationInput): Promise<OrganisationView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      if (actor.kind === 'person') {
        const own = await tx.findOneBy(OrganisationEntity, { id: actor.organisationId });
        if (own?.kind !== OrganisationKind.City) {
          throw directoryErrors.organisationNotFound();
        }
      }
      if (input.parentId && !(await tx.existsBy(OrganisationEntity, { id: input.parentId }))) {
        throw directoryErrors.parentInvalid();
      }
      const row = await this.#write({ name: input.name, diaryPrefix: input.diaryPrefix }, () =>
        tx.getRepository(OrganisationEntity).save(
          tx.getRepository(OrganisationEntity).create({
            name: normaliseName(input.name),
            kind: input.kind,
            administrationName: input.administrationName ?? null,
            diaryPrefix: input.diaryPrefix ?? null,
            streetAddress: input.streetAddress ?? null,
            postalCode: input.postalCode ?? null,
            postalTown: input.postalTown ?? null,
            registryEmail: input.registryEmail?.toLowerCase() ?? null,
            website: input.website ?? null,
            parentId: input.parentId ?? null,
          }),
        ),
      );
      const view = toOrganisationView(row);
      await this.audit.record(tx, actor, {
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: row.id,
        after: view,
        organisationIds: [row.id],
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, patch: OrganisationPatch): Promise<OrganisationView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      const row = await tx.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !(await this.administers(actor, id, tx))) {
        throw directoryErrors.organisationNotFound();
      }
      const before = toOrganisationView(row);
      const wanted = patch.name === undefined ? patch : { ...patch, name: normaliseName(patch.name) };
      if (
        CITY_FIELDS.some((key) => wanted[key] !== undefined && wanted[key] !== row[key]) &&
        !(await this.isCityAdministrator(actor, tx))
      ) {
        throw directoryErrors.cityAdministratorRequired(
          'Namn, diarieprefix, överordnad organisation och om organisationen är aktiv ändras bara av stadens administratörer.',
        );
      }
      if (patch.parentId !== undefined && patch.parentId !== null) {
        await this.#assertNoCycle(tx, id, patch.parentId);
      }
      const changes: Partial<OrganisationEntity> = {};
      for (const key of [
        'name',
        'administrationName',
        'diaryPrefix',
        'streetAddress',
        'postalCode',
        'postalTown',
        'registryEmail',
        'website',
        'parentId',
        'active',
      ] as const) {
        if (wanted[key] !== undefined) {
          (changes as Record<string, unknown>)[key] = wanted[key];
        }
      }
      if (typeof changes.registryEmail === 'string') {
        changes.registryEmail = changes.registryEmail.toLowerCase();
      }
      Object.assign(row, changes);
      await this.#write({ ...row, previousPrefix: before.diaryPrefix }, () =>
        tx.getRepository(OrganisationEntity).save(row),
      );
      const after = toOrganisationView(row);
      await this.audit.record(tx, actor, {
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before,
        after,
        organisationIds: [id],
      });
      return after;
    });
  }

  async #assertNoCycle(tx: Tx, id: string, parentId: string): Promise<void> {
    const rows = await tx.query<{ id: string }[]>(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM organisations WHERE id = $1
         UNION SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
       SELECT id FROM up`,
      [parentId],
    );
    if (rows.length === 0 || rows.some((r) => r.id === id)) {
      throw directoryErrors.parentInvalid();
    }
  }

  /** Runs an insert or update, turning a violated rule into the answer a person can act on. */
  async #write<T>(
    values: { name: string; diaryPrefix?: string | null; previousPrefix?: string | null },
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // A trigger holds this rule, for the diary series are the registry's and not ours to read.
      if (isPgError(error, PgErrorCode.CheckViolation, 'chk_organisations_diary_prefix_in_use')) {
        throw directoryErrors.diaryPrefixInUse(values.previousPrefix ?? '');
      }
      if (isPgError(error, PgErrorCode.UniqueViolation)) {
        if (pgConstraint(error) === 'uq_organisations_diary_prefix') {
          throw directoryErrors.diaryPrefixTaken(values.diaryPrefix ?? '');
        }
        throw directoryErrors.nameTaken(values.name);
      }
      throw error;
    }
  }
}
