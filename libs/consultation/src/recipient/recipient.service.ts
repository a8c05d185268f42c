import { OrganisationService, PersonService } from '@app/directory';
import { DocumentKind, IssuanceService } from '@app/issuance';
import { NotificationService } from '@app/notification';
import {
  type Actor,
  actorPersonId,
  AuditService,
  Clock,
  Db,
  isIsoDate,
  localDate,
  mustFind,
  notFoundAs,
  type Reader,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { assertPrintable } from '@app/pdf';
import { CaseService, type IncomingFile, RegisteredDocumentService, type SystemAttachment } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { ConsultationAnswerSectionEntity } from '../answer/consultation-answer-section.entity.js';
import { ConsultationAnswerEntity } from '../answer/consultation-answer.entity.js';
import type { Position } from '../answer/position.js';
import { ConsultationSectionEntity } from '../consultation/consultation-section.entity.js';
import { ConsultationEntity } from '../consultation/consultation.entity.js';
import { outsideSenderOf } from '../consultation/outside-sender.js';
import { consultationErrors } from '../consultation.errors.js';
import type { ExtensionRequestView, RecipientView, SectionAnswer } from '../consultation.views.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';
import { ExtensionRequestEntity } from './extension-request.entity.js';
import { assertExternal, assertInternal } from './recipient-kind.js';
import { canMove, FINAL_STATES, RECIPIENT_STATE_LABEL, RecipientState } from './recipient-state.js';
import { RecipientViews } from './recipient-views.js';

/** Who decided that a recipient declines, as recorded with the decline. */
export type DeclineDecision =
  | { readonly by: 'administration'; readonly personId: string; readonly name: string; readonly title: string | null }
  | { readonly by: 'board'; readonly decisionId: string };

export interface AnswerInput {
  readonly position: Position;
  readonly comment?: string;
  readonly sections?: readonly SectionAnswer[];
}

/** What a recipient's case looks like to the statement workflow. */
export interface RecipientContext {
  readonly recipient: RecipientView;
  readonly caseId: string;
  readonly consultationId: string;
  readonly consultationTitle: string;
  readonly senderOrganisationId: string;
  readonly senderName: string;
  readonly senderCaseId: string;
  /**
   * The sender is outside the directory (a ministry, an agency): the answer goes to them by post
   * or e-mail, and there is no sender's case to register it in.
   */
  readonly senderOutside: boolean;
  /** The sender's postal address lines (for one outside the directory; none otherwise). */
  readonly senderAddress: readonly string[];
  /** The sender's reference, printed as "Er referens": their diary number, or what the registrar recorded. */
  readonly senderReference: string | null;
  readonly sections: readonly {
    readonly id: string;
    readonly position: number;
    readonly title: string;
    readonly description: string;
  }[];
}

/** A remiss still open at a recipient, for work lists. */
export interface OpenRecipient {
  readonly id: string;
  readonly state: RecipientState;
  readonly diaryNumber: string | null;
  readonly responseDeadline: string;
  readonly assignedPersonId: string | null;
  readonly caseId: string | null;
  readonly title: string;
  readonly overdue: boolean;
}

function toExtensionView(e: ExtensionRequestEntity): ExtensionRequestView {
  return {
    id: e.id,
    recipientId: e.recipientId,
    requestedDeadline: e.requestedDeadline,
    reason: e.reason,
    status: e.status,
    comment: e.comment,
  };
}

/**
 * The recipient's side of a remiss — assigning it, asking for an extension, declining — and the
 * sender's handling of extension requests and of answers from external bodies. Other libraries
 * move a recipient through drafting and approval and deliver its answer through this service.
 */
/** Whose side a recipient is loaded for: the remiss's sender, the recipient itself, or either. */
type Side = 'sender' | 'recipient' | 'either';

interface Loaded {
  readonly recipient: ConsultationRecipientEntity;
  readonly consultation: ConsultationEntity;
}

@Injectable()
export class RecipientService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
    private readonly notifications: NotificationService,
    private readonly views: RecipientViews,
    private readonly issuance: IssuanceService,
    private readonly people: PersonService,
  ) {}

  /** A recipient, to the sender and to the recipient itself. */
  async get(actor: Actor, recipientId: string): Promise<RecipientView> {
    const { recipient } = await this.#load(this.db.reader, actor, recipientId, 'either');
    return this.views.one(recipient);
  }

  /** The recipient's registrar makes a department and case officer responsible. */
  async assign(
    actor: Actor,
    recipientId: string,
    to: { departmentId: string | null; personId: string },
  ): Promise<RecipientView> {
    requireRole(actor, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const { recipient, consultation } = await this.#load(tx, actor, recipientId, 'recipient', true);
      assertInternal(recipient);
      if (!recipient.caseId) {
        throw consultationErrors.notRegisteredYet();
      }
      const target =
        recipient.state === RecipientState.Registered || recipient.state === RecipientState.Assigned
          ? RecipientState.Assigned
          : recipient.state;
      if (FINAL_STATES.has(recipient.state)) {
        throw consultationErrors.stateForbids(RECIPIENT_STATE_LABEL[recipient.state], 'tilldelas');
      }
      await this.cases.assignIn(tx, actor, recipient.caseId, { departmentId: to.departmentId, personId: to.personId });
      const before = {
        state: recipient.state,
        assignedPersonId: recipient.assignedPersonId,
        assignedDepartmentId: recipient.assignedDepartmentId,
      };
      Object.assign(recipient, { state: target, assignedPersonId: to.personId, assignedDepartmentId: to.departmentId });
      await tx.save(recipient);
      await this.notifications.post(tx, {
        sourceKey: `consultation-assigned:${recipient.id}:${to.personId}:${this.clock.now().getTime()}`,
        organisationId: recipient.organisationId,
        audience: { personIds: [to.personId] },
        kind: 'consultation_assigned',
        diaryNumber: recipient.diaryNumber,
        title: `Du har fått remissen ${consultation.title}`,
        body: `Remissen ”${consultation.title}” (${recipient.diaryNumber}) är tilldelad dig. Svar senast ${recipient.responseDeadline}.`,
        link: { type: 'consultation_recipient', id: recipient.id },
      });
      await this.audit.record(tx, actor, {
        action: 'consultation.recipient_assigned',
        entityType: 'consultation_recipient',
        entityId: recipient.id,
        before,
        after: { state: target, assignedPersonId: to.personId, assignedDepartmentId: to.departmentId },
        organisationIds: [consultation.organisationId, recipient.organisationId],
      });
      return this.views.one(recipient, tx);
    });
  }

  /**
   * The recipient declines (avstår) by a decision of its administration on the board's behalf:
   * the person who decided is recorded with their title. The signed avstående is registered as
   * outgoing in the recipient's case and incoming in the sender's once it is made.
   */
  async decline(
    actor: Actor,
    recipientId: string,
    input: { reason: string; decidedBy: string },
  ): Promise<RecipientView> {
    requireRole(actor, Role.Registrar);
    assertPrintable({ reason: input.reason });
    return this.db.transaction(async (tx) => {
      const { recipient, consultation } = await this.#load(tx, actor, recipientId, 'recipient', true);
      const person = await this.people.findById(input.decidedBy, tx);
      const belongs =
        person &&
        !person.disabled &&
        (person.organisationId === recipient.organisationId ||
          person.roles.some((r) => r.organisationId === recipient.organisationId));
      if (!belongs) {
        throw consultationErrors.deciderUnknown();
      }
      return this.declineIn(
        tx,
        actor,
        recipient.id,
        input.reason,
        { by: 'administration', personId: person.id, name: person.name, title: person.title },
        consultation,
      );
    });
  }

  /** A recipient the actor's own organisation is (404 for anyone else, the sender included). */
  async getOwn(actor: Actor, recipientId: string, reader?: Reader): Promise<RecipientView> {
    const { recipient } = await this.#load(reader ?? this.db.reader, actor, recipientId, 'recipient');
    return this.views.one(recipient, reader);
  }

  /**
   * Declines inside the caller's transaction, by the decision given: the administration's on
   * the board's behalf, or the board's own (recorded by the statement workflow).
   */
  async declineIn(
    tx: Tx,
    actor: Actor,
    recipientId: string,
    reason: string,
    decision: DeclineDecision,
    known?: ConsultationEntity,
  ): Promise<RecipientView> {
    const { recipient, consultation: loaded } = await this.#load(tx, actor, recipientId, 'recipient', true);
    assertInternal(recipient);
    const consultation = known ?? loaded;
    if (!canMove(recipient.state, RecipientState.Declined)) {
      throw consultationErrors.stateForbids(RECIPIENT_STATE_LABEL[recipient.state], 'avstå');
    }
    if (!recipient.caseId) {
      throw consultationErrors.notRegisteredYet();
    }
    const organisation = await this.organisations.findById(recipient.organisationId, tx);
    const now = this.clock.now();
    const text = `${organisation?.name ?? 'Remissinstansen'} avstår från att yttra sig över remissen ${consultation.title}. ${reason.trim()}`;
    const before = { state: recipient.state };
    Object.assign(recipient, {
      state: RecipientState.Declined,
      declinedAt: now,
      declineReason: reason.trim(),
      declinedByPersonId: decision.by === 'administration' ? decision.personId : null,
      declinedByName: decision.by === 'administration' ? decision.name : null,
      declinedByTitle: decision.by === 'administration' ? decision.title : null,
      declineDecisionId: decision.by === 'board' ? decision.decisionId : null,
    });
    await tx.save(recipient);
    // The signed avstående is the record in both registries: registered as it is made.
    await this.issuance.request(tx, {
      kind: DocumentKind.DeclineLetter,
      subjectId: recipient.id,
      revision: 1,
      organisationId: recipient.organisationId,
      caseId: recipient.caseId,
    });
    await this.notifications.post(tx, {
      sourceKey: `consultation-declined:${recipient.id}`,
      organisationId: consultation.organisationId,
      audience: { personIds: [consultation.createdBy], roles: [Role.Registrar] },
      kind: 'consultation_declined',
      title: `${organisation?.name ?? 'En remissinstans'} avstår`,
      body: text,
      link: { type: 'consultation', id: consultation.id },
    });
    const view = await this.views.one(recipient, tx);
    await this.audit.record(tx, actor, {
      action: 'consultation.recipient_declined',
      entityType: 'consultation_recipient',
      entityId: recipient.id,
      before,
      after: { state: RecipientState.Declined, reason: reason.trim(), decision: view.declineDecision },
      organisationIds: [consultation.organisationId, recipient.organisationId],
    });
    return view;
  }

  /**
   * The signed avstående reaches the sender: registered as incoming in the sender's case with
   * the very file registered as outgoing at the recipient. Inside the caller's transaction;
   * once per recipient.
   */
  async deliverDeclineIn(tx: Tx, actor: Actor, recipientId: string, attachment: SystemAttachment): Promise<void> {
    const recipient = await mustFind(
      tx.findOneBy(ConsultationRecipientEntity, { id: recipientId }),
      consultationErrors.recipientNotFound,
    );
    assertInternal(recipient);
    const consultation = await this.#consultationOf(tx, recipient);
    if (consultation.outsideSenderName !== null) {
      return; // a sender outside the directory has no case here: it gets the outgoing copy
    }
    const organisation = await this.organisations.findById(recipient.organisationId, tx);
    await this.documents.registerIn(
      tx,
      actor,
      consultation.caseId,
      {
        direction: 'incoming',
        kind: 'avstående',
        title: `${organisation?.name ?? 'Remissinstansen'} avstår från att yttra sig: ${consultation.title}`,
        counterpart: organisation?.name ?? null,
        originKey: `consultation-declined:${recipient.id}:sender`,
      },
      attachment,
    );
  }

  /** The recipient asks the sender for a later deadline (anstånd). */
  async requestExtension(
    actor: Actor,
    recipientId: string,
    input: { requestedDeadline: string; reason: string },
  ): Promise<ExtensionRequestView> {
    requireRole(actor, Role.Registrar, Role.CaseOfficer);
    requirePerson(actor);
    return this.db.transaction(async (tx) => {
      const { recipient, consultation } = await this.#load(tx, actor, recipientId, 'recipient', true);
      assertInternal(recipient);
      if (FINAL_STATES.has(recipient.state)) {
        throw consultationErrors.stateForbids(RECIPIENT_STATE_LABEL[recipient.state], 'begära anstånd');
      }
      if (!isIsoDate(input.requestedDeadline) || input.requestedDeadline <= recipient.responseDeadline) {
        throw consultationErrors.extensionNotLater(input.requestedDeadline, recipient.responseDeadline);
      }
      if (await tx.existsBy(ExtensionRequestEntity, { recipientId: recipient.id, status: 'pending' })) {
        throw consultationErrors.extensionPending();
      }
      const saved = await tx.save(
        tx.create(ExtensionRequestEntity, {
          recipientId: recipient.id,
          requestedDeadline: input.requestedDeadline,
          reason: input.reason.trim(),
          requestedBy: actor.personId,
          requestedAt: this.clock.now(),
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
          comment: null,
        }),
      );
      const organisation = await this.organisations.findById(recipient.organisationId, tx);
      await this.notifications.post(tx, {
        sourceKey: `extension-requested:${saved.id}`,
        organisationId: consultation.organisationId,
        audience: { personIds: [consultation.createdBy] },
        kind: 'extension_requested',
        title: `${organisation?.name ?? 'En remissinstans'} begär anstånd`,
        body: `Anstånd med svaret på ”${consultation.title}” till ${input.requestedDeadline} (i dag ${recipient.responseDeadline}). Skäl: ${input.reason.trim()}`,
        link: { type: 'extension_request', id: saved.id },
      });
      await this.audit.record(tx, actor, {
        action: 'consultation.extension_requested',
        entityType: 'extension_request',
        entityId: saved.id,
        after: toExtensionView(saved),
        organisationIds: [consultation.organisationId, recipient.organisationId],
      });
      return toExtensionView(saved);
    });
  }

  /** The sender grants or refuses an extension; the recipient's deadline follows a grant. */
  async decideExtension(
    actor: Actor,
    requestId: string,
    decision: { granted: boolean; comment?: string },
  ): Promise<ExtensionRequestView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    return this.db.transaction(async (tx) => {
      const request = await tx.findOne(ExtensionRequestEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) {
        throw consultationErrors.extensionNotFound();
      }
      const { recipient, consultation } = await this.#load(tx, actor, request.recipientId, 'sender', true).catch(
        notFoundAs(consultationErrors.extensionNotFound),
      );
      assertInternal(recipient); // only a recipient with a registry of its own asks for more time
      if (request.status !== 'pending') {
        throw consultationErrors.extensionDecided();
      }
      Object.assign(request, {
        status: decision.granted ? 'granted' : 'refused',
        decidedBy: actorPersonId(actor),
        decidedAt: this.clock.now(),
        comment: decision.comment?.trim() || null,
      });
      await tx.save(request);
      const before = { responseDeadline: recipient.responseDeadline };
      if (decision.granted) {
        recipient.responseDeadline = request.requestedDeadline;
        await tx.save(recipient);
      }
      await this.notifications.post(tx, {
        sourceKey: `extension-decided:${request.id}`,
        organisationId: recipient.organisationId,
        audience: {
          personIds: [request.requestedBy, ...(recipient.assignedPersonId ? [recipient.assignedPersonId] : [])],
          roles: [Role.Registrar],
        },
        kind: decision.granted ? 'extension_granted' : 'extension_refused',
        title: decision.granted ? `Anstånd beviljat till ${request.requestedDeadline}` : 'Anstånd avslaget',
        body: `${decision.granted ? 'Anstånd beviljat' : 'Anståndet avslogs'} för remissen ”${consultation.title}”.${
          request.comment ? ` ${request.comment}` : ''
        } Svar senast ${recipient.responseDeadline}.`,
        link: { type: 'consultation_recipient', id: recipient.id },
      });
      await this.audit.record(tx, actor, {
        action: decision.granted ? 'consultation.extension_granted' : 'consultation.extension_refused',
        entityType: 'extension_request',
        entityId: request.id,
        before: { status: 'pending', ...before },
        after: { status: request.status, responseDeadline: recipient.responseDeadline, comment: request.comment },
        organisationIds: [consultation.organisationId, recipient.organisationId],
      });
      return toExtensionView(request);
    });
  }

  /** The extension requests of a recipient (to the sender and the recipient). */
  async extensionRequests(actor: Actor, recipientId: string): Promise<ExtensionRequestView[]> {
    const { recipient } = await this.#load(this.db.reader, actor, recipientId, 'either');
    const rows = await this.db.reader.find(ExtensionRequestEntity, {
      where: { recipientId: recipient.id },
      order: { requestedAt: 'ASC' },
    });
    return rows.map(toExtensionView);
  }

  /**
   * The sender's registrar registers an answer that came from an external body (by e-mail or
   * letter) as an incoming document; it counts in the tracking and the compilation like any other.
   */
  async registerExternalAnswer(
    actor: Actor,
    recipientId: string,
    answer: AnswerInput & { documentDate?: string },
    file?: IncomingFile,
  ): Promise<RecipientView> {
    requireRole(actor, Role.Registrar);
    // The answer is printed in the signed compilation.
    assertPrintable({
      comment: answer.comment,
      ...Object.fromEntries((answer.sections ?? []).map((s, i) => [`sections[${i}].comment`, s.comment])),
    });
    return this.db.transaction(async (tx) => {
      const { recipient, consultation } = await this.#load(tx, actor, recipientId, 'sender', true);
      assertExternal(recipient);
      if (FINAL_STATES.has(recipient.state)) {
        throw consultationErrors.stateForbids(RECIPIENT_STATE_LABEL[recipient.state], 'få ett nytt svar');
      }
      await this.#recordAnswer(tx, actor, recipient, consultation, answer, {
        title: `Yttrande från ${recipient.externalName}: ${consultation.title}`,
        counterpart: recipient.externalName,
        documentDate: answer.documentDate,
        ...(file ? { attachment: { upload: file } } : {}),
      });
      return this.views.one(recipient, tx);
    });
  }

  /** For work lists: the organisation's remisses not yet answered or declined, with title and deadline. */
  async openFor(organisationId: string): Promise<OpenRecipient[]> {
    const rows = await this.db.reader.query<OpenRecipient[]>(
      `SELECT r.id, r.state, r.diary_number AS "diaryNumber", to_char(r.response_deadline, 'YYYY-MM-DD') AS "responseDeadline",
              r.assigned_person_id AS "assignedPersonId", r.case_id AS "caseId", c.title
       FROM consultation_recipients r JOIN consultations c ON c.id = r.consultation_id
       WHERE r.organisation_id = $1 AND c.status = 'sent' AND r.state NOT IN ('answered', 'declined')
       ORDER BY r.response_deadline`,
      [organisationId],
    );
    const today = this.views.today();
    return rows.map((r) => ({ ...r, overdue: r.responseDeadline < today }));
  }

  /** For work lists: extension requests waiting for the sender, on remisses the person created. */
  async pendingExtensionsFor(
    organisationId: string,
    personId: string,
  ): Promise<{ id: string; title: string; requestedDeadline: string; recipientName: string; diaryNumber: string }[]> {
    const rows = await this.db.reader.query<
      {
        id: string;
        title: string;
        requested_deadline: string;
        organisation_id: string | null;
        external_name: string | null;
        case_id: string;
      }[]
    >(
      `SELECT e.id, c.title, to_char(e.requested_deadline, 'YYYY-MM-DD') AS requested_deadline, r.organisation_id, r.external_name, c.case_id
       FROM extension_requests e JOIN consultation_recipients r ON r.id = e.recipient_id JOIN consultations c ON c.id = r.consultation_id
       WHERE e.status = 'pending' AND c.organisation_id = $1 AND c.created_by = $2
       ORDER BY e.requested_at`,
      [organisationId, personId],
    );
    const names = new Map(
      (
        await this.organisations.findByIds(rows.map((r) => r.organisation_id).filter((x): x is string => x !== null))
      ).map((o) => [o.id, o.name]),
    );
    const numbers = new Map<string, string>();
    for (const r of rows) {
      if (!numbers.has(r.case_id)) {
        numbers.set(r.case_id, (await this.cases.findById(r.case_id))?.diaryNumber ?? '');
      }
    }
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      requestedDeadline: r.requested_deadline,
      recipientName: r.organisation_id ? (names.get(r.organisation_id) ?? '') : (r.external_name ?? ''),
      diaryNumber: numbers.get(r.case_id) ?? '',
    }));
  }

  /** For the statement workflow: the recipient behind a case in its own registry. */
  async contextForCase(caseId: string, reader?: Reader): Promise<RecipientContext | undefined> {
    const manager = reader ?? this.db.reader;
    const recipient = await manager.findOneBy(ConsultationRecipientEntity, { caseId });
    return recipient ? this.#context(manager, recipient) : undefined;
  }

  async contextFor(recipientId: string, reader?: Reader): Promise<RecipientContext | undefined> {
    const manager = reader ?? this.db.reader;
    const recipient = await manager.findOneBy(ConsultationRecipientEntity, { id: recipientId });
    return recipient ? this.#context(manager, recipient) : undefined;
  }

  /** Moves a recipient along the workflow inside the caller's transaction (drafting, approval, decision). */
  async advanceIn(tx: Tx, actor: Actor, recipientId: string, to: RecipientState): Promise<void> {
    const recipient = await mustFind(
      tx.findOne(ConsultationRecipientEntity, { where: { id: recipientId }, lock: { mode: 'pessimistic_write' } }),
      consultationErrors.recipientNotFound,
    );
    if (recipient.state === to) {
      return;
    }
    if (!canMove(recipient.state, to)) {
      throw consultationErrors.stateForbids(
        RECIPIENT_STATE_LABEL[recipient.state],
        `gå till ”${RECIPIENT_STATE_LABEL[to]}”`,
      );
    }
    const consultation = await this.#consultationOf(tx, recipient);
    const before = recipient.state;
    recipient.state = to;
    await tx.save(recipient);
    await this.audit.record(tx, actor, {
      action: 'consultation.recipient_state_changed',
      entityType: 'consultation_recipient',
      entityId: recipient.id,
      before: { state: before },
      after: { state: to },
      organisationIds: [consultation.organisationId, recipient.organisationId ?? consultation.organisationId],
    });
  }

  /**
   * Delivers a recipient's adopted statement: registered as an incoming document in the
   * sender's case, recorded as the answer (positions per section), the recipient answered and
   * the sender told. Inside the caller's transaction.
   */
  async deliverAnswerIn(
    tx: Tx,
    actor: Actor,
    recipientId: string,
    answer: AnswerInput,
    document: { title: string; attachment?: SystemAttachment },
  ): Promise<void> {
    const recipient = await mustFind(
      tx.findOne(ConsultationRecipientEntity, { where: { id: recipientId }, lock: { mode: 'pessimistic_write' } }),
      consultationErrors.recipientNotFound,
    );
    assertInternal(recipient);
    const consultation = await this.#consultationOf(tx, recipient);
    if (!canMove(recipient.state, RecipientState.Answered)) {
      throw consultationErrors.stateForbids(RECIPIENT_STATE_LABEL[recipient.state], 'besvara remissen');
    }
    const organisation = await this.organisations.findById(recipient.organisationId, tx);
    await this.#recordAnswer(tx, actor, recipient, consultation, answer, {
      title: document.title,
      counterpart: organisation?.name ?? '',
      ...(document.attachment ? { attachment: document.attachment } : {}),
    });
  }

  async #recordAnswer(
    tx: Tx,
    actor: Actor,
    recipient: ConsultationRecipientEntity,
    consultation: ConsultationEntity,
    answer: AnswerInput & { documentDate?: string },
    document: { title: string; counterpart: string; documentDate?: string; attachment?: SystemAttachment },
  ): Promise<void> {
    const sections = await tx.findBy(ConsultationSectionEntity, { consultationId: consultation.id });
    const answered = new Set<string>();
    for (const s of answer.sections ?? []) {
      if (!sections.some((known) => known.id === s.sectionId)) {
        throw consultationErrors.sectionUnknown(s.sectionId);
      }
      if (answered.has(s.sectionId)) {
        throw consultationErrors.sectionAnsweredTwice(s.sectionId);
      }
      answered.add(s.sectionId);
    }
    // A sender outside the directory has no case here: the answer is the outgoing yttrande in the
    // recipient's own case, registered with its counterpart when it was signed.
    const outside = consultation.outsideSenderName !== null;
    const registered = outside
      ? null
      : await this.documents.registerIn(
          tx,
          actor,
          consultation.caseId,
          {
            direction: 'incoming',
            kind: 'yttrande',
            title: document.title,
            counterpart: document.counterpart,
            ...(document.documentDate ? { documentDate: document.documentDate } : {}),
            originKey: `consultation-answer:${recipient.id}`,
          },
          document.attachment,
        );
    const now = this.clock.now();
    const saved = await tx.save(
      tx.create(ConsultationAnswerEntity, {
        recipientId: recipient.id,
        position: answer.position,
        comment: answer.comment?.trim() ?? '',
        source: recipient.organisationId ? 'statement' : 'external',
        answeredOn: localDate(now),
        senderDocumentId: registered?.id ?? null,
      }),
    );
    const given = (answer.sections ?? []).filter((s) => s.position !== null || s.comment.trim() !== '');
    if (given.length > 0) {
      await tx.insert(
        ConsultationAnswerSectionEntity,
        given.map((s) => ({
          answerId: saved.id,
          sectionId: s.sectionId,
          position: s.position,
          comment: s.comment.trim(),
        })),
      );
    }
    const before = { state: recipient.state };
    Object.assign(recipient, { state: RecipientState.Answered, answeredAt: now });
    await tx.save(recipient);
    if (registered) {
      await this.notifications.post(tx, {
        sourceKey: `consultation-answered:${recipient.id}`,
        organisationId: consultation.organisationId,
        audience: { personIds: [consultation.createdBy], roles: [Role.Registrar] },
        kind: 'consultation_answered',
        title: `Svar från ${document.counterpart}`,
        body: `${document.counterpart} har svarat på remissen ”${consultation.title}”. Svaret är registrerat som ${registered.documentNumber}.`,
        link: { type: 'consultation', id: consultation.id },
      });
    }
    await this.audit.record(tx, actor, {
      action: 'consultation.answered',
      entityType: 'consultation_recipient',
      entityId: recipient.id,
      before,
      after: {
        state: RecipientState.Answered,
        position: answer.position,
        documentNumber: registered?.documentNumber ?? null,
      },
      organisationIds: [
        ...new Set([consultation.organisationId, recipient.organisationId ?? consultation.organisationId]),
      ],
    });
  }

  /** The remiss a recipient was sent: it stays while its recipients do (a foreign key), so missing means gone meanwhile. */
  async #consultationOf(manager: Reader, recipient: ConsultationRecipientEntity): Promise<ConsultationEntity> {
    return mustFind(
      manager.findOneBy(ConsultationEntity, { id: recipient.consultationId }),
      consultationErrors.notFound,
    );
  }

  async #context(manager: Reader, recipient: ConsultationRecipientEntity): Promise<RecipientContext> {
    const consultation = await this.#consultationOf(manager, recipient);
    // One query at a time: the manager may be a transaction's, which runs one query at once.
    const sender = await this.organisations.findById(consultation.organisationId, manager);
    const sections = await manager.find(ConsultationSectionEntity, {
      where: { consultationId: consultation.id },
      order: { position: 'ASC' },
    });
    const view = await this.views.one(recipient, manager);
    const outside = outsideSenderOf(consultation);
    const senderCase = outside ? undefined : await this.cases.findById(consultation.caseId, manager);
    return {
      recipient: view,
      caseId: recipient.caseId ?? '',
      consultationId: consultation.id,
      consultationTitle: consultation.title,
      senderOrganisationId: consultation.organisationId,
      senderName: outside?.name ?? sender?.name ?? '',
      senderCaseId: consultation.caseId,
      senderOutside: outside !== null,
      senderAddress: outside?.postalAddress ?? [],
      senderReference: outside ? outside.reference : (senderCase?.diaryNumber ?? null),
      sections: sections.map((s) => ({ id: s.id, position: s.position, title: s.title, description: s.description })),
    };
  }

  /** Loads a recipient the actor's organisation may see in the given role (404 otherwise). */
  #load(manager: Tx, actor: Actor, recipientId: string, as: Side, lock: true): Promise<Loaded>;
  #load(manager: Reader, actor: Actor, recipientId: string, as: Side, lock?: false): Promise<Loaded>;
  async #load(manager: Reader, actor: Actor, recipientId: string, as: Side, lock = false): Promise<Loaded> {
    const recipient = await manager.findOne(ConsultationRecipientEntity, {
      where: { id: recipientId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const consultation = recipient
      ? await manager.findOneBy(ConsultationEntity, { id: recipient.consultationId })
      : null;
    if (!recipient || !consultation || consultation.status !== 'sent') {
      throw consultationErrors.recipientNotFound();
    }
    if (actor.kind === 'person') {
      const isSender = consultation.organisationId === actor.organisationId;
      const isRecipient = recipient.organisationId === actor.organisationId;
      const allowed = as === 'sender' ? isSender : as === 'recipient' ? isRecipient : isSender || isRecipient;
      if (!allowed) {
        throw consultationErrors.recipientNotFound();
      }
    }
    return { recipient, consultation };
  }
}
