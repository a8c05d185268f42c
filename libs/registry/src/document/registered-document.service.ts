import {
  type Actor,
  actorPersonId,
  AuditService,
  Clock,
  Db,
  DomainError,
  ErrorKind,
  hasRole,
  JobName,
  isIsoDate,
  localDate,
  mustExist,
  mustFind,
  OutboxService,
  type Reader,
  requireRole,
  returningRows,
  Role,
  type Tx,
} from '@app/platform';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { In, IsNull } from 'typeorm';

import { isCaseWriter } from '../case/case-writers.js';
import { CaseEntity } from '../case/case.entity.js';
import { formatDocumentNumber } from '../diary-number.js';
import { FileBlobEntity } from '../file/file-blob.entity.js';
import { FileStoreService, type IncomingFile, type StoredFile } from '../file/file-store.service.js';
import { registryErrors } from '../registry.errors.js';
import { contains, searchPattern } from '../search/search-text.js';
import type { DocumentDirection, Page, RegisteredDocumentView } from '../registry.views.js';
import { RegisteredDocumentEntity } from './registered-document.entity.js';
import { isWithheldFrom, SECRET_COUNTERPART, secretTitle } from './secrecy.js';

export interface RegisterDocumentInput {
  readonly direction: DocumentDirection;
  readonly kind: string;
  readonly title: string;
  /** The day it arrived or was sent; today when left out. */
  readonly documentDate?: string;
  readonly counterpart?: string | null;
  /** Registering the same origin twice returns the first document. */
  readonly originKey?: string;
  /**
   * The document this one copies from another organisation (the system registering a remiss's
   * documents at a recipient): the copy carries the original's secrecy marking and ground.
   */
  readonly copyOf?: string;
}

/** A file for a document registered inside a caller's transaction: content already stored, bytes to store, or an upload. */
export type SystemAttachment =
  | { readonly blobId: string; readonly fileName: string }
  | { readonly bytes: Buffer; readonly fileName: string; readonly mediaType: string }
  | { readonly upload: IncomingFile };

export interface DocumentQuery {
  readonly q?: string;
  readonly caseId?: string;
  readonly direction?: DocumentDirection;
  readonly kind?: string;
  readonly from?: string;
  readonly to?: string;
  readonly includeAnnulled?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

export interface DocumentFile {
  readonly stream: Readable;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

type Row = RegisteredDocumentEntity & {
  diaryNumber: string;
  documentSeparator: string;
  responsiblePersonId: string | null;
};
/** What a view needs of a document's case and of its file. */
type CaseFields = Pick<CaseEntity, 'diaryNumber' | 'documentSeparator' | 'responsiblePersonId'>;
type BlobFields = Pick<FileBlobEntity, 'size' | 'mediaType' | 'sha256'>;
type StoredBlob = Pick<StoredFile, 'size' | 'mediaType' | 'sha256'>;

/** Legal grounds look like `OSL 26 kap. 1 §` (chapter and section of the secrecy act). */
const SECRECY_GROUND = /^OSL \d{1,2} kap\. \d{1,2}(?: [a-z])? §(?: .{1,100})?$/;

/**
 * Registered documents (handlingar): numbered within their case, never deleted (annulled with a
 * reason instead), optionally secret under OSL — then masked in lists and searches for those
 * without access, and their file withheld from them.
 */
@Injectable()
export class RegisteredDocumentService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly files: FileStoreService,
    private readonly outbox: OutboxService,
  ) {}

  /** A registrar or case officer registers a document, with an uploaded file or without. */
  async register(
    actor: Actor,
    caseId: string,
    input: RegisterDocumentInput,
    file?: IncomingFile,
  ): Promise<RegisteredDocumentView> {
    requireRole(actor, Role.Registrar, Role.CaseOfficer);
    return this.db.transaction(async (tx) => {
      const row = await this.#insert(
        tx,
        actor,
        caseId,
        input,
        { checkOwner: true, streams: file !== undefined },
        async () => {
          if (!file) {
            return null;
          }
          const stored = await this.files.store(tx, file);
          return { blobId: stored.blobId, fileName: file.fileName, blob: stored };
        },
      );
      return this.#view(tx, actor, row, row.blob);
    });
  }

  /** The system registers a document inside the caller's transaction (distribution, decisions, signed PDFs). */
  async registerIn(
    tx: Tx,
    actor: Actor,
    caseId: string,
    input: RegisterDocumentInput,
    attachment?: SystemAttachment,
  ): Promise<RegisteredDocumentView & { readonly fileBlobId: string | null }> {
    if (input.originKey) {
      const existing = await tx.findOneBy(RegisteredDocumentEntity, { originKey: input.originKey });
      if (existing) {
        return { ...(await this.#view(tx, actor, existing)), fileBlobId: existing.fileBlobId };
      }
    }
    // The calling library has authorised the action; it may register in another organisation's
    // case (an answer lands in the sender's case), and the audit record names who acted.
    const streams = attachment !== undefined && 'upload' in attachment;
    const row = await this.#insert(
      tx,
      actor,
      caseId,
      input,
      { checkOwner: false, streams, reopenClosed: true },
      async () => {
        if (!attachment) {
          return null;
        }
        if ('blobId' in attachment) {
          return attachment;
        }
        if ('upload' in attachment) {
          const uploaded = await this.files.store(tx, attachment.upload);
          return { blobId: uploaded.blobId, fileName: attachment.upload.fileName, blob: uploaded };
        }
        const stored = await this.files.storeBuffer(tx, attachment.fileName, attachment.mediaType, attachment.bytes);
        return { blobId: stored.blobId, fileName: attachment.fileName, blob: stored };
      },
    );
    return { ...(await this.#view(tx, actor, row, row.blob)), fileBlobId: row.fileBlobId };
  }

  /** {@link registerIn} of a document with its file: the view carries the stored file's id. */
  async registerFileIn(
    tx: Tx,
    actor: Actor,
    caseId: string,
    input: RegisterDocumentInput,
    attachment: SystemAttachment,
  ): Promise<RegisteredDocumentView & { readonly fileBlobId: string }> {
    const { fileBlobId, ...registered } = await this.registerIn(tx, actor, caseId, input, attachment);
    if (fileBlobId === null) {
      // An earlier registration under the same origin key was made without a file.
      throw registryErrors.noFile(registered.documentNumber);
    }
    return { ...registered, fileBlobId };
  }

  async get(actor: Actor, id: string): Promise<RegisteredDocumentView> {
    const row = await this.#visible(this.db.reader, actor, id);
    return this.#view(this.db.reader, actor, row);
  }

  /** For other libraries acting for the system. */
  async findById(id: string, reader?: Reader): Promise<RegisteredDocumentView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(RegisteredDocumentEntity, { id });
    return row ? this.#view(reader ?? this.db.reader, { kind: 'system', process: 'lookup' }, row) : undefined;
  }

  /**
   * For other libraries showing registered documents outside the registry: of these documents,
   * the ones secret for this actor, each with its ground and whether the actor is kept from its
   * title, counterpart and file (the registry's own rule). Where the actor's organisation holds
   * a copy of the document, its copy decides: its registrar may have reviewed the marking. For
   * the system every secret document is listed, unmasked: what it prints shows `secretTitle`.
   * One query.
   */
  async secrecyFor(
    actor: Actor,
    ids: readonly string[],
    reader?: Reader,
  ): Promise<Map<string, { readonly ground: string; readonly masked: boolean }>> {
    const found = new Map<string, { ground: string; masked: boolean }>();
    if (ids.length === 0) {
      return found;
    }
    const rows = await (reader ?? this.db.reader).query<
      { id: string; ground: string; organisation_id: string; responsible_person_id: string | null }[]
    >(
      `SELECT o.id, d.secrecy_ground AS ground, d.organisation_id, c.responsible_person_id
       FROM registered_documents o
       LEFT JOIN LATERAL (
         SELECT x.id FROM registered_documents x
         WHERE x.copied_from_id = o.id AND x.organisation_id = $2::uuid AND o.organisation_id <> $2::uuid
         ORDER BY x.registered_at LIMIT 1
       ) copy ON true
       JOIN registered_documents d ON d.id = COALESCE(copy.id, o.id)
       JOIN cases c ON c.id = d.case_id
       WHERE o.id = ANY($1::uuid[]) AND d.secrecy_ground IS NOT NULL`,
      [[...ids], actor.kind === 'person' ? actor.organisationId : null],
    );
    for (const r of rows) {
      const masked = isWithheldFrom(actor, {
        organisationId: r.organisation_id,
        secrecyGround: r.ground,
        responsiblePersonId: r.responsible_person_id,
      });
      found.set(r.id, { ground: r.ground, masked });
    }
    return found;
  }

  async listForCase(actor: Actor, caseId: string, reader?: Reader): Promise<RegisteredDocumentView[]> {
    const manager = reader ?? this.db.reader;
    const owner = await manager.findOneBy(CaseEntity, { id: caseId });
    if (!owner || (actor.kind === 'person' && owner.organisationId !== actor.organisationId)) {
      throw registryErrors.caseNotFound();
    }
    const rows = await manager.find(RegisteredDocumentEntity, { where: { caseId }, order: { number: 'ASC' } });
    return this.#views(manager, actor, rows);
  }

  async search(actor: Actor, query: DocumentQuery): Promise<Page<RegisteredDocumentView>> {
    if (actor.kind !== 'person') {
      return { total: 0, limit: 0, offset: 0, items: [] };
    }
    const limit = Math.min(query.limit ?? 50, 200);
    const offset = query.offset ?? 0;
    const qb = this.db.reader
      .createQueryBuilder(RegisteredDocumentEntity, 'd')
      .innerJoin(CaseEntity, 'c', 'c.id = d.case_id')
      .where('d.organisation_id = :org', { org: actor.organisationId });
    if (query.q) {
      // A secret title is searchable only by those who may read it, or the search would leak it
      // (the rule of isWithheldFrom, within the actor's own organisation).
      const seeAll = hasRole(actor, Role.Registrar);
      // Its title and counterpart likewise; its number, and its case's other party and their
      // reference (`Ku2025/01234`), are public.
      qb.andWhere(
        `(((${contains('d.title')} OR ${contains('d.counterpart')})
            AND (d.secrecy_ground IS NULL OR :seeAll OR c.responsible_person_id = :me))
          OR ${contains(`c.diary_number || c.document_separator || d.number`)}
          OR ${contains('c.counterpart')} OR ${contains('c.linked_diary_number')})`,
        { q: searchPattern(query.q), seeAll, me: actor.personId },
      );
    }
    if (query.caseId) {
      qb.andWhere('d.case_id = :caseId', { caseId: query.caseId });
    }
    if (query.direction) {
      qb.andWhere('d.direction = :direction', { direction: query.direction });
    }
    if (query.kind) {
      qb.andWhere('d.kind = :kind', { kind: query.kind });
    }
    if (query.from) {
      qb.andWhere('d.registered_on >= :from', { from: query.from });
    }
    if (query.to) {
      qb.andWhere('d.registered_on <= :to', { to: query.to });
    }
    if (!query.includeAnnulled) {
      qb.andWhere('d.annulled_at IS NULL');
    }
    const [rows, total] = await qb
      .orderBy('d.registered_at', 'DESC')
      .addOrderBy('d.number', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { total, limit, offset, items: await this.#views(this.db.reader, actor, rows) };
  }

  /** Annuls a mistaken entry: it stays in the register, marked, with the reason. */
  async annul(actor: Actor, id: string, reason: string): Promise<RegisteredDocumentView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction((tx) => this.annulIn(tx, actor, id, reason));
  }

  /** Annuls inside the caller's transaction, for a workflow that withdraws its own entry. */
  async annulIn(tx: Tx, actor: Actor, id: string, reason: string): Promise<RegisteredDocumentView> {
    {
      const row = await this.#visible(tx, actor, id, true);
      if (row.annulledAt) {
        throw registryErrors.alreadyAnnulled(formatDocumentNumber(row.diaryNumber, row.number, row.documentSeparator));
      }
      const at = this.clock.now();
      await tx.update(
        RegisteredDocumentEntity,
        { id },
        { annulledAt: at, annulledBy: actorPersonId(actor), annulmentReason: reason.trim() },
      );
      await this.audit.record(tx, actor, {
        action: 'document.annulled',
        entityType: 'registered_document',
        entityId: id,
        before: { annulled: false },
        after: { annulled: true, reason: reason.trim() },
        organisationIds: [row.organisationId],
      });
      return this.#view(tx, actor, {
        ...row,
        annulledAt: at,
        annulledBy: actorPersonId(actor),
        annulmentReason: reason.trim(),
      });
    }
  }

  /** Marks a document secret under OSL: its title is masked and its file withheld from those without access. */
  async markSecret(actor: Actor, id: string, ground: string): Promise<RegisteredDocumentView> {
    requireRole(actor, Role.Registrar);
    const normalised = ground.trim().replace(/\s+/g, ' ');
    if (!SECRECY_GROUND.test(normalised)) {
      throw new DomainError(
        'registry.secrecy_ground_invalid',
        ErrorKind.Invalid,
        normalised
          ? `”${ground}” är inte en sekretessgrund. Ange kapitel och paragraf i offentlighets- och sekretesslagen, till exempel OSL 26 kap. 1 §.`
          : 'Ange sekretessgrunden: kapitel och paragraf i offentlighets- och sekretesslagen, till exempel OSL 26 kap. 1 §.',
        { field: 'ground' },
      );
    }
    return this.#setSecrecy(actor, id, normalised, null);
  }

  /** Lifts the secrecy mark (recorded with the reason, when given). */
  async liftSecrecy(actor: Actor, id: string, reason: string | null): Promise<RegisteredDocumentView> {
    requireRole(actor, Role.Registrar);
    return this.#setSecrecy(actor, id, null, reason);
  }

  /** The document's file as a stream, unless it is withheld from the actor. */
  async openFile(actor: Actor, id: string): Promise<DocumentFile> {
    const row = await this.#visible(this.db.reader, actor, id);
    if (!row.fileBlobId || !row.fileName) {
      throw registryErrors.noFile(formatDocumentNumber(row.diaryNumber, row.number, row.documentSeparator));
    }
    if (isWithheldFrom(actor, row)) {
      throw registryErrors.fileWithheld();
    }
    const blob = await mustFind(this.db.reader.findOneBy(FileBlobEntity, { id: row.fileBlobId }), () =>
      registryErrors.noFile(formatDocumentNumber(row.diaryNumber, row.number, row.documentSeparator)),
    );
    return {
      stream: this.files.open(blob.id),
      fileName: row.fileName,
      mediaType: blob.mediaType,
      size: Number(blob.size),
      sha256: blob.sha256,
    };
  }

  async #setSecrecy(
    actor: Actor,
    id: string,
    ground: string | null,
    reason: string | null,
  ): Promise<RegisteredDocumentView> {
    return this.db.transaction(async (tx) => {
      const row = await this.#visible(tx, actor, id, true);
      const number = formatDocumentNumber(row.diaryNumber, row.number, row.documentSeparator);
      if ((row.secrecyGround === null) === (ground === null)) {
        throw registryErrors.secrecyUnchanged(number, ground !== null);
      }
      await tx.update(RegisteredDocumentEntity, { id }, { secrecyGround: ground });
      await this.audit.record(tx, actor, {
        action: ground ? 'document.secrecy_marked' : 'document.secrecy_lifted',
        entityType: 'registered_document',
        entityId: id,
        before: { secrecyGround: row.secrecyGround },
        after: { secrecyGround: ground, ...(reason ? { reason } : {}) },
        organisationIds: [row.organisationId],
      });
      if (ground) {
        await this.#markCopies(tx, actor, id, number, ground);
      }
      return this.#view(tx, actor, { ...row, secrecyGround: ground });
    });
  }

  /**
   * The marking travels to the copies other organisations hold that are not marked: their
   * registrars then review it. Lifting it here lifts nothing there: each registrar decides for
   * the copy in their own registry.
   */
  async #markCopies(tx: Tx, actor: Actor, originalId: string, originalNumber: string, ground: string): Promise<void> {
    const copies = await tx.find(RegisteredDocumentEntity, {
      where: { copiedFromId: originalId, secrecyGround: IsNull() },
      order: { registeredAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (copies.length === 0) {
      return;
    }
    await tx.update(RegisteredDocumentEntity, { id: In(copies.map((c) => c.id)) }, { secrecyGround: ground });
    await this.audit.record(
      tx,
      actor,
      copies.map((copy) => ({
        action: 'document.secrecy_marked',
        entityType: 'registered_document',
        entityId: copy.id,
        before: { secrecyGround: null },
        after: { secrecyGround: ground, reason: `originalet ${originalNumber} sekretessmarkerades hos avsändaren` },
        organisationIds: [copy.organisationId],
      })),
    );
  }

  async #insert(
    tx: Tx,
    actor: Actor,
    caseId: string,
    input: RegisterDocumentInput,
    options: { readonly checkOwner: boolean; readonly streams: boolean; readonly reopenClosed?: boolean },
    attach: () => Promise<{ blobId: string; fileName: string; blob?: StoredBlob } | null>,
  ): Promise<Row & { blob?: StoredBlob }> {
    const now = this.clock.now();
    const documentDate = input.documentDate ?? localDate(now);
    if (!isIsoDate(documentDate)) {
      throw new DomainError(
        'registry.date_invalid',
        ErrorKind.Invalid,
        'documentDate måste vara ett datum (ÅÅÅÅ-MM-DD).',
      );
    }
    if (options.checkOwner || options.streams) {
      // Checked before the upload streams in, and before the case is locked, so that a long
      // upload neither holds up others nor is wasted on a case that takes no documents.
      const checked = await tx.findOneBy(CaseEntity, { id: caseId });
      if (
        !checked ||
        (options.checkOwner && actor.kind === 'person' && checked.organisationId !== actor.organisationId)
      ) {
        throw registryErrors.caseNotFound();
      }
      if (checked.status === 'closed' && !options.reopenClosed) {
        throw registryErrors.caseClosed(checked.diaryNumber);
      }
      // The registrars register in every case; anyone else only in a case they write in.
      if (options.checkOwner && !hasRole(actor, Role.Registrar) && !(await isCaseWriter(tx, actor, checked))) {
        throw registryErrors.notCaseWriter(checked.diaryNumber);
      }
    }
    const file = await attach();
    // Read under a share lock: a marking of the original being committed just now is waited for
    // and copied, and one committed later finds this copy (#markCopies).
    const original = input.copyOf
      ? await tx.findOne(RegisteredDocumentEntity, {
          where: { id: input.copyOf },
          lock: { mode: 'pessimistic_read' },
        })
      : null;
    if (input.copyOf && !original) {
      throw registryErrors.documentNotFound();
    }
    let owner = await this.#takeNextNumber(tx, caseId);
    if (!owner) {
      const closed = await tx.findOneBy(CaseEntity, { id: caseId });
      if (!closed) {
        throw registryErrors.caseNotFound();
      }
      if (!options.reopenClosed) {
        throw registryErrors.caseClosed(closed.diaryNumber);
      }
      await this.#reopenFor(tx, actor, closed, input.title);
      owner = await mustFind(this.#takeNextNumber(tx, caseId), registryErrors.caseNotFound);
    }
    const number = owner.last_document_number;
    const saved = await tx.save(
      tx.create(RegisteredDocumentEntity, {
        caseId,
        organisationId: owner.organisation_id,
        number,
        direction: input.direction,
        kind: input.kind.trim(),
        title: input.title.trim(),
        documentDate,
        registeredOn: localDate(now),
        registeredAt: now,
        registeredBy: actorPersonId(actor),
        counterpart: input.counterpart ?? null,
        fileBlobId: file?.blobId ?? null,
        fileName: file?.fileName ?? null,
        originKey: input.originKey ?? null,
        copiedFromId: original?.id ?? null,
        secrecyGround: original?.secrecyGround ?? null,
        annulledAt: null,
        annulledBy: null,
        annulmentReason: null,
      }),
    );
    if (saved.fileBlobId) {
      // Its text is read for the search after the commit, off the request.
      await this.outbox.add(tx, JobName.ExtractDocumentText, { documentId: saved.id });
    }
    await this.audit.record(tx, actor, {
      action: 'document.registered',
      entityType: 'registered_document',
      entityId: saved.id,
      after: {
        documentNumber: formatDocumentNumber(owner.diary_number, number, owner.document_separator),
        direction: saved.direction,
        kind: saved.kind,
        title: saved.title,
        documentDate: saved.documentDate,
        counterpart: saved.counterpart,
        fileBlobId: saved.fileBlobId,
        fileName: saved.fileName,
        ...(saved.copiedFromId ? { copiedFromId: saved.copiedFromId, secrecyGround: saved.secrecyGround } : {}),
      },
      organisationIds: [owner.organisation_id],
    });
    return {
      ...saved,
      diaryNumber: owner.diary_number,
      documentSeparator: owner.document_separator,
      responsiblePersonId: owner.responsible_person_id,
      ...(file?.blob ? { blob: file.blob } : {}),
    };
  }

  /**
   * Takes the case's next document number. It locks the case: numbers within it are serialised
   * and a concurrent close waits. A closed case takes nothing (undefined).
   */
  async #takeNextNumber(
    tx: Tx,
    caseId: string,
  ): Promise<
    | {
        organisation_id: string;
        diary_number: string;
        document_separator: string;
        responsible_person_id: string | null;
        last_document_number: number;
      }
    | undefined
  > {
    const [owner] = await returningRows<{
      organisation_id: string;
      diary_number: string;
      document_separator: string;
      responsible_person_id: string | null;
      last_document_number: number;
    }>(
      tx,
      `UPDATE cases SET last_document_number = last_document_number + 1, updated_at = now()
       WHERE id = $1 AND status <> 'closed'
       RETURNING organisation_id, diary_number, document_separator, responsible_person_id, last_document_number`,
      [caseId],
    );
    return owner;
  }

  /**
   * A document another body sends, or the system issues, into a closed case opens it again, as a
   * registrar would on its arrival: it is never lost for want of an open case.
   */
  async #reopenFor(tx: Tx, actor: Actor, closed: CaseEntity, documentTitle: string): Promise<void> {
    await tx.query(`UPDATE cases SET status = 'open', closed_at = NULL, closed_by = NULL WHERE id = $1`, [closed.id]);
    await this.audit.record(tx, actor, {
      action: 'case.reopened',
      entityType: 'case',
      entityId: closed.id,
      before: { status: 'closed', closedAt: closed.closedAt, closedBy: closed.closedBy },
      after: { status: 'open', reason: `handlingen ”${documentTitle.trim()}” kom in i det avslutade ärendet` },
      organisationIds: [closed.organisationId],
    });
  }

  #visible(manager: Tx, actor: Actor, id: string, lock: true): Promise<Row>;
  #visible(manager: Reader, actor: Actor, id: string, lock?: false): Promise<Row>;
  async #visible(manager: Reader, actor: Actor, id: string, lock = false): Promise<Row> {
    const row = await manager.findOne(RegisteredDocumentEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
      throw registryErrors.documentNotFound();
    }
    const owner = await mustFind(manager.findOneBy(CaseEntity, { id: row.caseId }), registryErrors.documentNotFound);
    return {
      ...row,
      diaryNumber: owner.diaryNumber,
      documentSeparator: owner.documentSeparator,
      responsiblePersonId: owner.responsiblePersonId,
    };
  }

  /** One document's view; a row just registered brings its case's fields and its file's along, saving the reads. */
  async #view(
    manager: Reader,
    actor: Actor,
    row: RegisteredDocumentEntity | Row,
    blob?: StoredBlob,
  ): Promise<RegisteredDocumentView> {
    const known =
      'diaryNumber' in row && (row.fileBlobId === null || blob)
        ? {
            cases: new Map([
              [
                row.caseId,
                {
                  diaryNumber: row.diaryNumber,
                  documentSeparator: row.documentSeparator,
                  responsiblePersonId: row.responsiblePersonId,
                },
              ],
            ]),
            blobs: new Map(blob && row.fileBlobId ? [[row.fileBlobId, { ...blob, size: String(blob.size) }]] : []),
          }
        : undefined;
    const [view] = await this.#views(manager, actor, [row], known);
    return mustExist(view, registryErrors.documentNotFound);
  }

  async #views(
    manager: Reader,
    actor: Actor,
    rows: readonly (RegisteredDocumentEntity | Row)[],
    known?: { cases: ReadonlyMap<string, CaseFields>; blobs: ReadonlyMap<string, BlobFields> },
  ): Promise<RegisteredDocumentView[]> {
    if (rows.length === 0) {
      return [];
    }
    const cases: ReadonlyMap<string, CaseFields> =
      known?.cases ??
      new Map(
        (await manager.findBy(CaseEntity, { id: In([...new Set(rows.map((r) => r.caseId))]) })).map(
          (c) => [c.id, c] as const,
        ),
      );
    const blobIds = [...new Set(rows.map((r) => r.fileBlobId).filter((id): id is string => id !== null))];
    const blobs: ReadonlyMap<string, BlobFields> =
      known?.blobs ??
      new Map(
        blobIds.length
          ? (await manager.findBy(FileBlobEntity, { id: In(blobIds) })).map((b) => [b.id, b] as const)
          : [],
      );
    return rows.map((row) => {
      const owner = mustExist(cases.get(row.caseId), registryErrors.documentNotFound);
      const masked = isWithheldFrom(actor, { ...row, responsiblePersonId: owner.responsiblePersonId });
      const maskedGround = masked ? row.secrecyGround : null;
      const blob = row.fileBlobId ? blobs.get(row.fileBlobId) : undefined;
      return {
        id: row.id,
        caseId: row.caseId,
        organisationId: row.organisationId,
        number: row.number,
        documentNumber: formatDocumentNumber(owner.diaryNumber, row.number, owner.documentSeparator),
        direction: row.direction,
        kind: row.kind,
        title: maskedGround !== null ? secretTitle(maskedGround) : row.title,
        documentDate: row.documentDate,
        registeredOn: row.registeredOn,
        registeredAt: row.registeredAt.toISOString(),
        registeredBy: row.registeredBy,
        counterpart: masked && row.counterpart !== null ? SECRET_COUNTERPART : row.counterpart,
        file:
          blob && row.fileName && !masked
            ? { name: row.fileName, size: Number(blob.size), mediaType: blob.mediaType, sha256: blob.sha256 }
            : null,
        secrecy: row.secrecyGround ? { ground: row.secrecyGround } : null,
        masked,
        annulled: row.annulledAt
          ? { at: row.annulledAt.toISOString(), by: row.annulledBy, reason: row.annulmentReason ?? '' }
          : null,
      };
    });
  }
}
