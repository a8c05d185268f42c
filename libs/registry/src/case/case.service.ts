import { DepartmentService, PersonService } from '@app/directory';
import {
  type Actor,
  actorPersonId,
  AuditService,
  Clock,
  Db,
  hasRole,
  localDate,
  localYear,
  type Reader,
  requirePerson,
  requireRole,
  returningRows,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { normaliseDiaryNumber } from '../diary-number.js';
import { RecordsPlanEntryEntity } from '../records-plan/records-plan-entry.entity.js';
import { registryErrors } from '../registry.errors.js';
import { contains, searchPattern } from '../search/search-text.js';
import type { CaseCoWorkerView, CaseListPage, CaseView } from '../registry.views.js';
import { DiarySeriesService } from '../series/diary-series.service.js';
import { CaseCoWorkerEntity } from './case-co-worker.entity.js';
import { isCaseWriter } from './case-writers.js';
import { CaseEntity } from './case.entity.js';

export interface RegisterCaseInput {
  readonly title: string;
  readonly description?: string | null;
  readonly classificationCode?: string | null;
  readonly responsibleDepartmentId?: string | null;
  readonly responsiblePersonId?: string | null;
  readonly counterpart?: string | null;
  readonly linkedDiaryNumber?: string | null;
  /** What created the case, when the system did: registering the same origin twice returns the first case. */
  readonly originKey?: string;
}

export interface CaseQuery {
  /**
   * Part of the title, the diary number, the counterpart or their reference (`Ku2025/01234`), or
   * of whom a document of the case came from or went to; folded as `search_fold` does.
   */
  readonly q?: string;
  readonly diaryNumber?: string;
  readonly status?: 'open' | 'closed';
  readonly registeredFrom?: string;
  readonly registeredTo?: string;
  readonly responsiblePersonId?: string;
  /** The year of the diary number. */
  readonly year?: number;
  /** A code of the records plan: the cases classified under it or under a code beneath it (`2.3` holds `2.3.1`). */
  readonly classificationCode?: string;
  /** Cases whose remiss is past its deadline unanswered (true), or not (false). */
  readonly overdue?: boolean;
  readonly sort?: CaseSort;
  readonly order?: SortOrder;
  /** Where the page starts: the `nextCursor` of the page before, in the same sort and order. */
  readonly cursor?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export const CASE_SORTS = ['diaryNumber', 'registeredAt', 'title'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** Each sort's columns, the id last so that the key is unique; an index per sort (CaseEntity) walks them. */
const SORT_KEYS: Readonly<Record<CaseSort, readonly string[]>> = {
  diaryNumber: ['c.year', 'c.sequence', 'c.id'],
  registeredAt: ['c.registered_at', 'c.id'],
  title: ['c.title', 'c.id'],
};

type CursorKey = readonly (string | number)[];

function sortKeyOf(sort: CaseSort, row: CaseEntity): CursorKey {
  switch (sort) {
    case 'diaryNumber':
      return [row.year, row.sequence, row.id];
    case 'registeredAt':
      return [row.registeredAt.toISOString(), row.id];
    case 'title':
      return [row.title, row.id];
  }
}

function encodeCursor(sort: CaseSort, order: SortOrder, key: CursorKey): string {
  return Buffer.from(JSON.stringify([sort, order, ...key]), 'utf8').toString('base64url');
}

/** The key a cursor holds, or a 400 when it is not one of ours for this sort and order. */
function decodeCursor(cursor: string, sort: CaseSort, order: SortOrder): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw registryErrors.cursorInvalid();
  }
  const types: Readonly<Record<CaseSort, readonly string[]>> = {
    diaryNumber: ['number', 'number', 'string'],
    registeredAt: ['string', 'string'],
    title: ['string', 'string'],
  };
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== sort ||
    parsed[1] !== order ||
    parsed.length !== types[sort].length + 2 ||
    parsed.slice(2).some((v, i) => typeof v !== types[sort][i])
  ) {
    throw registryErrors.cursorInvalid();
  }
  const key = parsed.slice(2) as (string | number)[];
  const id = key[key.length - 1] as string;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw registryErrors.cursorInvalid();
  }
  if (sort === 'registeredAt' && Number.isNaN(Date.parse(key[0] as string))) {
    throw registryErrors.cursorInvalid();
  }
  return key;
}

export interface CasePatch {
  readonly title?: string;
  readonly description?: string | null;
  readonly classificationCode?: string | null;
  readonly counterpart?: string | null;
}

export function toCaseView(e: CaseEntity): CaseView {
  return {
    id: e.id,
    organisationId: e.organisationId,
    diaryNumber: e.diaryNumber,
    year: e.year,
    sequence: e.sequence,
    title: e.title,
    description: e.description,
    status: e.status,
    classificationCode: e.classificationCode,
    responsibleDepartmentId: e.responsibleDepartmentId,
    responsiblePersonId: e.responsiblePersonId,
    counterpart: e.counterpart,
    linkedDiaryNumber: e.linkedDiaryNumber,
    registeredOn: e.registeredOn,
    registeredAt: e.registeredAt.toISOString(),
    registeredBy: e.registeredBy,
    closedAt: e.closedAt?.toISOString() ?? null,
    closedBy: e.closedBy,
    documentCount: e.lastDocumentNumber,
  };
}

/**
 * Cases (ärenden) of an organisation's registry. Every person of the organisation may read
 * them; the responsible officer and the co-workers the registrar adds write in them.
 */
@Injectable()
export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly series: DiarySeriesService,
    private readonly departments: DepartmentService,
    private readonly people: PersonService,
  ) {}

  async register(actor: Actor, input: RegisterCaseInput): Promise<CaseView> {
    requireRole(actor, Role.Registrar, Role.CaseOfficer);
    requirePerson(actor);
    return this.db.transaction((tx) => this.registerIn(tx, actor, actor.organisationId, input));
  }

  /**
   * Registers a case in `organisationId`'s registry inside the caller's transaction; its number
   * is taken from the series there and becomes visible when the caller commits.
   */
  async registerIn(tx: Tx, actor: Actor, organisationId: string, input: RegisterCaseInput): Promise<CaseView> {
    if (input.originKey) {
      const existing = await tx.findOneBy(CaseEntity, { originKey: input.originKey });
      if (existing) {
        return toCaseView(existing);
      }
    }
    await this.#assertClassification(tx, organisationId, input.classificationCode);
    await this.#assertResponsible(tx, organisationId, input.responsibleDepartmentId, input.responsiblePersonId);
    const now = this.clock.now();
    const year = localYear(now);
    const allocated = await this.series.allocate(tx, organisationId, year, input.classificationCode);
    const saved = await tx.save(
      tx.create(CaseEntity, {
        organisationId,
        year,
        sequence: allocated.sequence,
        numberingClass: allocated.numberingClass,
        diaryNumber: allocated.diaryNumber,
        documentSeparator: allocated.documentSeparator,
        title: input.title.trim(),
        description: input.description ?? null,
        status: 'open',
        classificationCode: input.classificationCode ?? null,
        responsibleDepartmentId: input.responsibleDepartmentId ?? null,
        responsiblePersonId: input.responsiblePersonId ?? null,
        counterpart: input.counterpart ?? null,
        linkedDiaryNumber: input.linkedDiaryNumber ?? null,
        originKey: input.originKey ?? null,
        registeredOn: localDate(now),
        registeredAt: now,
        registeredBy: actorPersonId(actor),
        closedAt: null,
        closedBy: null,
        lastDocumentNumber: 0,
      }),
    );
    const view = toCaseView(saved);
    await this.audit.record(tx, actor, {
      action: 'case.registered',
      entityType: 'case',
      entityId: saved.id,
      after: view,
      organisationIds: [organisationId],
    });
    return view;
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    return toCaseView(await this.#visible(this.db.reader, actor, id));
  }

  async getByDiaryNumber(actor: Actor, diaryNumber: string): Promise<CaseView> {
    if (actor.kind !== 'person') {
      throw registryErrors.caseNotFound();
    }
    const format = await this.series.formatOf(actor.organisationId);
    const normalised = normaliseDiaryNumber(diaryNumber, format, localYear(this.clock.now()));
    const row = await this.db.reader.findOneBy(CaseEntity, {
      organisationId: actor.organisationId,
      diaryNumber: normalised,
    });
    if (!row) {
      throw registryErrors.caseNotFound();
    }
    return toCaseView(row);
  }

  /** For other libraries acting for the system. */
  async findById(id: string, reader?: Reader): Promise<CaseView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(CaseEntity, { id });
    return row ? toCaseView(row) : undefined;
  }

  /** Several cases at once, for a list that names them (absent ids are left out). */
  async findByIds(ids: readonly string[], reader?: Reader): Promise<CaseView[]> {
    if (ids.length === 0) {
      return [];
    }
    return (await (reader ?? this.db.reader).findBy(CaseEntity, { id: In([...new Set(ids)]) })).map(toCaseView);
  }

  /**
   * The organisation's cases, filtered, in one of the diary's orders. A page starts at `offset`,
   * or after the row a `cursor` names: then it is found by the sort's index however deep it lies.
   */
  async search(actor: Actor, query: CaseQuery): Promise<CaseListPage> {
    if (actor.kind !== 'person') {
      return { total: 0, limit: 0, offset: 0, items: [], nextCursor: null };
    }
    const limit = Math.min(query.limit ?? 50, 200);
    const offset = query.cursor ? 0 : (query.offset ?? 0);
    const sort = query.sort ?? 'diaryNumber';
    const order = query.order ?? 'desc';
    if (query.cursor && query.offset) {
      throw registryErrors.cursorWithOffset();
    }
    const after = query.cursor ? decodeCursor(query.cursor, sort, order) : null;
    const qb = this.db.reader
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.organisation_id = :org', { org: actor.organisationId });
    if (query.diaryNumber) {
      const format = await this.series.formatOf(actor.organisationId);
      qb.andWhere('c.diary_number = :dn', {
        dn: normaliseDiaryNumber(query.diaryNumber, format, localYear(this.clock.now())),
      });
    }
    if (query.q) {
      // The title, the number, the other party and their number, and who the documents of the
      // case came from or went to (a secret document's only for those who may read it).
      const seeAll = hasRole(actor, Role.Registrar);
      qb.andWhere(
        `(${contains('c.title')} OR ${contains('c.diary_number')} OR ${contains('c.counterpart')}
          OR ${contains('c.linked_diary_number')}
          OR EXISTS (SELECT 1 FROM registered_documents d
                     WHERE d.case_id = c.id AND d.annulled_at IS NULL AND ${contains('d.counterpart')}
                       AND (d.secrecy_ground IS NULL OR :seeAll OR c.responsible_person_id = :me)))`,
        { q: searchPattern(query.q), seeAll, me: actor.personId },
      );
    }
    if (query.status) {
      qb.andWhere('c.status = :status', { status: query.status });
    }
    if (query.registeredFrom) {
      qb.andWhere('c.registered_on >= :from', { from: query.registeredFrom });
    }
    if (query.registeredTo) {
      qb.andWhere('c.registered_on <= :to', { to: query.registeredTo });
    }
    if (query.responsiblePersonId) {
      qb.andWhere('c.responsible_person_id = :rp', { rp: query.responsiblePersonId });
    }
    if (query.year !== undefined) {
      qb.andWhere('c.year = :year', { year: query.year });
    }
    if (query.classificationCode) {
      qb.andWhere(`(c.classification_code = :cc OR c.classification_code LIKE :ccBelow ESCAPE '\\')`, {
        cc: query.classificationCode,
        ccBelow: `${query.classificationCode.replace(/[\\%_]/g, (m) => `\\${m}`)}.%`,
      });
    }
    if (query.overdue !== undefined) {
      // A case a remiss to the organisation was registered in, unanswered past its deadline.
      qb.andWhere(
        `${query.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM consultation_recipients r
           WHERE r.case_id = c.id AND r.state NOT IN ('answered', 'declined') AND r.response_deadline < :today)`,
        { today: localDate(this.clock.now()) },
      );
    }
    const total = await qb.getCount();
    const [firstColumn, ...otherColumns] = SORT_KEYS[sort];
    const columns = SORT_KEYS[sort];
    if (after) {
      const names = after.map((_, i) => `:after${i}`);
      qb.andWhere(
        `(${columns.join(', ')}) ${order === 'asc' ? '>' : '<'} (${names.join(', ')})`,
        Object.fromEntries(after.map((v, i) => [`after${i}`, v])),
      );
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    qb.orderBy(firstColumn ?? 'c.id', direction);
    for (const column of otherColumns) {
      qb.addOrderBy(column, direction);
    }
    const rows = await qb
      .limit(limit + 1)
      .offset(offset)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      total,
      limit,
      offset,
      items: items.map(toCaseView),
      nextCursor: rows.length > limit && last ? encodeCursor(sort, order, sortKeyOf(sort, last)) : null,
    };
  }

  async update(actor: Actor, id: string, patch: CasePatch): Promise<CaseView> {
    requireRole(actor, Role.Registrar, Role.CaseOfficer);
    return this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, id, true);
      if (!hasRole(actor, Role.Registrar) && !(await isCaseWriter(tx, actor, row))) {
        throw registryErrors.notCaseWriter(row.diaryNumber);
      }
      const before = toCaseView(row);
      if (patch.classificationCode !== undefined) {
        await this.#assertClassification(tx, row.organisationId, patch.classificationCode);
        row.classificationCode = patch.classificationCode;
      }
      if (patch.title !== undefined) {
        row.title = patch.title.trim();
      }
      if (patch.description !== undefined) {
        row.description = patch.description;
      }
      if (patch.counterpart !== undefined) {
        row.counterpart = patch.counterpart;
      }
      await tx.save(row);
      const after = toCaseView(row);
      await this.audit.record(tx, actor, {
        action: 'case.updated',
        entityType: 'case',
        entityId: id,
        before,
        after,
        organisationIds: [row.organisationId],
      });
      return after;
    });
  }

  /** Makes a department and a case officer responsible for the case. */
  async assign(
    actor: Actor,
    id: string,
    responsible: { departmentId: string | null; personId: string | null },
  ): Promise<CaseView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction((tx) => this.assignIn(tx, actor, id, responsible));
  }

  async assignIn(
    tx: Tx,
    actor: Actor,
    id: string,
    responsible: { departmentId: string | null; personId: string | null },
  ): Promise<CaseView> {
    const row = await this.#visible(tx, actor, id, true);
    await this.#assertResponsible(tx, row.organisationId, responsible.departmentId, responsible.personId);
    const before = toCaseView(row);
    row.responsibleDepartmentId = responsible.departmentId;
    row.responsiblePersonId = responsible.personId;
    await tx.save(row);
    const after = toCaseView(row);
    await this.audit.record(tx, actor, {
      action: 'case.assigned',
      entityType: 'case',
      entityId: id,
      before: {
        responsibleDepartmentId: before.responsibleDepartmentId,
        responsiblePersonId: before.responsiblePersonId,
      },
      after: { responsibleDepartmentId: after.responsibleDepartmentId, responsiblePersonId: after.responsiblePersonId },
      organisationIds: [row.organisationId],
    });
    return after;
  }

  /**
   * Refuses (403) an actor who may read the case but not write in it: only its responsible
   * officer and its co-workers write its statement. 404 for another organisation's case.
   */
  async assertWriter(tx: Tx, actor: Actor, caseId: string): Promise<void> {
    const row = await this.#visible(tx, actor, caseId);
    if (!(await isCaseWriter(tx, actor, row))) {
      throw registryErrors.notCaseWriter(row.diaryNumber);
    }
  }

  /** The co-workers of a case, by name. */
  async coWorkers(actor: Actor, caseId: string): Promise<CaseCoWorkerView[]> {
    await this.#visible(this.db.reader, actor, caseId);
    return this.#coWorkers(this.db.reader, caseId);
  }

  /** The registrar adds a person of the organisation to write in the case; adding twice changes nothing. */
  async addCoWorker(actor: Actor, caseId: string, personId: string): Promise<CaseCoWorkerView[]> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, caseId, true);
      await this.#assertResponsible(tx, row.organisationId, null, personId);
      const inserted = await returningRows<{ case_id: string }>(
        tx,
        `INSERT INTO case_co_workers (case_id, person_id, added_by, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING case_id`,
        [caseId, personId, actorPersonId(actor), this.clock.now()],
      );
      if (inserted.length > 0) {
        await this.audit.record(tx, actor, {
          action: 'case.co_worker_added',
          entityType: 'case',
          entityId: caseId,
          after: { coWorker: personId },
          organisationIds: [row.organisationId],
        });
      }
      return this.#coWorkers(tx, caseId);
    });
  }

  /** The registrar takes a co-worker off the case: from then on they read it only. */
  async removeCoWorker(actor: Actor, caseId: string, personId: string): Promise<void> {
    requireRole(actor, Role.Registrar);
    await this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, caseId, true);
      const removed = await tx.delete(CaseCoWorkerEntity, { caseId, personId });
      if (!removed.affected) {
        throw registryErrors.coWorkerNotFound();
      }
      await this.audit.record(tx, actor, {
        action: 'case.co_worker_removed',
        entityType: 'case',
        entityId: caseId,
        before: { coWorker: personId },
        organisationIds: [row.organisationId],
      });
    });
  }

  async #coWorkers(manager: Reader, caseId: string): Promise<CaseCoWorkerView[]> {
    const rows = await manager.find(CaseCoWorkerEntity, { where: { caseId }, order: { addedAt: 'ASC' } });
    const names = new Map(
      (
        await this.people.contacts(
          rows.map((r) => r.personId),
          manager,
        )
      ).map((p) => [p.id, p.name]),
    );
    return rows.map((r) => ({
      personId: r.personId,
      name: names.get(r.personId) ?? '',
      addedBy: r.addedBy,
      addedAt: r.addedAt.toISOString(),
    }));
  }

  /** Closes the case (who and when are recorded); a closed case takes no new documents. */
  async close(actor: Actor, id: string): Promise<CaseView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, id, true);
      if (row.status === 'closed') {
        throw registryErrors.caseAlreadyInState(row.diaryNumber, 'closed');
      }
      row.status = 'closed';
      row.closedAt = this.clock.now();
      row.closedBy = actorPersonId(actor);
      await tx.save(row);
      await this.audit.record(tx, actor, {
        action: 'case.closed',
        entityType: 'case',
        entityId: id,
        before: { status: 'open' },
        after: { status: 'closed', closedAt: row.closedAt, closedBy: row.closedBy },
        organisationIds: [row.organisationId],
      });
      return toCaseView(row);
    });
  }

  async reopen(actor: Actor, id: string): Promise<CaseView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, id, true);
      if (row.status === 'open') {
        throw registryErrors.caseAlreadyInState(row.diaryNumber, 'open');
      }
      const before = { status: row.status, closedAt: row.closedAt, closedBy: row.closedBy };
      row.status = 'open';
      row.closedAt = null;
      row.closedBy = null;
      await tx.save(row);
      await this.audit.record(tx, actor, {
        action: 'case.reopened',
        entityType: 'case',
        entityId: id,
        before,
        after: { status: 'open' },
        organisationIds: [row.organisationId],
      });
      return toCaseView(row);
    });
  }

  /** Loads a case the actor's organisation owns (404 otherwise), optionally locking it. */
  #visible(manager: Tx, actor: Actor, id: string, lock: true): Promise<CaseEntity>;
  #visible(manager: Reader, actor: Actor, id: string, lock?: false): Promise<CaseEntity>;
  async #visible(manager: Reader, actor: Actor, id: string, lock = false): Promise<CaseEntity> {
    const row = await manager.findOne(CaseEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
      throw registryErrors.caseNotFound();
    }
    return row;
  }

  async #assertClassification(tx: Tx, organisationId: string, code: string | null | undefined): Promise<void> {
    if (code && !(await tx.existsBy(RecordsPlanEntryEntity, { organisationId, code, active: true }))) {
      throw registryErrors.classificationUnknown(code);
    }
  }

  async #assertResponsible(
    tx: Tx,
    organisationId: string,
    departmentId?: string | null,
    personId?: string | null,
  ): Promise<void> {
    if (departmentId) {
      const department = await this.departments.findById(departmentId, tx);
      if (department?.organisationId !== organisationId) {
        throw registryErrors.departmentNotFound();
      }
    }
    if (personId) {
      const person = await this.people.findById(personId, tx);
      const belongs =
        person &&
        (person.organisationId === organisationId || person.roles.some((r) => r.organisationId === organisationId));
      if (!person || person.disabled || !belongs) {
        throw registryErrors.personNotFound();
      }
    }
  }
}
