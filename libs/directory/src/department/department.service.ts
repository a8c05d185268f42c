import { type Actor, AuditService, Db, isPgError, PgErrorCode, type Reader, requireRole, Role } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { directoryErrors } from '../directory.errors.js';
import type { DepartmentView } from '../directory.views.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { DepartmentEntity } from './department.entity.js';
import { DirectoryCache } from '../cache/directory-cache.js';

export interface DepartmentInput {
  readonly name: string;
  readonly contactEmail?: string | null;
}

export type DepartmentPatch = Partial<DepartmentInput> & { readonly active?: boolean };

function toView(e: DepartmentEntity): DepartmentView {
  return { id: e.id, organisationId: e.organisationId, name: e.name, contactEmail: e.contactEmail, active: e.active };
}

/** The departments (avdelningar) of the organisation a person acts for. */
@Injectable()
export class DepartmentService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationService,
    private readonly cache: DirectoryCache,
  ) {}

  async list(actor: Actor, organisationId?: string): Promise<DepartmentView[]> {
    const orgId = organisationId ?? (actor.kind === 'person' ? actor.organisationId : undefined);
    if (
      !orgId ||
      (actor.kind === 'person' &&
        orgId !== actor.organisationId &&
        !(await this.organisations.administers(actor, orgId)))
    ) {
      throw directoryErrors.organisationNotFound();
    }
    const rows = await this.db.reader.find(DepartmentEntity, {
      where: { organisationId: orgId },
      order: { name: 'ASC' },
    });
    return rows.map(toView);
  }

  async get(actor: Actor, id: string): Promise<DepartmentView> {
    const row = await this.db.reader.findOneBy(DepartmentEntity, { id });
    if (!row || !(await this.#mayRead(actor, row.organisationId))) {
      throw directoryErrors.departmentNotFound();
    }
    return toView(row);
  }

  async findById(id: string, reader?: Reader): Promise<DepartmentView | undefined> {
    return (await this.findByIds([id], reader))[0];
  }

  async findByIds(ids: readonly string[], reader?: Reader): Promise<DepartmentView[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.cache.many('department', ids, reader, async (missing) =>
      (await (reader ?? this.db.reader).findBy(DepartmentEntity, { id: In([...missing]) })).map(toView),
    );
  }

  async findByName(organisationId: string, name: string, reader?: Reader): Promise<DepartmentView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(DepartmentEntity, { organisationId, name });
    return row ? toView(row) : undefined;
  }

  async create(actor: Actor, organisationId: string, input: DepartmentInput): Promise<DepartmentView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      if (
        !(await this.organisations.administers(actor, organisationId, tx)) ||
        !(await this.organisations.findById(organisationId, tx))
      ) {
        throw directoryErrors.organisationNotFound();
      }
      const row = await this.#unique(input.name, () =>
        tx.save(
          tx.create(DepartmentEntity, {
            organisationId,
            name: input.name.trim(),
            contactEmail: input.contactEmail?.toLowerCase() ?? null,
          }),
        ),
      );
      const view = toView(row);
      await this.audit.record(tx, actor, {
        action: 'department.created',
        entityType: 'department',
        entityId: row.id,
        after: view,
        organisationIds: [organisationId],
      });
      return view;
    });
  }

  async update(actor: Actor, id: string, patch: DepartmentPatch): Promise<DepartmentView> {
    requireRole(actor, Role.Administrator);
    return this.db.transaction(async (tx) => {
      const row = await tx.findOne(DepartmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !(await this.organisations.administers(actor, row.organisationId, tx))) {
        throw directoryErrors.departmentNotFound();
      }
      const before = toView(row);
      if (patch.name !== undefined) {
        row.name = patch.name.trim();
      }
      if (patch.contactEmail !== undefined) {
        row.contactEmail = patch.contactEmail?.toLowerCase() ?? null;
      }
      if (patch.active !== undefined) {
        row.active = patch.active;
      }
      await this.#unique(row.name, () => tx.save(row));
      const after = toView(row);
      await this.audit.record(tx, actor, {
        action: 'department.updated',
        entityType: 'department',
        entityId: id,
        before,
        after,
        organisationIds: [row.organisationId],
      });
      return after;
    });
  }

  async #mayRead(actor: Actor, organisationId: string): Promise<boolean> {
    return (
      actor.kind === 'system' ||
      actor.organisationId === organisationId ||
      this.organisations.administers(actor, organisationId)
    );
  }

  async #unique<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation)) {
        throw directoryErrors.nameTaken(name);
      }
      throw error;
    }
  }
}
