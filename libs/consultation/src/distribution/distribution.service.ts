import { OrganisationService } from '@app/directory';
import { DocumentKind, IssuanceService, IssueStatus, signedFileOf } from '@app/issuance';
import { NotificationService } from '@app/notification';
import { AuditService, Db, localDate, mustFind, Role, systemActor } from '@app/platform';
import { CaseService, RegisteredDocumentService } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';

import { ConsultationDocumentEntity } from '../consultation/consultation-document.entity.js';
import { ConsultationEntity } from '../consultation/consultation.entity.js';
import { consultationErrors } from '../consultation.errors.js';
import { ConsultationRecipientEntity } from '../recipient/consultation-recipient.entity.js';
import { RecipientState } from '../recipient/recipient-state.js';

const actor = systemActor('worker:distribution');

/**
 * Registers a sent remiss in each recipient's own registry: a case linked to the sender's
 * number, the remiss as an incoming document carrying the signed missiv, one incoming document
 * per file of the remissunderlag (pointing at the same stored content: no bytes are copied), each a
 * copy of the sender's entry that carries its secrecy marking. Idempotent: the
 * recipient row is locked and a case exists at most once per recipient (a unique origin key).
 */
@Injectable()
export class DistributionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationService,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
    private readonly notifications: NotificationService,
    private readonly issuance: IssuanceService,
  ) {}

  async distribute(recipientId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const recipient = await tx.findOne(ConsultationRecipientEntity, {
        where: { id: recipientId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recipient?.organisationId || recipient.caseId) {
        return; // external, gone, or already registered by an earlier run of this job
      }
      const consultation = await mustFind(
        tx.findOneBy(ConsultationEntity, { id: recipient.consultationId }),
        consultationErrors.notFound,
      );
      // One query at a time: the manager may be a transaction's, which runs one query at once.
      const sender = await this.organisations.findById(consultation.organisationId, tx);
      const senderCase = await this.cases.findById(consultation.caseId, tx);
      const senderName = sender?.name ?? '';
      const registered = await this.cases.registerIn(tx, actor, recipient.organisationId, {
        title: consultation.title,
        counterpart: senderName,
        linkedDiaryNumber: senderCase?.diaryNumber ?? null,
        originKey: `consultation-recipient:${recipient.id}`,
      });
      // The date in Stockholm: a remiss sent at 00:30 is dated that day, not the day before in UTC.
      if (!consultation.sentAt) {
        throw consultationErrors.notSent();
      }
      const sentOn = localDate(consultation.sentAt);
      // The remiss arrives as its signed missiv, the very file of the sender's outgoing copy.
      const missiv = signedFileOf(
        (await this.issuance.forSubjects([consultation.id], tx))
          .filter((d) => d.kind === DocumentKind.CoveringLetter && d.status === IssueStatus.Signed)
          .sort((a, b) => a.revision - b.revision)[0],
      );
      if (!missiv) {
        throw new Error(`the missiv of remiss ${consultation.id} is not signed yet`);
      }
      await this.documents.registerIn(
        tx,
        actor,
        registered.id,
        {
          direction: 'incoming',
          kind: 'remiss',
          title: `Remiss: ${consultation.title} (svar senast ${recipient.responseDeadline})`,
          documentDate: sentOn,
          counterpart: senderName,
          originKey: `consultation-recipient:${recipient.id}:remiss`,
        },
        missiv,
      );
      const files = await tx.find(ConsultationDocumentEntity, {
        where: { consultationId: consultation.id, version: LessThanOrEqual(consultation.documentsVersion) },
        order: { version: 'ASC', createdAt: 'ASC' },
      });
      for (const file of files) {
        await this.documents.registerIn(
          tx,
          actor,
          registered.id,
          {
            direction: 'incoming',
            kind: 'remissunderlag',
            title: file.version > 1 ? `${file.title} (rättelse ${file.version - 1})` : file.title,
            documentDate: sentOn,
            counterpart: senderName,
            originKey: `consultation-document:${file.id}:recipient:${recipient.id}`,
            copyOf: file.registeredDocumentId,
          },
          { blobId: file.fileBlobId, fileName: file.fileName },
        );
      }
      await tx.update(
        ConsultationRecipientEntity,
        { id: recipient.id },
        { caseId: registered.id, diaryNumber: registered.diaryNumber, state: RecipientState.Registered },
      );
      await this.notifications.post(tx, {
        sourceKey: `consultation-received:${recipient.id}`,
        organisationId: recipient.organisationId,
        audience: { roles: [Role.Registrar] },
        kind: 'consultation_received',
        title: `Ny remiss: ${consultation.title}`,
        body: `${senderName} har skickat remissen ”${consultation.title}”. Den är registrerad som ${registered.diaryNumber}. Svar senast ${recipient.responseDeadline}. Tilldela ärendet en handläggare.`,
        link: { type: 'consultation_recipient', id: recipient.id },
      });
      await this.audit.record(tx, actor, {
        action: 'consultation.registered_at_recipient',
        entityType: 'consultation_recipient',
        entityId: recipient.id,
        before: { state: recipient.state },
        after: { state: RecipientState.Registered, caseId: registered.id, diaryNumber: registered.diaryNumber },
        organisationIds: [consultation.organisationId, recipient.organisationId],
      });
    });
  }

  /** Registers a correction's files in a recipient's case and tells the recipient. Idempotent. */
  async distributeCorrection(recipientId: string, documentsVersion: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      // The lock waits for a distribution of the same recipient still in progress.
      const recipient = await tx.findOne(ConsultationRecipientEntity, {
        where: { id: recipientId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!recipient?.organisationId || !recipient.caseId) {
        return; // not registered yet: its distribution registers every version there is
      }
      const consultation = await mustFind(
        tx.findOneBy(ConsultationEntity, { id: recipient.consultationId }),
        consultationErrors.notFound,
      );
      const sender = await this.organisations.findById(consultation.organisationId, tx);
      const files = await tx.find(ConsultationDocumentEntity, {
        where: { consultationId: consultation.id, version: documentsVersion },
      });
      for (const file of files) {
        await this.documents.registerIn(
          tx,
          actor,
          recipient.caseId,
          {
            direction: 'incoming',
            kind: 'remissunderlag',
            title: `${file.title} (rättelse ${documentsVersion - 1})`,
            counterpart: sender?.name ?? null,
            originKey: `consultation-document:${file.id}:recipient:${recipient.id}`,
            copyOf: file.registeredDocumentId,
          },
          { blobId: file.fileBlobId, fileName: file.fileName },
        );
      }
      const note = files.find((f) => f.note)?.note ?? '';
      await this.notifications.post(tx, {
        sourceKey: `consultation-corrected:${recipient.id}:${documentsVersion}`,
        organisationId: recipient.organisationId,
        audience: {
          personIds: recipient.assignedPersonId ? [recipient.assignedPersonId] : [],
          roles: [Role.Registrar],
        },
        kind: 'consultation_corrected',
        title: `Rättelse av remissen ${consultation.title}`,
        body: `${sender?.name ?? 'Avsändaren'} har rättat remissunderlaget (${recipient.diaryNumber}). ${note}`.trim(),
        link: { type: 'consultation_recipient', id: recipient.id },
      });
    });
  }
}
