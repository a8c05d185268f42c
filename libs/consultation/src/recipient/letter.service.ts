import { OrganisationService, PersonService } from '@app/directory';
import { toPlainText, parseMarkup } from '@app/markup';
import { type Actor, Clock, Db } from '@app/platform';
import { FileStoreService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { ConsultationService } from '../consultation/consultation.service.js';
import { consultationErrors } from '../consultation.errors.js';
import { buildEmailMessage, type EmailAttachment } from '../export/email-message.js';
import { ConsultationDocumentEntity } from '../consultation/consultation-document.entity.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';

/**
 * The e-mail-ready letter for an external recipient (an association, a company, a ministry):
 * the remiss as text with the remissunderlag attached, for the sender's registrar to send.
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
  ) {}

  async letter(
    actor: Actor,
    recipientId: string,
    extra: readonly EmailAttachment[] = [],
  ): Promise<{ fileName: string; content: string }> {
    const recipient = await this.db.reader.findOneBy(ConsultationRecipientEntity, { id: recipientId });
    if (!recipient) {
      throw consultationErrors.recipientNotFound();
    }
    const consultation = await this.consultations.assertSender(actor, recipient.consultationId).catch(() => {
      throw consultationErrors.recipientNotFound();
    });
    if (recipient.organisationId !== null) {
      throw consultationErrors.notExternal();
    }
    const view = await this.consultations.get(actor, consultation.id);
    const sender = (await this.organisations.findById(consultation.organisationId))!;
    const officer = await this.people.findById(consultation.createdBy);
    const documents = await this.db.reader.find(ConsultationDocumentEntity, {
      where: { consultationId: consultation.id },
      order: { version: 'ASC', createdAt: 'ASC' },
    });
    const attachments: EmailAttachment[] = [...extra];
    for (const d of documents) {
      const blob = (await this.files.describe(d.fileBlobId))!;
      attachments.push({
        fileName: d.fileName,
        mediaType: blob.mediaType,
        content: await this.files.read(d.fileBlobId),
      });
    }
    const registry = sender.registryEmail ?? '';
    const text = [
      `Till ${recipient.externalName}`,
      '',
      `${sender.name} skickar ${view.title} på remiss (${view.senderDiaryNumber}).`,
      '',
      toPlainText(parseMarkup(view.description)),
      '',
      ...(view.sections.length
        ? [
            'Vi vill särskilt ha era synpunkter på:',
            ...view.sections.map((s) => `${s.position}. ${s.title}${s.description ? ` – ${s.description}` : ''}`),
            '',
          ]
        : []),
      `Svar senast ${recipient.responseDeadline}.`,
      `Skicka svaret till ${registry} och ange diarienummer ${view.senderDiaryNumber} i ämnesraden.`,
      '',
      ...(documents.length
        ? ['Remissunderlag (bifogat):', ...documents.map((d) => `– ${d.title} (${d.fileName})`), '']
        : []),
      'Med vänlig hälsning',
      officer?.name ?? '',
      [officer?.title, sender.administrationName ?? sender.name].filter(Boolean).join(', '),
      [officer?.phone, officer?.email].filter(Boolean).join(' · '),
    ].join('\n');
    const content = buildEmailMessage({
      from: { name: sender.administrationName ?? sender.name, address: registry },
      to: { name: recipient.externalName!, address: recipient.externalEmail! },
      subject: `Remiss: ${view.title} (${view.senderDiaryNumber})`,
      text,
      date: this.clock.now(),
      attachments,
    });
    return {
      fileName: `Remiss ${view.senderDiaryNumber.replace(/\//g, '-')} till ${recipient.externalName}.eml`,
      content,
    };
  }
}
