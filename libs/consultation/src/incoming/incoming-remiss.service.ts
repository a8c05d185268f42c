import {
  type Actor,
  AuditService,
  Clock,
  Db,
  isIsoDate,
  localDate,
  requirePerson,
  requireRole,
  Role,
} from '@app/platform';
import { assertPrintable } from '@app/pdf';
import { CaseService, RegisteredDocumentService } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { ConsultationSectionEntity } from '../consultation/consultation-section.entity.js';
import { ConsultationEntity } from '../consultation/consultation.entity.js';
import { ConsultationService, type SectionInput } from '../consultation/consultation.service.js';
import { consultationErrors } from '../consultation.errors.js';
import type { ConsultationView } from '../consultation.views.js';
import { ConsultationRecipientEntity } from '../recipient/consultation-recipient.entity.js';
import { RecipientState } from '../recipient/recipient-state.js';

export interface IncomingRemissInput {
  readonly title: string;
  readonly description?: string;
  readonly sender: {
    readonly name: string;
    readonly email: string;
    /** Postal address lines. */
    readonly postalAddress?: readonly string[];
  };
  /** The sender's reference (`Ku2025/01234`). */
  readonly senderReference?: string;
  readonly responseDeadline: string;
  /** The day it arrived; today when left out. */
  readonly receivedOn?: string;
  /** The chapters or sections the sender asks to have comments on. */
  readonly sections?: readonly SectionInput[];
  readonly classificationCode?: string;
}

/**
 * A remiss from outside the directory (a ministry, an agency, the region), recorded by the
 * registrar who received it. It is kept as a sent remiss whose sender is a counterpart outside
 * the directory and whose one recipient is the receiving organisation, with the case registered
 * here: from then on it has what a remiss from inside has — deadline, reminders, overdue mark,
 * the meeting warning, positions per section, and a yttrande addressed to the sender.
 */
@Injectable()
export class IncomingRemissService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
    private readonly consultations: ConsultationService,
  ) {}

  async register(actor: Actor, input: IncomingRemissInput): Promise<ConsultationView> {
    requireRole(actor, Role.Registrar);
    requirePerson(actor);
    const address = (input.sender.postalAddress ?? []).map((line) => line.trim()).filter((line) => line !== '');
    // The yttrande prints the sender, their address and reference, and the sections.
    assertPrintable({
      title: input.title,
      description: input.description,
      'sender.name': input.sender.name,
      senderReference: input.senderReference,
      ...Object.fromEntries(address.map((line, i) => [`sender.postalAddress[${i}]`, line])),
      ...Object.fromEntries(
        (input.sections ?? []).flatMap((s, i) => [
          [`sections[${i}].title`, s.title],
          [`sections[${i}].description`, s.description],
        ]),
      ),
    });
    const now = this.clock.now();
    const today = localDate(now);
    const receivedOn = input.receivedOn ?? today;
    if (!isIsoDate(receivedOn) || receivedOn > today) {
      throw consultationErrors.receivedInFuture(receivedOn, today);
    }
    if (input.responseDeadline <= today) {
      throw consultationErrors.deadlinePast(input.responseDeadline, today);
    }
    const sections = this.#sections(input.sections ?? []);
    const senderName = input.sender.name.trim();
    const reference = input.senderReference?.trim() || null;
    const id = await this.db.transaction(async (tx) => {
      const registered = await this.cases.registerIn(tx, actor, actor.organisationId, {
        title: input.title.trim(),
        classificationCode: input.classificationCode ?? null,
        counterpart: senderName,
        linkedDiaryNumber: reference,
      });
      const saved = await tx.save(
        tx.create(ConsultationEntity, {
          organisationId: actor.organisationId,
          caseId: registered.id,
          title: input.title.trim(),
          description: input.description ?? '',
          responseDeadline: input.responseDeadline,
          status: 'sent',
          documentsVersion: 1,
          createdBy: actor.personId,
          sentAt: now,
          sentBy: actor.personId,
          outsideSenderName: senderName,
          outsideSenderEmail: input.sender.email.trim().toLowerCase(),
          outsideSenderAddress: address.length > 0 ? address.join('\n') : null,
          outsideSenderReference: reference,
        }),
      );
      if (sections.length > 0) {
        await tx.insert(
          ConsultationSectionEntity,
          sections.map((s, i) => ({
            consultationId: saved.id,
            position: i + 1,
            title: s.title,
            description: s.description ?? '',
          })),
        );
      }
      const recipient = await tx.save(
        tx.create(ConsultationRecipientEntity, {
          consultationId: saved.id,
          organisationId: actor.organisationId,
          externalName: null,
          externalEmail: null,
          state: RecipientState.Registered,
          responseDeadline: input.responseDeadline,
          caseId: registered.id,
          diaryNumber: registered.diaryNumber,
        }),
      );
      await this.documents.registerIn(tx, actor, registered.id, {
        direction: 'incoming',
        kind: 'remiss',
        title: `Remiss: ${input.title.trim()} (svar senast ${input.responseDeadline})`,
        documentDate: receivedOn,
        counterpart: senderName,
        originKey: `incoming-remiss:${saved.id}`,
      });
      await this.audit.record(tx, actor, {
        action: 'consultation.registered_from_outside',
        entityType: 'consultation',
        entityId: saved.id,
        after: {
          title: saved.title,
          sender: senderName,
          senderReference: reference,
          responseDeadline: input.responseDeadline,
          sections: sections.map((s) => s.title),
          recipientId: recipient.id,
          diaryNumber: registered.diaryNumber,
        },
        organisationIds: [actor.organisationId],
      });
      return saved.id;
    });
    return this.consultations.get(actor, id);
  }

  #sections(sections: readonly SectionInput[]): SectionInput[] {
    const seen = new Set<string>();
    for (const s of sections) {
      const key = s.title.trim().toLowerCase();
      if (seen.has(key)) {
        throw consultationErrors.duplicateSection(s.title.trim());
      }
      seen.add(key);
    }
    return sections.map((s) => ({ title: s.title.trim(), description: s.description?.trim() ?? '' }));
  }
}
