import { directoryErrors, OrganisationService, PersonService } from '@app/directory';
import { composeMail, type MailAttachment, MailService } from '@app/notification';
import { type Actor, Clock, Db, mustFind, notFoundAs, systemActor } from '@app/platform';
import { FileStoreService, RegisteredDocumentService, secretTitle } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { ConsultationService } from '../consultation/consultation.service.js';
import { consultationErrors } from '../consultation.errors.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';
import { letterText } from './letter-text.js';
import { assertExternal } from './recipient-kind.js';

/** A file sent along with the letter, with the registry entry whose secrecy decides whether it may go. */
export interface LetterEnclosure extends MailAttachment {
  readonly registeredDocumentId: string | null;
}

/**
 * The e-mail-ready letter for an external recipient (an association, a company, a ministry):
 * the remiss as text with the remissunderlag attached, for the sender's registrar to send. A
 * file marked secret is never attached, whoever asks for the letter: the letter names it by its
 * masked title and tells how to ask the sender's registry for it (the sender then tries the
 * request under OSL).
 */
@Injectable()
export class LetterService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly consultations: ConsultationService,
    private readonly organisations: OrganisationService,
    private readonly people: PersonService,
    private readonly files: FileStoreService,
    private readonly registered: RegisteredDocumentService,
    private readonly mail: MailService,
  ) {}

  async letter(
    actor: Actor,
    recipientId: string,
    extra: readonly LetterEnclosure[] = [],
  ): Promise<{ fileName: string; content: string }> {
    const recipient = await this.db.reader.findOneBy(ConsultationRecipientEntity, { id: recipientId });
    if (!recipient) {
      throw consultationErrors.recipientNotFound();
    }
    const consultation = await this.consultations
      .assertSender(actor, recipient.consultationId)
      .catch(notFoundAs(consultationErrors.recipientNotFound));
    assertExternal(recipient);
    const view = await this.consultations.get(actor, consultation.id);
    const sender = await mustFind(
      this.organisations.findById(consultation.organisationId),
      directoryErrors.organisationNotFound,
    );
    const officer = await this.people.findById(consultation.createdBy);
    const documents = await this.consultations.outgoingDocuments(consultation.id);
    const extraSecrecy = await this.registered.secrecyFor(
      systemActor('consultation:letter'),
      extra.flatMap((e) => (e.registeredDocumentId ? [e.registeredDocumentId] : [])),
    );
    const attachments: MailAttachment[] = [];
    const withheld: string[] = [];
    for (const e of extra) {
      const secret = e.registeredDocumentId ? extraSecrecy.get(e.registeredDocumentId) : undefined;
      if (secret) {
        withheld.push(secretTitle(secret.ground));
      } else {
        attachments.push({ fileName: e.fileName, mediaType: e.mediaType, content: e.content });
      }
    }
    for (const d of documents) {
      if (d.withheld) {
        withheld.push(d.title);
        continue;
      }
      const blob = await mustFind(this.files.describe(d.fileBlobId), consultationErrors.documentNotFound);
      attachments.push({
        fileName: d.fileName,
        mediaType: blob.mediaType,
        content: await this.files.read(d.fileBlobId),
      });
    }
    const registry = sender.registryEmail ?? '';
    const text = letterText({
      recipientName: recipient.externalName ?? '',
      responseDeadline: recipient.responseDeadline,
      view,
      senderName: sender.name,
      registry,
      officer,
      administrationName: sender.administrationName ?? null,
      delivery: { kind: 'attached', documents: documents.filter((d) => !d.withheld) },
      withheld,
    });
    const content = await composeMail({
      from: { name: sender.administrationName ?? sender.name, address: registry },
      to: { name: recipient.externalName, address: recipient.externalEmail },
      subject: `Remiss: ${view.title} (${view.senderDiaryNumber})`,
      text,
      date: this.clock.now(),
      // The letter the sender's registrar sends by hand is the message the system would send.
      messageId: this.mail.messageIdOf(`consultation-recipient:${recipient.id}:letter`),
      attachments,
      // Opened in a mail program, a draft to send rather than a message received.
      headers: { 'X-Unsent': '1' },
    });
    return {
      fileName: `Remiss ${view.senderDiaryNumber.replace(/\//g, '-')} till ${recipient.externalName}.eml`,
      content: content.toString('utf8'),
    };
  }
}
