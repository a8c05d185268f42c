import { OrganisationService } from '@app/directory';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  localYear,
  requirePerson,
  requireRole,
  type Reader,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';

import { registryErrors } from '../registry.errors.js';
import type { DiarySeriesView } from '../registry.views.js';
import { DiaryCounterEntity } from './diary-counter.entity.js';
import { DEFAULT_DIARY_FORMAT, DiaryFormat, type DiaryFormatSpec } from './diary-format.js';
import { DiaryFormatEntity } from './diary-format.entity.js';

/** A number taken from a series: the case's diary number and how its documents are numbered. */
export interface AllocatedNumber {
  readonly diaryNumber: string;
  readonly sequence: number;
  /** The classification the number runs within ('' when it runs for the whole year). */
  readonly numberingClass: string;
  readonly documentSeparator: string;
}

/**
 * An organisation's diary series: one gapless number sequence per year (and per classification
 * when its format holds one), written in the series' format. Numbers come from a counter row
 * updated inside the registering transaction; the row lock serialises concurrent registrations,
 * and a rollback returns the number, so the committed numbers are 1..N.
 */
@Injectable()
export class DiarySeriesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
  ) {}

  /** Takes the next number of the organisation's series for the year, inside `tx`, written in its format. */
  async allocate(
    tx: Tx,
    organisationId: string,
    year: number,
    classificationCode?: string | null,
  ): Promise<AllocatedNumber> {
    const organisation = await this.organisations.findById(organisationId, tx);
    if (!organisation?.diaryPrefix) {
      throw registryErrors.noSeries();
    }
    // Shared with every other registration, exclusive with a change of format: a number is
    // written in the format that holds when its registration commits.
    await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtext('diary-format:' || $1))`, [organisationId]);
    const format = await this.formatOf(organisationId, tx);
    const numberingClass = format.holdsClassification ? (classificationCode ?? '') : '';
    if (format.holdsClassification && !numberingClass) {
      throw registryErrors.classificationRequired(format.template);
    }
    if (numberingClass && !format.fitsClassification(numberingClass)) {
      throw registryErrors.classificationUnfit(numberingClass, format.template);
    }
    const rows = await tx.query<{ last_number: number }[]>(
      `INSERT INTO diary_counters (organisation_id, year, classification, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (organisation_id, year, classification) DO UPDATE SET last_number = diary_counters.last_number + 1
       RETURNING last_number`,
      [organisationId, year, numberingClass],
    );
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an upsert with RETURNING returns its one row
    const sequence = rows[0]!.last_number;
    return {
      diaryNumber: format.format({
        prefix: organisation.diaryPrefix,
        year,
        sequence,
        classification: numberingClass || null,
      }),
      sequence,
      numberingClass,
      documentSeparator: format.documentSeparator,
    };
  }

  /** The organisation's diary format: the one its registrar set, or `PREFIX YEAR/N`. */
  async formatOf(organisationId: string, reader?: Reader): Promise<DiaryFormat> {
    const row = await (reader ?? this.db.reader).findOneBy(DiaryFormatEntity, { organisationId });
    return DiaryFormat.of(row ?? DEFAULT_DIARY_FORMAT);
  }

  /**
   * Sets the format new numbers are written in: a series carried over from an older system keeps
   * the numbers it had (`302-260-04`). Not in the middle of a year whose series has numbers.
   */
  async setFormat(actor: Actor, spec: DiaryFormatSpec): Promise<DiarySeriesView> {
    requireRole(actor, Role.Registrar);
    const organisationId = this.#own(actor);
    const format = DiaryFormat.of(spec);
    const year = localYear(this.clock.now());
    await this.db.transaction(async (tx) => {
      const organisation = await this.organisations.findById(organisationId, tx);
      if (!organisation?.diaryPrefix) {
        throw registryErrors.noSeries();
      }
      // Waits for the registrations in progress, whose numbers then count as given.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('diary-format:' || $1))`, [organisationId]);
      const given = await tx.query<{ last_number: number }[]>(
        `SELECT last_number FROM diary_counters WHERE organisation_id = $1 AND year = $2 AND last_number > 0`,
        [organisationId, year],
      );
      const before = await tx.findOneBy(DiaryFormatEntity, { organisationId });
      const unchanged =
        (before?.template ?? DEFAULT_DIARY_FORMAT.template) === format.template &&
        (before?.documentSeparator ?? DEFAULT_DIARY_FORMAT.documentSeparator) === format.documentSeparator;
      if (unchanged) {
        return;
      }
      if (given.length > 0) {
        throw registryErrors.formatFixed(year);
      }
      await tx.upsert(DiaryFormatEntity, { organisationId, ...format.spec }, ['organisationId']);
      await this.audit.record(tx, actor, {
        action: 'diary_series.format_set',
        entityType: 'diary_series',
        entityId: `${organisation.diaryPrefix} ${year}`,
        before: before
          ? { template: before.template, documentSeparator: before.documentSeparator }
          : DEFAULT_DIARY_FORMAT,
        after: format.spec,
        organisationIds: [organisationId],
      });
    });
    return this.current(actor, year);
  }

  async current(actor: Actor, year?: number, classificationCode?: string): Promise<DiarySeriesView> {
    const organisationId = this.#own(actor);
    const forYear = year ?? localYear(this.clock.now());
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation?.diaryPrefix) {
      throw registryErrors.noSeries();
    }
    const format = await this.formatOf(organisationId);
    const classification = format.holdsClassification ? (classificationCode ?? '') : '';
    const counter = await this.db.reader.findOneBy(DiaryCounterEntity, {
      organisationId,
      year: forYear,
      classification,
    });
    return this.#view(
      organisationId,
      organisation.diaryPrefix,
      forYear,
      (counter?.lastNumber ?? 0) + 1,
      format,
      classification,
    );
  }

  /**
   * Sets the number the next case of the year gets, to continue a series carried over from an
   * older system (within a classification, when the format numbers per classification). The
   * series only moves forward: numbers already given are never given again.
   */
  async setStart(
    actor: Actor,
    year: number,
    nextNumber: number,
    classificationCode?: string,
  ): Promise<DiarySeriesView> {
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
      const format = await this.formatOf(organisationId, tx);
      const classification = format.holdsClassification ? (classificationCode ?? '') : '';
      if (format.holdsClassification && !classification) {
        throw registryErrors.classificationRequired(format.template);
      }
      await tx.query(
        `INSERT INTO diary_counters (organisation_id, year, classification, last_number) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
        [organisationId, year, classification],
      );
      const counter = await tx.findOne(DiaryCounterEntity, {
        where: { organisationId, year, classification },
        lock: { mode: 'pessimistic_write' },
      });
      if (!counter) {
        throw registryErrors.noSeries();
      }
      const last = counter.lastNumber;
      if (nextNumber <= last) {
        throw registryErrors.seriesBackwards(nextNumber, last + 1);
      }
      await tx.update(DiaryCounterEntity, { organisationId, year, classification }, { lastNumber: nextNumber - 1 });
      await this.audit.record(tx, actor, {
        action: 'diary_series.start_set',
        entityType: 'diary_series',
        entityId: `${organisation.diaryPrefix} ${year}${classification ? ` ${classification}` : ''}`,
        before: { nextNumber: last + 1 },
        after: { nextNumber },
        organisationIds: [organisationId],
      });
      return this.#view(organisationId, organisation.diaryPrefix, year, nextNumber, format, classification);
    });
  }

  #view(
    organisationId: string,
    prefix: string,
    year: number,
    nextNumber: number,
    format: DiaryFormat,
    classification: string,
  ): DiarySeriesView {
    return {
      organisationId,
      prefix,
      year,
      nextNumber,
      template: format.template,
      documentSeparator: format.documentSeparator,
      classificationCode: classification || null,
      // The next number as it will be written (a classification's own when the format holds one).
      nextDiaryNumber:
        format.holdsClassification && !classification
          ? null
          : format.format({ prefix, year, sequence: nextNumber, classification: classification || null }),
    };
  }

  #own(actor: Actor): string {
    requirePerson(actor);
    return actor.organisationId;
  }
}
