import { type Actor, type Reader, systemActor, type Tx } from '@app/platform';
import { CaseService, RegisteredDocumentService, secretTitle } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { SubmissionEntity } from '../approval/submission.entity.js';
import { statementErrors } from '../statement.errors.js';
import type { StatementParts } from '../statement.views.js';
import { RevisionAttachmentEntity } from './revision-attachment.entity.js';
import { RevisionSectionEntity } from './revision-section.entity.js';
import { contentHash, normaliseParts } from './statement-parts.js';
import { StatementRevisionEntity } from './statement-revision.entity.js';
import { StatementEntity } from './statement.entity.js';

/** Reads and writes statements and their revisions for the services of this library. */
@Injectable()
export class StatementStore {
  constructor(
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
  ) {}

  /** The statement, if the actor's organisation owns it (404 otherwise); locked when asked. */
  load(manager: Tx, actor: Actor, id: string, lock: true): Promise<StatementEntity>;
  load(manager: Reader, actor: Actor, id: string, lock?: false): Promise<StatementEntity>;
  async load(manager: Reader, actor: Actor, id: string, lock = false): Promise<StatementEntity> {
    const row = await manager.findOne(StatementEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
      throw statementErrors.notFound();
    }
    return row;
  }

  /**
   * The statement, locked, for someone about to write in it (save, submit, ask a preparation
   * question): its case's responsible officer or a co-worker the registrar added. Anyone else
   * in the organisation reads it only (403).
   */
  async loadForWriting(tx: Tx, actor: Actor, id: string): Promise<StatementEntity> {
    const row = await this.load(tx, actor, id, true);
    await this.cases.assertWriter(tx, actor, row.caseId);
    return row;
  }

  async revision(
    manager: Reader,
    statementId: string,
    number: number,
  ): Promise<{ row: StatementRevisionEntity; parts: StatementParts }> {
    const found = (await this.revisions(manager, [{ statementId, number }])).get(statementId);
    if (!found) {
      throw statementErrors.revisionNotFound(number);
    }
    return found;
  }

  /**
   * Revisions of several statements (one each), by statement, in four queries whatever their
   * number: a list reads them all at once rather than one by one. Those not found are absent.
   */
  async revisions(
    manager: Reader,
    keys: readonly { readonly statementId: string; readonly number: number }[],
  ): Promise<Map<string, { row: StatementRevisionEntity; parts: StatementParts }>> {
    const found = new Map<string, { row: StatementRevisionEntity; parts: StatementParts }>();
    if (keys.length === 0) {
      return found;
    }
    // One query at a time: the manager may be a transaction's, which runs one query at once.
    const rows = await manager.find(StatementRevisionEntity, {
      where: keys.map((k) => ({ statementId: k.statementId, number: k.number })),
    });
    if (rows.length === 0) {
      return found;
    }
    const revisionIds = rows.map((r) => r.id);
    const sections = await manager.find(RevisionSectionEntity, {
      where: { revisionId: In(revisionIds) },
      order: { ordinal: 'ASC' },
    });
    const attachments = await manager.find(RevisionAttachmentEntity, {
      where: { revisionId: In(revisionIds) },
      order: { position: 'ASC' },
    });
    // A statement is read by approvers and printed as a public record: an attachment marked
    // secret in the registry, even after the revision was saved, is named by its masked title.
    const secrecy = await this.documents.secrecyFor(
      systemActor('statement'),
      [...new Set(attachments.flatMap((a) => (a.registeredDocumentId ? [a.registeredDocumentId] : [])))],
      manager,
    );
    for (const row of rows) {
      found.set(row.statementId, {
        row,
        parts: normaliseParts({
          title: row.title,
          heading: row.heading,
          proposedDecision: row.proposedDecision,
          summary: row.summary,
          background: row.background,
          matter: row.matter,
          preparation: {
            text: row.preparationText,
            consultedDepartmentIds: row.consultedDepartmentIds,
            unionsInformedOn: row.unionsInformedOn,
            unionForum: row.unionForum,
          },
          views: row.views,
          position: row.position,
          sections: sections
            .filter((s) => s.revisionId === row.id)
            .map((s) => ({ sectionId: s.sectionId, position: s.position, comment: s.comment })),
          attachments: attachments
            .filter((a) => a.revisionId === row.id)
            .map((a) => {
              const secret = a.registeredDocumentId ? secrecy.get(a.registeredDocumentId) : undefined;
              return {
                title: secret ? secretTitle(secret.ground) : a.title,
                registeredDocumentId: a.registeredDocumentId,
              };
            }),
          officerId: row.officerId,
          meetingId: row.meetingId,
          documentDate: row.documentDate,
        }),
      });
    }
    return found;
  }

  /** When the statement's approved revision was approved in its last step: its approved submission's close. */
  async approvedAt(manager: Reader, statement: Pick<StatementEntity, 'id' | 'approvedRevision'>): Promise<Date> {
    const submission = await manager.findOneBy(SubmissionEntity, {
      statementId: statement.id,
      revisionNumber: approvedRevisionOf(statement),
      status: 'approved',
    });
    if (!submission?.closedAt) {
      throw statementErrors.notApproved();
    }
    return submission.closedAt;
  }

  /** When each statement's approved revision was approved, for several statements in one read. */
  async approvedAtOf(
    manager: Reader,
    statements: readonly Pick<StatementEntity, 'id' | 'approvedRevision'>[],
  ): Promise<Map<string, Date>> {
    const found = new Map<string, Date>();
    if (statements.length === 0) {
      return found;
    }
    const submissions = await manager.find(SubmissionEntity, {
      where: statements.map((s) => ({
        statementId: s.id,
        revisionNumber: approvedRevisionOf(s),
        status: 'approved' as const,
      })),
    });
    for (const submission of submissions) {
      if (submission.closedAt) {
        found.set(submission.statementId, submission.closedAt);
      }
    }
    return found;
  }

  async insertRevision(
    tx: Tx,
    statementId: string,
    number: number,
    input: StatementParts,
    authorId: string,
  ): Promise<StatementRevisionEntity> {
    const parts = normaliseParts(input);
    const row = await tx.save(
      tx.create(StatementRevisionEntity, {
        statementId,
        number,
        title: parts.title,
        heading: parts.heading,
        proposedDecision: [...parts.proposedDecision],
        summary: parts.summary,
        background: parts.background,
        matter: parts.matter,
        preparationText: parts.preparation.text,
        consultedDepartmentIds: [...parts.preparation.consultedDepartmentIds],
        unionsInformedOn: parts.preparation.unionsInformedOn,
        unionForum: parts.preparation.unionForum,
        views: parts.views,
        position: parts.position,
        officerId: parts.officerId,
        meetingId: parts.meetingId,
        documentDate: parts.documentDate,
        contentHash: contentHash(parts),
        authorId,
      }),
    );
    // Every section entry is kept, given or not: the document prints only those with a position or comment.
    const sections = parts.sections;
    if (sections.length > 0) {
      await tx.insert(
        RevisionSectionEntity,
        sections.map((s, i) => ({
          revisionId: row.id,
          sectionId: s.sectionId,
          ordinal: i + 1,
          position: s.position,
          comment: s.comment,
        })),
      );
    }
    if (parts.attachments.length > 0) {
      await tx.insert(
        RevisionAttachmentEntity,
        parts.attachments.map((a, i) => ({
          revisionId: row.id,
          position: i + 1,
          title: a.title,
          registeredDocumentId: a.registeredDocumentId,
        })),
      );
    }
    return row;
  }
}

/** The revision the last approval froze: 409 when there is none (not approved, or sent back meanwhile). */
export function approvedRevisionOf(statement: Pick<StatementEntity, 'approvedRevision'>): number {
  if (statement.approvedRevision === null) {
    throw statementErrors.notApproved();
  }
  return statement.approvedRevision;
}
