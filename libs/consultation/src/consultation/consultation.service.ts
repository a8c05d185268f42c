import { OrganisationKind, OrganisationService } from '@app/directory';
import { DocumentKind, IssuanceService } from '@app/issuance';
import {
  type Actor,
  AuditService,
  Clock,
  Db,
  JobName,
  localDate,
  mustFind,
  OutboxService,
  type Reader,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { assertPrintable } from '@app/pdf';
import {
  CaseService,
  FileStoreService,
  type IncomingFile,
  RegisteredDocumentService,
  secretFileName,
  secretTitle,
} from '@app/registry';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { IsNull } from 'typeorm';

import { consultationErrors } from '../consultation.errors.js';
import {
  type ConsultationDocumentView,
  type ConsultationView,
  RecipientGroup,
  type SectionView,
} from '../consultation.views.js';
import { ConsultationRecipientEntity } from '../recipient/consultation-recipient.entity.js';
import { RecipientState } from '../recipient/recipient-state.js';
import { RecipientViews } from '../recipient/recipient-views.js';
import { ConsultationDocumentEntity } from './consultation-document.entity.js';
import { ConsultationSectionEntity } from './consultation-section.entity.js';
import { ConsultationEntity } from './consultation.entity.js';
import { outsideSenderOf } from './outside-sender.js';

export interface SectionInput {
  readonly title: string;
  readonly description?: string;
}

export interface RecipientSelection {
  readonly organisationIds?: readonly string[];
  readonly groups?: readonly RecipientGroup[];
  readonly external?: readonly { readonly name: string; readonly email: string }[];
}

export interface ConsultationInput {
  /** The sender's case; a new case is registered when left out. */
  readonly caseId?: string;
  readonly title: string;
  readonly description?: string;
  readonly responseDeadline: string;
  readonly sections?: readonly SectionInput[];
  readonly recipients?: RecipientSelection;
}

export type ConsultationPatch = Partial<Omit<ConsultationInput, 'caseId'>>;

/** Every text of a remiss that its signed missiv prints, keyed by its name in the input. */
function printedTexts(input: ConsultationPatch): Record<string, string | undefined> {
  return {
    title: input.title,
    description: input.description,
    ...Object.fromEntries(
      (input.sections ?? []).flatMap((s, i) => [
        [`sections[${i}].title`, s.title],
        [`sections[${i}].description`, s.description],
      ]),
    ),
    ...Object.fromEntries((input.recipients?.external ?? []).map((e, i) => [`recipients.external[${i}].name`, e.name])),
  };
}

const GROUP_KIND: Readonly<Record<RecipientGroup, OrganisationKind>> = {
  [RecipientGroup.DistrictBoards]: OrganisationKind.DistrictBoard,
  [RecipientGroup.SpecialistBoards]: OrganisationKind.SpecialistBoard,
  [RecipientGroup.CompanyBoards]: OrganisationKind.CompanyBoard,
};

/** Uploaded files, each with its title, consumed one after the other (a multipart stream). */
export interface Upload {
  readonly title: string;
  readonly file: IncomingFile;
}
export type Uploads = Iterable<Upload> | AsyncIterable<Upload>;

/** A file of the remissunderlag as the documents the system sends out list it. */
export interface OutgoingDocument {
  readonly version: number;
  /** The masked title when the file is secret. */
  readonly title: string;
  readonly fileName: string;
  readonly fileBlobId: string;
  /** Marked secret: never attached or sent, only named by its masked title. */
  readonly withheld: boolean;
}

interface ResolvedRecipients {
  readonly organisationIds: readonly string[];
  readonly external: readonly { readonly name: string; readonly email: string }[];
}

/**
 * The sender's side of a remiss: drafting it (title, description, sections, remissunderlag,
 * deadline, recipients), sending it — which queues one distribution job per recipient in the
 * same transaction — and correcting the remissunderlag after sending.
 */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
    private readonly files: FileStoreService,
    private readonly recipientViews: RecipientViews,
    private readonly issuance: IssuanceService,
  ) {}

  async create(actor: Actor, input: ConsultationInput): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    const person = this.#person(actor);
    assertPrintable(printedTexts(input));
    this.#assertDeadline(input.responseDeadline);
    const sections = this.#sections(input.sections ?? []);
    const recipients = await this.#resolveRecipients(person.organisationId, input.recipients ?? {});
    return this.db.transaction(async (tx) => {
      const senderCase = input.caseId
        ? await this.cases.findById(input.caseId, tx)
        : await this.cases.registerIn(tx, actor, person.organisationId, {
            title: input.title,
            responsiblePersonId: person.personId,
          });
      if (!senderCase || senderCase.organisationId !== person.organisationId) {
        throw consultationErrors.notFound();
      }
      if (senderCase.status === 'closed') {
        throw consultationErrors.caseClosed(senderCase.diaryNumber);
      }
      const saved = await tx.save(
        tx.create(ConsultationEntity, {
          organisationId: person.organisationId,
          caseId: senderCase.id,
          title: input.title.trim(),
          description: input.description ?? '',
          responseDeadline: input.responseDeadline,
          status: 'draft',
          documentsVersion: 1,
          createdBy: person.personId,
          sentAt: null,
          sentBy: null,
        }),
      );
      await this.#replaceSections(tx, saved.id, sections);
      await this.#replaceRecipients(tx, saved, recipients);
      const view = await this.#view(tx, actor, saved);
      await this.audit.record(tx, actor, {
        action: 'consultation.created',
        entityType: 'consultation',
        entityId: saved.id,
        after: this.#auditShape(view),
        organisationIds: [person.organisationId],
      });
      return view;
    });
  }

  /** Edits a draft. Sections and recipients, when given, replace the earlier ones. */
  async update(actor: Actor, id: string, patch: ConsultationPatch): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    const person = this.#person(actor);
    assertPrintable(printedTexts(patch));
    if (patch.responseDeadline !== undefined) {
      this.#assertDeadline(patch.responseDeadline);
    }
    const sections = patch.sections ? this.#sections(patch.sections) : undefined;
    const recipients = patch.recipients
      ? await this.#resolveRecipients(person.organisationId, patch.recipients)
      : undefined;
    return this.db.transaction(async (tx) => {
      const row = await this.#ownDraft(tx, actor, id);
      const before = this.#auditShape(await this.#view(tx, actor, row));
      if (patch.title !== undefined) {
        row.title = patch.title.trim();
      }
      if (patch.description !== undefined) {
        row.description = patch.description;
      }
      if (patch.responseDeadline !== undefined) {
        row.responseDeadline = patch.responseDeadline;
      }
      await tx.save(row);
      if (sections) {
        await this.#replaceSections(tx, row.id, sections);
      }
      if (recipients) {
        await this.#replaceRecipients(tx, row, recipients);
      } else if (patch.responseDeadline !== undefined) {
        await tx.update(
          ConsultationRecipientEntity,
          { consultationId: row.id },
          { responseDeadline: row.responseDeadline },
        );
      }
      const view = await this.#view(tx, actor, row);
      await this.audit.record(tx, actor, {
        action: 'consultation.updated',
        entityType: 'consultation',
        entityId: row.id,
        before,
        after: this.#auditShape(view),
        organisationIds: [row.organisationId],
      });
      return view;
    });
  }

  /** Adds a file to the remissunderlag of a draft; it is registered in the sender's case. */
  async addDocument(actor: Actor, id: string, title: string, file: IncomingFile): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    // The missiv lists the remissunderlag by title.
    assertPrintable({ title });
    return this.db.transaction(async (tx) => {
      const row = await this.#ownDraft(tx, actor, id);
      await this.#attach(tx, actor, row, [{ title, file }], 1, null);
      return this.#view(tx, actor, row);
    });
  }

  /** Takes a file out of a draft's remissunderlag; its registry entry is annulled, never deleted. */
  async removeDocument(actor: Actor, id: string, documentId: string): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.#ownDraft(tx, actor, id);
      const document = await tx.findOneBy(ConsultationDocumentEntity, { id: documentId, consultationId: row.id });
      if (!document) {
        throw consultationErrors.documentNotFound();
      }
      await tx.delete(ConsultationDocumentEntity, { id: document.id });
      await this.documents.annulIn(
        tx,
        actor,
        document.registeredDocumentId,
        'Borttagen ur remissunderlaget innan remissen skickades.',
      );
      await this.audit.record(tx, actor, {
        action: 'consultation.document_removed',
        entityType: 'consultation',
        entityId: row.id,
        before: { documentId: document.id, title: document.title, fileName: document.fileName },
        organisationIds: [row.organisationId],
      });
      return this.#view(tx, actor, row);
    });
  }

  /**
   * Sends the remiss: from now on it cannot be edited. Its missiv is asked for in the same
   * transaction; once the worker has signed it, one distribution job per recipient in the
   * directory follows (see `queueDistributionIn`), and the worker registers the remiss, with the
   * signed missiv, in each recipient's own registry.
   */
  async send(actor: Actor, id: string): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    const person = this.#person(actor);
    return this.db.transaction(async (tx) => {
      const row = await this.#ownDraft(tx, actor, id);
      this.#assertDeadline(row.responseDeadline);
      const recipients = await tx.findBy(ConsultationRecipientEntity, { consultationId: row.id });
      if (recipients.length === 0) {
        throw consultationErrors.noRecipients();
      }
      const now = this.clock.now();
      row.status = 'sent';
      row.sentAt = now;
      row.sentBy = person.personId;
      await tx.save(row);
      await tx.update(
        ConsultationRecipientEntity,
        { consultationId: row.id },
        { responseDeadline: row.responseDeadline, state: RecipientState.Sent },
      );
      // The remiss goes out with its signed missiv: distribution follows once it is signed.
      await this.issuance.request(tx, {
        kind: DocumentKind.CoveringLetter,
        subjectId: row.id,
        revision: row.documentsVersion,
        organisationId: row.organisationId,
        caseId: row.caseId,
      });
      const view = await this.#view(tx, actor, row);
      await this.audit.record(tx, actor, {
        action: 'consultation.sent',
        entityType: 'consultation',
        entityId: row.id,
        before: { status: 'draft' },
        after: { status: 'sent', sentAt: now, recipients: recipients.length },
        organisationIds: [row.organisationId],
      });
      return view;
    });
  }

  /**
   * The signed missiv of a sent remiss is stored: one distribution job per recipient in the
   * directory, in the storing transaction (run by the worker).
   */
  async queueDistributionIn(tx: Tx, consultationId: string): Promise<void> {
    const recipients = await tx.findBy(ConsultationRecipientEntity, { consultationId });
    await this.outbox.addMany(
      tx,
      recipients
        .filter((r) => r.organisationId !== null && r.caseId === null)
        .map((r) => ({ name: JobName.DistributeToRecipient, payload: { recipientId: r.id } })),
    );
  }

  /**
   * Corrects the remissunderlag of a sent remiss: the files become the next version, registered
   * in the sender's case, and each recipient gets them registered in its own case and is told.
   */
  async publishCorrection(actor: Actor, id: string, note: string, files: Uploads): Promise<ConsultationView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const row = await this.#own(tx, actor, id, true);
      if (row.status !== 'sent') {
        throw consultationErrors.notSent();
      }
      if (row.outsideSenderName !== null) {
        throw consultationErrors.fromOutside('rättas');
      }
      const version = row.documentsVersion + 1;
      const attached = await this.#attach(tx, actor, row, files, version, note.trim());
      row.documentsVersion = version;
      await tx.save(row);
      const recipients = await tx.findBy(ConsultationRecipientEntity, { consultationId: row.id });
      await this.outbox.addMany(
        tx,
        recipients
          .filter((r) => r.organisationId !== null)
          .map((r) => ({
            name: JobName.DistributeCorrection,
            payload: { recipientId: r.id, documentsVersion: version },
          })),
      );
      await this.audit.record(tx, actor, {
        action: 'consultation.corrected',
        entityType: 'consultation',
        entityId: row.id,
        before: { documentsVersion: version - 1 },
        after: { documentsVersion: version, note: note.trim(), files: attached },
        organisationIds: [row.organisationId],
      });
      return this.#view(tx, actor, row);
    });
  }

  /** The remiss, to its sender and to its recipients (once sent). */
  async get(actor: Actor, id: string): Promise<ConsultationView> {
    const row = await this.#readable(this.db.reader, actor, id);
    return this.#view(this.db.reader, actor, row);
  }

  /** For other libraries acting for the system. */
  async findById(id: string, reader?: Reader): Promise<ConsultationView | undefined> {
    const row = await (reader ?? this.db.reader).findOneBy(ConsultationEntity, { id });
    return row ? this.#view(reader ?? this.db.reader, { kind: 'system', process: 'lookup' }, row) : undefined;
  }

  /**
   * The remissunderlag as every document the system prints or sends lists it (the missiv, the
   * letter to an external recipient), whoever reads it later: a file marked secret in the sender's
   * registry by its masked title, and withheld.
   */
  async outgoingDocuments(consultationId: string, upToVersion?: number, reader?: Reader): Promise<OutgoingDocument[]> {
    const manager = reader ?? this.db.reader;
    const documents = (
      await manager.find(ConsultationDocumentEntity, {
        where: { consultationId },
        order: { version: 'ASC', createdAt: 'ASC' },
      })
    ).filter((d) => upToVersion === undefined || d.version <= upToVersion);
    const secrecy = await this.documents.secrecyFor(
      { kind: 'system', process: 'consultation' },
      documents.map((d) => d.registeredDocumentId),
      manager,
    );
    return documents.map((d) => {
      const secret = secrecy.get(d.registeredDocumentId);
      return {
        version: d.version,
        title: secret ? secretTitle(secret.ground) : d.title,
        fileName: secret ? secretFileName(d.fileName) : d.fileName,
        fileBlobId: d.fileBlobId,
        withheld: secret !== undefined,
      };
    });
  }

  /** Remisses the actor's organisation sent, or received. */
  async list(actor: Actor, role: 'sent' | 'received'): Promise<ConsultationView[]> {
    const person = this.#person(actor);
    const rows =
      role === 'sent'
        ? await this.db.reader.find(ConsultationEntity, {
            // A remiss from outside was received, not sent.
            where: { organisationId: person.organisationId, outsideSenderName: IsNull() },
            order: { createdAt: 'DESC' },
          })
        : await this.db.reader
            .createQueryBuilder(ConsultationEntity, 'c')
            .innerJoin(ConsultationRecipientEntity, 'r', 'r.consultation_id = c.id')
            .where(`r.organisation_id = :org AND c.status = 'sent'`, { org: person.organisationId })
            .orderBy('c.sent_at', 'DESC')
            .getMany();
    return Promise.all(rows.map((row) => this.#view(this.db.reader, actor, row)));
  }

  /** A file of the remissunderlag, for the sender and the recipients. */
  async openDocument(
    actor: Actor,
    id: string,
    documentId: string,
  ): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
    const row = await this.#readable(this.db.reader, actor, id);
    const document = await this.db.reader.findOneBy(ConsultationDocumentEntity, {
      id: documentId,
      consultationId: row.id,
    });
    if (!document) {
      throw consultationErrors.documentNotFound();
    }
    // The sender's registered copy decides: its registrar may have marked it secret.
    if (actor.kind === 'person' && actor.organisationId === row.organisationId) {
      return this.documents.openFile(actor, document.registeredDocumentId);
    }
    const secrecy = await this.documents.secrecyFor(actor, [document.registeredDocumentId]);
    if (secrecy.get(document.registeredDocumentId)?.masked) {
      throw consultationErrors.documentWithheld();
    }
    const blob = await mustFind(this.files.describe(document.fileBlobId), consultationErrors.documentNotFound);
    return {
      stream: this.files.open(document.fileBlobId),
      fileName: document.fileName,
      mediaType: blob.mediaType,
      size: blob.size,
    };
  }

  /** Checks that a remiss exists and the actor's organisation sent it (404 otherwise). */
  async assertSender(actor: Actor, id: string): Promise<ConsultationEntity> {
    return this.#own(this.db.reader, actor, id);
  }

  async #attach(
    tx: Tx,
    actor: Actor,
    row: ConsultationEntity,
    files: Uploads,
    version: number,
    note: string | null,
  ): Promise<string[]> {
    const names: string[] = [];
    // for await takes synchronous iterables too.
    for await (const { title, file } of files as AsyncIterable<Upload>) {
      names.push(file.fileName);
      const registered = await this.documents.registerFileIn(
        tx,
        actor,
        row.caseId,
        { direction: 'outgoing', kind: 'remissunderlag', title: title.trim() },
        { upload: file },
      );
      // The same file twice would reach every recipient twice: refused, whatever its name.
      const same = await tx.findOneBy(ConsultationDocumentEntity, {
        consultationId: row.id,
        fileBlobId: registered.fileBlobId,
      });
      if (same) {
        throw consultationErrors.documentDuplicate(file.fileName, same.title);
      }
      await tx.save(
        tx.create(ConsultationDocumentEntity, {
          consultationId: row.id,
          version,
          registeredDocumentId: registered.id,
          title: title.trim(),
          fileBlobId: registered.fileBlobId,
          fileName: file.fileName,
          note,
        }),
      );
    }
    return names;
  }

  #person(actor: Actor): { personId: string; organisationId: string } {
    requirePerson(actor);
    return actor;
  }

  #assertDeadline(deadline: string): void {
    const today = localDate(this.clock.now());
    if (deadline <= today) {
      throw consultationErrors.deadlinePast(deadline, today);
    }
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

  /** Expands groups, checks every organisation exists and is active, and refuses duplicates and the sender itself. */
  async #resolveRecipients(senderId: string, selection: RecipientSelection): Promise<ResolvedRecipients> {
    const explicit = selection.organisationIds ?? [];
    const duplicates = explicit.filter((id, i) => explicit.indexOf(id) !== i);
    const emails = (selection.external ?? []).map((e) => e.email.trim().toLowerCase());
    const duplicateEmails = emails.filter((e, i) => emails.indexOf(e) !== i);
    if (duplicates.length > 0 || duplicateEmails.length > 0) {
      const named = await this.organisations.findByIds(duplicates);
      throw consultationErrors.duplicateRecipients([...new Set([...named.map((o) => o.name), ...duplicateEmails])]);
    }
    if (explicit.includes(senderId)) {
      throw consultationErrors.senderAsRecipient();
    }
    const found = await this.organisations.findByIds(explicit);
    const unknown = explicit.filter((id) => !found.some((o) => o.id === id && o.active));
    if (unknown.length > 0) {
      throw consultationErrors.unknownRecipients(unknown);
    }
    const ids = new Set(explicit);
    // Each recipient registers the remiss in its own diary series: one without cannot take it.
    const withoutSeries = new Set(found.filter((o) => !o.diaryPrefix).map((o) => o.name));
    for (const group of selection.groups ?? []) {
      for (const o of await this.organisations.list(
        { kind: 'system', process: 'consultation' },
        { kind: GROUP_KIND[group] },
      )) {
        if (o.id !== senderId) {
          ids.add(o.id);
          if (!o.diaryPrefix) {
            withoutSeries.add(o.name);
          }
        }
      }
    }
    if (withoutSeries.size > 0) {
      throw consultationErrors.recipientsWithoutSeries([...withoutSeries]);
    }
    return {
      organisationIds: [...ids],
      external: (selection.external ?? []).map((e) => ({ name: e.name.trim(), email: e.email.trim().toLowerCase() })),
    };
  }

  async #replaceSections(tx: Tx, consultationId: string, sections: readonly SectionInput[]): Promise<void> {
    await tx.delete(ConsultationSectionEntity, { consultationId });
    if (sections.length > 0) {
      await tx.insert(
        ConsultationSectionEntity,
        sections.map((s, i) => ({ consultationId, position: i + 1, title: s.title, description: s.description ?? '' })),
      );
    }
  }

  async #replaceRecipients(tx: Tx, row: ConsultationEntity, recipients: ResolvedRecipients): Promise<void> {
    await tx.delete(ConsultationRecipientEntity, { consultationId: row.id });
    const values = [
      ...recipients.organisationIds.map((organisationId) => ({
        consultationId: row.id,
        organisationId,
        externalName: null,
        externalEmail: null,
      })),
      ...recipients.external.map((e) => ({
        consultationId: row.id,
        organisationId: null,
        externalName: e.name,
        externalEmail: e.email,
      })),
    ].map((v) => ({ ...v, state: RecipientState.Sent, responseDeadline: row.responseDeadline }));
    if (values.length > 0) {
      await tx.insert(ConsultationRecipientEntity, values);
    }
  }

  /** The actor's own remiss (404 otherwise); a lock is taken only inside a transaction. */
  #own(manager: Tx, actor: Actor, id: string, lock: true): Promise<ConsultationEntity>;
  #own(manager: Reader, actor: Actor, id: string, lock?: false): Promise<ConsultationEntity>;
  async #own(manager: Reader, actor: Actor, id: string, lock = false): Promise<ConsultationEntity> {
    const row = await manager.findOne(ConsultationEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || (actor.kind === 'person' && row.organisationId !== actor.organisationId)) {
      throw consultationErrors.notFound();
    }
    return row;
  }

  async #ownDraft(tx: Tx, actor: Actor, id: string): Promise<ConsultationEntity> {
    const row = await this.#own(tx, actor, id, true);
    if (row.status !== 'draft') {
      throw consultationErrors.alreadySent();
    }
    return row;
  }

  async #readable(manager: Reader, actor: Actor, id: string): Promise<ConsultationEntity> {
    const row = await manager.findOneBy(ConsultationEntity, { id });
    if (!row) {
      throw consultationErrors.notFound();
    }
    if (actor.kind === 'system' || row.organisationId === actor.organisationId) {
      return row;
    }
    const recipient =
      row.status === 'sent' &&
      (await manager.existsBy(ConsultationRecipientEntity, {
        consultationId: id,
        organisationId: actor.organisationId,
      }));
    if (!recipient) {
      throw consultationErrors.notFound();
    }
    return row;
  }

  async #view(manager: Reader, actor: Actor, row: ConsultationEntity): Promise<ConsultationView> {
    // One query at a time: the manager may be a transaction's, which runs one query at once.
    const sections = await manager.find(ConsultationSectionEntity, {
      where: { consultationId: row.id },
      order: { position: 'ASC' },
    });
    const documents = await manager.find(ConsultationDocumentEntity, {
      where: { consultationId: row.id },
      order: { version: 'ASC', createdAt: 'ASC' },
    });
    const recipients = await manager.find(ConsultationRecipientEntity, {
      where: { consultationId: row.id },
      order: { createdAt: 'ASC' },
    });
    const sender = await this.organisations.findById(row.organisationId, manager);
    const senderCase = await this.cases.findById(row.caseId, manager);
    const secrecy = await this.documents.secrecyFor(
      actor,
      documents.map((d) => d.registeredDocumentId),
      manager,
    );
    const blobs: ({ sha256: string; size: number; mediaType: string } | undefined)[] = [];
    for (const d of documents) {
      // Nothing of a withheld file is read for the view, not even its size or type.
      blobs.push(
        secrecy.get(d.registeredDocumentId)?.masked ? undefined : await this.files.describe(d.fileBlobId, manager),
      );
    }
    const recipientViews = await this.recipientViews.many(recipients, manager);
    const mine =
      actor.kind === 'person' ? recipientViews.find((r) => r.organisationId === actor.organisationId) : undefined;
    return {
      id: row.id,
      organisationId: row.organisationId,
      senderName: row.outsideSenderName ?? sender?.name ?? '',
      caseId: row.caseId,
      senderDiaryNumber: row.outsideSenderName ? (row.outsideSenderReference ?? '') : (senderCase?.diaryNumber ?? ''),
      outsideSender: outsideSenderOf(row),
      title: row.title,
      description: row.description,
      responseDeadline: row.responseDeadline,
      status: row.status,
      documentsVersion: row.documentsVersion,
      sections: sections.map((s): SectionView => ({
        id: s.id,
        position: s.position,
        title: s.title,
        description: s.description,
      })),
      documents: documents.map((d, i): ConsultationDocumentView => {
        const secret = secrecy.get(d.registeredDocumentId);
        const masked = secret?.masked ?? false;
        return {
          id: d.id,
          version: d.version,
          title: secret?.masked ? secretTitle(secret.ground) : d.title,
          fileName: masked ? secretFileName(d.fileName) : d.fileName,
          size: blobs[i]?.size ?? null,
          mediaType: blobs[i]?.mediaType ?? null,
          sha256: blobs[i]?.sha256 ?? null,
          masked,
          note: d.note,
        };
      }),
      recipients: recipientViews
        .map((r) => ({ id: r.id, name: r.name, external: r.external }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      createdBy: row.createdBy,
      sentAt: row.sentAt?.toISOString() ?? null,
      asRecipient: mine ?? null,
    };
  }

  #auditShape(view: ConsultationView): Record<string, unknown> {
    return {
      title: view.title,
      responseDeadline: view.responseDeadline,
      sections: view.sections.map((s) => s.title),
      recipients: view.recipients.map((r) => r.name),
      documents: view.documents.map((d) => d.fileName),
    };
  }
}
