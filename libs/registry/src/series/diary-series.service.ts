import { OrganisationService } from '@app/directory';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  localYear,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';

import { registryErrors } from '../registry.errors.js';
import type { DiarySeriesView } from '../registry.views.js';
import { DiaryCounterEntity } from './diary-counter.entity.js';

/**
 * An organisation's diary series: one gapless number sequence per year. Numbers come from a
 * counter row updated inside the registering transaction; the row lock serialises concurrent
 * registrations, and a rollback returns the number, so the committed numbers are 1..N.
 */
@Injectable()
export class DiarySeriesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
  ) {}

  /** Takes the next number of the organisation's series for the year, inside `tx`. */
  async allocate(tx: Tx, organisationId: string, year: number): Promise<{ prefix: string; sequence: number }> {
    const organisation = await this.organisations.findById(organisationId, tx);
    if (!organisation?.diaryPrefix) {
      throw registryErrors.noSeries();
    }
    const rows = await tx.query<{ last_number: number }[]>(
      `INSERT INTO diary_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = diary_counters.last_number + 1
       RETURNING last_number`,
      [organisationId, year],
    );
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an upsert with RETURNING returns its one row
    return { prefix: organisation.diaryPrefix, sequence: rows[0]!.last_number };
  }

  async current(actor: Actor, year?: number): Promise<DiarySeriesView> {
    const organisationId = this.#own(actor);
    const forYear = year ?? localYear(this.clock.now());
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation?.diaryPrefix) {
      throw registryErrors.noSeries();
    }
    const counter = await this.db.reader.findOneBy(DiaryCounterEntity, { organisationId, year: forYear });
    return {
      organisationId,
      prefix: organisation.diaryPrefix,
      year: forYear,
      nextNumber: (counter?.lastNumber ?? 0) + 1,
    };
  }

  /**
   * Sets the number the next case of the year gets, to continue a series carried over from an
   * older system. The series only moves forward: numbers already given are never given again.
   */
  async setStart(actor: Actor, year: number, nextNumber: number): Promise<DiarySeriesView> {
    requireRole(actor, Role.Registrar);
    if (!Number.isInteger(year) || year < 1900 || year > 2999) {
      throw registryErrors.yearInvalid(year);
    }
    const organisationId = this.#own(actor);
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisations.findById(organisationId, tx);
      if (!organisation?.diaryPrefix) {
        throw registryErrors.noSeries();
      }
      await tx.query(
        `INSERT INTO diary_counters (organisation_id, year, last_number) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [organisationId, year],
      );
      const counter = await tx.findOne(DiaryCounterEntity, {
        where: { organisationId, year },
        lock: { mode: 'pessimistic_write' },
      });
      if (!counter) {
        throw registryErrors.noSeries();
      }
      const last = counter.lastNumber;
      if (nextNumber <= last) {
        throw registryErrors.seriesBackwards(nextNumber, last + 1);
      }
      await tx.update(DiaryCounterEntity, { organisationId, year }, { lastNumber: nextNumber - 1 });
      await this.audit.record(tx, actor, {
        action: 'diary_series.start_set',
        entityType: 'diary_series',
        entityId: `${organisation.diaryPrefix} ${year}`,
        before: { nextNumber: last + 1 },
        after: { nextNumber },
        organisationIds: [organisationId],
      });
      return { organisationId, prefix: organisation.diaryPrefix, year, nextNumber };
    });
  }

  #own(actor: Actor): string {
    requirePerson(actor);
    return actor.organisationId;
  }
}
