import { Clock, Db, JobName, type LiveEvent, LiveEvents, OutboxService, type Reader, type Tx } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { type DocumentKind, IssueStatus } from './document-kind.js';
import { IssuedDocumentEntity } from './issued-document.entity.js';

export interface IssueRequest {
  readonly kind: DocumentKind;
  readonly subjectId: string;
  readonly revision: number;
  /** A later edition of the same revision (1 when left out). */
  readonly edition?: number;
  readonly organisationId: string;
  readonly caseId: string;
  /** What the document is made from, as it stands now, when it could change before it is rendered. */
  readonly snapshot?: object;
}

export interface IssuedDocumentView {
  readonly id: string;
  readonly organisationId: string;
  readonly caseId: string;
  readonly kind: DocumentKind;
  readonly subjectId: string;
  readonly revision: number;
  readonly edition: number;
  readonly status: IssueStatus;
  readonly failureReason: string | null;
  readonly sha256: string | null;
  readonly fileName: string | null;
  readonly fileBlobId: string | null;
  readonly registeredDocumentId: string | null;
  readonly certificateFingerprint: string | null;
  readonly signedAt: string | null;
  readonly signatories: readonly { name: string; title: string; approvedAt: string }[] | null;
  readonly requestedAt: string;
}

/** A signed document's stored file, as another case registers it. */
export interface SignedFile {
  readonly blobId: string;
  readonly fileName: string;
}

/** The stored file of a signed document; null while it is not signed (queued, rendering, failed). */
export function signedFileOf(document: IssuedDocumentView | null | undefined): SignedFile | null {
  if (document?.status !== IssueStatus.Signed || document.fileBlobId === null || document.fileName === null) {
    return null;
  }
  return { blobId: document.fileBlobId, fileName: document.fileName };
}

export function toIssuedView(e: IssuedDocumentEntity): IssuedDocumentView {
  return {
    id: e.id,
    organisationId: e.organisationId,
    caseId: e.caseId,
    kind: e.kind,
    subjectId: e.subjectId,
    revision: e.revision,
    edition: e.edition,
    status: e.status,
    failureReason: e.failureReason,
    sha256: e.sha256,
    fileName: e.fileName,
    fileBlobId: e.fileBlobId,
    registeredDocumentId: e.registeredDocumentId,
    certificateFingerprint: e.certificateFingerprint,
    signedAt: e.signedAt?.toISOString() ?? null,
    signatories: e.signatories,
    requestedAt: e.requestedAt.toISOString(),
  };
}

function issuedEvent(document: Pick<IssuedDocumentEntity, 'id' | 'status' | 'kind' | 'subjectId'>): LiveEvent {
  return {
    type: 'issued-document',
    id: document.id,
    status: document.status,
    kind: document.kind,
    subjectId: document.subjectId,
  };
}

/**
 * Asks for a signed document inside the transaction of the state change that calls for it: the
 * row (queued) and the rendering job commit together. Asking again for the same kind, subject,
 * revision and edition returns the first request.
 */
@Injectable()
export class IssuanceService {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly live: LiveEvents,
  ) {}

  async request(tx: Tx, request: IssueRequest): Promise<IssuedDocumentView> {
    const edition = request.edition ?? 1;
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(IssuedDocumentEntity)
      .values({ ...request, edition, status: IssueStatus.Queued, requestedAt: this.clock.now() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (id) {
      await this.outbox.add(tx, JobName.RenderDocument, { documentId: id });
    }
    const row = await tx.findOneByOrFail(IssuedDocumentEntity, {
      kind: request.kind,
      subjectId: request.subjectId,
      revision: request.revision,
      edition,
    });
    if (id) {
      this.#announceAfterCommit(tx, row);
    }
    return toIssuedView(row);
  }

  /** The snapshot taken when the document was asked for, if one was. */
  async snapshotOf(id: string, reader?: Reader): Promise<object | undefined> {
    const row = await (reader ?? this.db.reader).findOne(IssuedDocumentEntity, {
      select: { id: true, snapshot: true },
      where: { id },
    });
    return row?.snapshot ?? undefined;
  }

  /** The latest edition of a kind of document of a subject's revision. */
  async find(
    kind: DocumentKind,
    subjectId: string,
    revision: number,
    reader?: Reader,
  ): Promise<IssuedDocumentView | undefined> {
    const row = await (reader ?? this.db.reader).findOne(IssuedDocumentEntity, {
      where: { kind, subjectId, revision },
      order: { edition: 'DESC' },
    });
    return row ? toIssuedView(row) : undefined;
  }

  async findById(id: string, reader?: Reader): Promise<IssuedDocumentView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(IssuedDocumentEntity, { id });
    return row ? toIssuedView(row) : undefined;
  }

  async forSubjects(subjectIds: readonly string[], reader?: Reader): Promise<IssuedDocumentView[]> {
    if (subjectIds.length === 0) {
      return [];
    }
    const rows = await (reader ?? this.db.reader).find(IssuedDocumentEntity, {
      where: { subjectId: In([...subjectIds]) },
      order: { requestedAt: 'ASC', kind: 'ASC', edition: 'ASC' },
    });
    return rows.map(toIssuedView);
  }

  /** An organisation's documents, the latest asked for first, at most `limit`. */
  async forOrganisation(organisationId: string, limit: number, reader?: Reader): Promise<IssuedDocumentView[]> {
    const rows = await (reader ?? this.db.reader).find(IssuedDocumentEntity, {
      where: { organisationId },
      order: { requestedAt: 'DESC', kind: 'ASC', edition: 'DESC' },
      take: limit,
    });
    return rows.map(toIssuedView);
  }

  async findBySha256(sha256: string): Promise<IssuedDocumentView | undefined> {
    const row = await this.db.reader.findOneBy(IssuedDocumentEntity, { sha256, status: IssueStatus.Signed });
    return row ? toIssuedView(row) : undefined;
  }

  async findBySignatureSha256(signatureSha256: string): Promise<IssuedDocumentView | undefined> {
    const row = await this.db.reader.findOneBy(IssuedDocumentEntity, { signatureSha256, status: IssueStatus.Signed });
    return row ? toIssuedView(row) : undefined;
  }

  /**
   * Takes a document up for rendering (committed at once, so its progress is visible). Returns
   * undefined when it is signed already. A document left 'rendering' by a worker that died is
   * taken up again: only one job holds it at a time.
   */
  async claim(id: string): Promise<IssuedDocumentView | undefined> {
    // One statement, atomic on its own: no transaction to open and close around it.
    const claimed = await this.db.reader
      .createQueryBuilder()
      .update(IssuedDocumentEntity)
      .set({ status: IssueStatus.Rendering, attempts: () => 'attempts + 1', failureReason: null })
      .where('id = :id AND status <> :signed', { id, signed: IssueStatus.Signed })
      .returning(['id'])
      .execute();
    if ((claimed.raw as unknown[]).length === 0) {
      return undefined;
    }
    const document = await this.findById(id);
    if (document) {
      await this.#announce(document);
    }
    return document;
  }

  /** Locks a document row inside the storing transaction. */
  async lockIn(tx: Tx, id: string): Promise<IssuedDocumentView | undefined> {
    const row = await tx.findOne(IssuedDocumentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toIssuedView(row) : undefined;
  }

  async markSignedIn(
    tx: Tx,
    id: string,
    signed: {
      sha256: string;
      signatureSha256: string | null;
      fileBlobId: string;
      fileName: string;
      registeredDocumentId: string;
      certificateFingerprint: string;
      signedAt: Date;
      signatories: { name: string; title: string; approvedAt: string }[];
    },
  ): Promise<void> {
    await tx.update(IssuedDocumentEntity, { id }, { ...signed, status: IssueStatus.Signed, failureReason: null });
    this.#announceAfterCommit(tx, await tx.findOneByOrFail(IssuedDocumentEntity, { id }));
  }

  /**
   * Puts a failed document back in the queue (a registrar's "try again" once the cause is
   * mended): the row is queued again and a new rendering job commits with it. Returns undefined
   * when the document is not failed.
   */
  async retryIn(tx: Tx, id: string): Promise<IssuedDocumentView | undefined> {
    const row = await tx.findOne(IssuedDocumentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (row?.status !== IssueStatus.Failed) {
      return undefined;
    }
    await tx.update(IssuedDocumentEntity, { id }, { status: IssueStatus.Queued, failureReason: null });
    await this.outbox.add(tx, JobName.RenderDocument, { documentId: id });
    const queued = { ...row, status: IssueStatus.Queued, failureReason: null };
    this.#announceAfterCommit(tx, queued);
    return toIssuedView(queued);
  }

  /** Records a failure: for good (the reason stays visible), or for a retry (back in the queue). */
  async fail(id: string, permanent: boolean, reason: string): Promise<void> {
    const result = await this.db.reader.update(
      IssuedDocumentEntity,
      { id, status: In([IssueStatus.Queued, IssueStatus.Rendering]) },
      { status: permanent ? IssueStatus.Failed : IssueStatus.Queued, failureReason: reason.slice(0, 2000) },
    );
    const document = result.affected ? await this.findById(id) : undefined;
    if (document) {
      await this.#announce(document);
    }
  }

  /** Tells the issuing organisation that a document moved on (the app shows each state as it comes). */
  async #announce(
    document: Pick<IssuedDocumentEntity, 'id' | 'organisationId' | 'status' | 'kind' | 'subjectId'>,
  ): Promise<void> {
    await this.live.publish({ organisationIds: [document.organisationId] }, issuedEvent(document));
  }

  #announceAfterCommit(
    tx: Tx,
    document: Pick<IssuedDocumentEntity, 'id' | 'organisationId' | 'status' | 'kind' | 'subjectId'>,
  ): void {
    this.live.afterCommit(tx, { organisationIds: [document.organisationId] }, issuedEvent(document));
  }
}
