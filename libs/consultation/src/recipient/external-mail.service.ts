import { OrganisationService, PersonService } from '@app/directory';
import { DocumentKind, IssuanceService, IssueStatus, signedFileOf } from '@app/issuance';
import { MailService, type MailStatus } from '@app/notification';
import {
  type Actor,
  addDays,
  APP_CONFIG,
  AuditService,
  type AppConfig,
  Clock,
  Db,
  localDate,
  mustFind,
  NotFoundError,
  notFoundAs,
  type Reader,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { FileStoreService } from '@app/registry';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

import { ConsultationService } from '../consultation/consultation.service.js';
import { consultationErrors } from '../consultation.errors.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';
import { letterText } from './letter-text.js';
import { assertExternal } from './recipient-kind.js';

/** A file of the remiss as it goes out: the signed missiv first, then the remissunderlag. */
export interface OutgoingFile {
  readonly blobId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}

export interface MailDeliveryView {
  readonly recipientId: string;
  readonly kind: string;
  readonly address: string;
  readonly status: MailStatus;
  readonly statusLabel: string;
  /** The mail server's answer when delivery failed. */
  readonly error: string | null;
  readonly sentAt: string | null;
}

const MAIL_STATUS_LABEL: Readonly<Record<MailStatus, string>> = {
  pending: 'Skickas',
  sent: 'Skickad',
  failed: 'Kunde inte levereras',
};

/** How long after the deadline the download link still works. */
const LINK_DAYS_AFTER_DEADLINE = 30;

/**
 * The remiss by e-mail to each external recipient: the signed missiv and the remissunderlag as
 * attachments, or, above MAIL_MAX_ATTACHMENT_BYTES in all, a download link that works without
 * logging in, for that recipient only, until the deadline plus 30 days. A secret-marked file is
 * never attached nor downloadable: the letter names it by its masked title (OSL).
 */
@Injectable()
export class ExternalMailService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly consultations: ConsultationService,
    private readonly organisations: OrganisationService,
    private readonly people: PersonService,
    private readonly files: FileStoreService,
    private readonly mail: MailService,
    private readonly issuance: IssuanceService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the transaction that stores the signed missiv: one message per external recipient. */
  async queueRemissIn(tx: Tx, consultationId: string, missiv: { blobId: string; fileName: string }): Promise<void> {
    const recipients = (await tx.findBy(ConsultationRecipientEntity, { consultationId })).filter(
      (r) => r.externalEmail !== null,
    );
    if (recipients.length === 0) {
      return;
    }
    const view = await mustFind(this.consultations.findById(consultationId, tx), consultationErrors.notFound);
    const sender = await this.organisations.findById(view.organisationId, tx);
    const officer = await this.people.findById(view.createdBy, tx);
    const documents = await this.consultations.outgoingDocuments(consultationId, undefined, tx);
    const files = await this.#outgoingFiles(tx, missiv, documents);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const attach = total <= this.config.mail.maxAttachmentBytes;
    const registry = sender?.registryEmail ?? null;
    for (const r of recipients) {
      const text = letterText({
        recipientName: r.externalName ?? '',
        responseDeadline: r.responseDeadline,
        view,
        senderName: sender?.name ?? view.senderName,
        registry: registry ?? '',
        officer,
        administrationName: sender?.administrationName ?? null,
        delivery: attach
          ? { kind: 'attached', documents: documents.filter((d) => !d.withheld) }
          : { kind: 'link', url: this.linkFor(r.id), until: this.#linkExpiry(r.responseDeadline) },
        withheld: documents.filter((d) => d.withheld).map((d) => d.title),
      });
      await this.mail.queue(tx, {
        causeKey: `consultation-recipient:${r.id}:remiss`,
        kind: 'consultation_sent',
        organisationId: view.organisationId,
        recipientId: r.id,
        to: { name: r.externalName ?? '', address: r.externalEmail ?? '' },
        replyTo: registry,
        subject: `Remiss: ${view.title} (${view.senderDiaryNumber})`,
        text,
        attachments: attach
          ? files.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, blobId: f.blobId }))
          : [],
      });
    }
  }

  /** The e-mail deliveries to a remiss's external recipients, as the sender's status board shows them. */
  async deliveries(recipientIds: readonly string[]): Promise<MailDeliveryView[]> {
    return (await this.mail.forRecipients(recipientIds)).map((m) => ({
      recipientId: m.recipientId ?? '',
      kind: m.kind,
      address: m.toAddress,
      status: m.status,
      statusLabel: MAIL_STATUS_LABEL[m.status],
      error: m.lastError,
      sentAt: m.sentAt?.toISOString() ?? null,
    }));
  }

  /**
   * The sender's registrar corrects an external recipient's address; every message to the
   * recipient that failed is sent again to it.
   */
  async correctAddress(actor: Actor, recipientId: string, email: string): Promise<MailDeliveryView[]> {
    requireRole(actor, Role.Registrar);
    const address = email.trim().toLowerCase();
    const found = await this.db.reader.findOneBy(ConsultationRecipientEntity, { id: recipientId });
    if (!found) {
      throw consultationErrors.recipientNotFound();
    }
    const consultation = await this.consultations
      .assertSender(actor, found.consultationId)
      .catch(notFoundAs(consultationErrors.recipientNotFound));
    assertExternal(found);
    await this.db.transaction(async (tx) => {
      const recipient = await mustFind(
        tx.findOne(ConsultationRecipientEntity, { where: { id: recipientId }, lock: { mode: 'pessimistic_write' } }),
        consultationErrors.recipientNotFound,
      );
      const before = { email: recipient.externalEmail };
      const taken = await tx.findOneBy(ConsultationRecipientEntity, {
        consultationId: recipient.consultationId,
        externalEmail: address,
      });
      if (taken && taken.id !== recipient.id) {
        throw consultationErrors.recipientAddressTaken(address);
      }
      await tx.update(ConsultationRecipientEntity, { id: recipient.id }, { externalEmail: address });
      for (const m of await this.mail.forRecipients([recipient.id], tx)) {
        if (m.status === 'failed') {
          await this.mail.resend(tx, m.id, address);
        } else if (m.status === 'pending') {
          await this.mail.readdress(tx, m.id, address);
        }
      }
      await this.audit.record(tx, actor, {
        action: 'consultation.recipient_address_corrected',
        entityType: 'consultation_recipient',
        entityId: recipient.id,
        before,
        after: { email: address },
        organisationIds: [consultation.organisationId],
      });
    });
    return this.deliveries([recipientId]);
  }

  /** The recipient's download address: its id and a MAC of it as the key, so no list of keys is kept and none can be guessed. */
  linkFor(recipientId: string): string {
    return `${this.config.mail.publicUrl}/api/v1/remissunderlag/${recipientId}?nyckel=${this.#mac(recipientId)}`;
  }

  /**
   * The files a download key opens, or 404 for a key that is not the recipient's, whose remiss is gone,
   * or whose time (deadline plus 30 days, in Stockholm) has passed.
   */
  async filesFor(recipientId: string, mac: string): Promise<{ title: string; files: OutgoingFile[] }> {
    const notFound = (): NotFoundError =>
      new NotFoundError('download.not_found', 'Länken finns inte eller gäller inte längre.');
    const expected = Buffer.from(this.#mac(recipientId));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw notFound();
    }
    const recipient = await this.db.reader.findOneBy(ConsultationRecipientEntity, { id: recipientId });
    if (!recipient?.externalEmail || localDate(this.clock.now()) > this.#linkExpiry(recipient.responseDeadline)) {
      throw notFound();
    }
    const view = await this.consultations.findById(recipient.consultationId);
    const missiv = signedFileOf(
      (await this.issuance.forSubjects([recipient.consultationId]))
        .filter((d) => d.kind === DocumentKind.CoveringLetter && d.status === IssueStatus.Signed)
        .sort((a, b) => b.revision - a.revision)[0],
    );
    if (!view || view.status !== 'sent' || !missiv) {
      throw notFound();
    }
    const documents = await this.consultations.outgoingDocuments(recipient.consultationId);
    return {
      title: `${view.title} (${view.senderDiaryNumber})`,
      files: await this.#outgoingFiles(this.db.reader, missiv, documents),
    };
  }

  async #outgoingFiles(
    reader: Reader,
    missiv: { blobId: string; fileName: string },
    documents: readonly { fileBlobId: string; fileName: string; withheld: boolean }[],
  ): Promise<OutgoingFile[]> {
    const files: OutgoingFile[] = [];
    for (const f of [
      { blobId: missiv.blobId, fileName: missiv.fileName },
      ...documents.filter((d) => !d.withheld).map((d) => ({ blobId: d.fileBlobId, fileName: d.fileName })),
    ]) {
      const blob = await mustFind(this.files.describe(f.blobId, reader), consultationErrors.documentNotFound);
      files.push({ ...f, mediaType: blob.mediaType, size: blob.size });
    }
    return files;
  }

  #linkExpiry(deadline: string): string {
    return addDays(deadline, LINK_DAYS_AFTER_DEADLINE);
  }

  #mac(recipientId: string): string {
    return createHmac('sha256', this.config.auth.tokenSecret.reveal())
      .update(`remissunderlag:${recipientId}`)
      .digest('base64url');
  }
}
