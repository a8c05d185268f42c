import { type Actor, AuditService, Db, isPgError, PgErrorCode, requirePerson, requireRole, Role } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { registryErrors } from '../registry.errors.js';
import type { RecordsPlanEntryView } from '../registry.views.js';
import { RecordsPlanEntryEntity } from './records-plan-entry.entity.js';

function toView(e: RecordsPlanEntryEntity): RecordsPlanEntryView {
  return { id: e.id, code: e.code, title: e.title, active: e.active };
}

/** The organisation's records plan (dokumenthanteringsplan): the classification codes cases are filed under. */
@Injectable()
export class RecordsPlanService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<RecordsPlanEntryView[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const rows = await this.db.reader.find(RecordsPlanEntryEntity, {
      where: { organisationId: actor.organisationId },
      order: { code: 'ASC' },
    });
    return rows.map(toView);
  }

  async add(actor: Actor, entry: { code: string; title: string }): Promise<RecordsPlanEntryView> {
    requireRole(actor, Role.Registrar, Role.Administrator);
    requirePerson(actor);
    return this.db.transaction(async (tx) => {
      try {
        const saved = await tx.save(
          tx.create(RecordsPlanEntryEntity, {
            organisationId: actor.organisationId,
            code: entry.code.trim(),
            title: entry.title.trim(),
          }),
        );
        await this.audit.record(tx, actor, {
          action: 'records_plan.entry_added',
          entityType: 'records_plan_entry',
          entityId: saved.id,
          after: toView(saved),
          organisationIds: [actor.organisationId],
        });
        return toView(saved);
      } catch (error) {
        if (isPgError(error, PgErrorCode.UniqueViolation)) {
          throw registryErrors.classificationTaken(entry.code.trim());
        }
        throw error;
      }
    });
  }

  async update(actor: Actor, id: string, patch: { title?: string; active?: boolean }): Promise<RecordsPlanEntryView> {
    requireRole(actor, Role.Registrar, Role.Administrator);
    return this.db.transaction(async (tx) => {
      const row = await tx.findOne(RecordsPlanEntryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || actor.kind !== 'person' || row.organisationId !== actor.organisationId) {
        throw registryErrors.recordsPlanEntryNotFound();
      }
      const before = toView(row);
      Object.assign(row, {
        ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      });
      await tx.save(row);
      await this.audit.record(tx, actor, {
        action: 'records_plan.entry_updated',
        entityType: 'records_plan_entry',
        entityId: id,
        before,
        after: toView(row),
        organisationIds: [row.organisationId],
      });
      return toView(row);
    });
  }
}
