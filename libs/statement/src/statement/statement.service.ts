import { RecipientService, RecipientState } from '@app/consultation';
import { DepartmentService, directoryErrors, OrganisationService, PersonService, wordingOf } from '@app/directory';
import {
  type Actor,
  addDays,
  AuditService,
  Clock,
  Db,
  localDate,
  mustFind,
  requirePerson,
  requireRole,
  Role,
  type Tx,
} from '@app/platform';
import { assertPrintable } from '@app/pdf';
import { CaseService, RegisteredDocumentService, registryErrors, secretTitle } from '@app/registry';
import { Injectable } from '@nestjs/common';

import { SubmissionEntity } from '../approval/submission.entity.js';
import { BoardMeetingEntity } from '../meeting/board-meeting.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { statementErrors } from '../statement.errors.js';
import type { PartChange, RevisionView, StatementParts, StatementView } from '../statement.views.js';
import { assertPartsValid, compareParts, contentHash, normaliseParts, printedTexts } from './statement-parts.js';
import { FROZEN, STATEMENT_STATUS_LABEL, StatementStatus } from './statement-status.js';
import { StatementStore } from './statement-store.js';
import { StatementViews } from './statement-views.js';
import { StatementEntity } from './statement.entity.js';

/** A tjänsteutlåtande may be dated ahead for a meeting to come, but not beyond this. */
const DOCUMENT_DATE_MAX_DAYS_AHEAD = 90;

/** Lower-cases the first letter, as a body's name reads in running Swedish text ("till kommunstyrelsen"). */
function inRunningText(name: string): string {
  return name.charAt(0).toLocaleLowerCase('sv-SE') + name.slice(1);
}

/**
 * Drafting a tjänsteutlåtande: creating it pre-filled from the remiss and the case, saving
 * revisions (a save names the revision it started from; a stale save answers 409), and reading
 * and comparing revisions.
 */
@Injectable()
export class StatementService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly store: StatementStore,
    private readonly views: StatementViews,
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
    private readonly recipients: RecipientService,
    private readonly organisations: OrganisationService,
    private readonly people: PersonService,
    private readonly departments: DepartmentService,
    private readonly meetings: MeetingService,
  ) {}

  /**
   * Creates the statement of a case, pre-filled: from the remiss (title, heading addressed to the
   * sender, the proposed decision, one entry per remiss section, the remissunderlag as
   * attachment) and from the case (officer, board, the meeting the deadline allows or else the
   * board's next usable one).
   */
  async create(actor: Actor, caseId: string): Promise<StatementView> {
    requireRole(actor, Role.CaseOfficer);
    requirePerson(actor);
    return this.db.transaction(async (tx) => {
      const owner = await this.cases.findById(caseId, tx);
      if (!owner || owner.organisationId !== actor.organisationId) {
        throw statementErrors.notFound();
      }
      await this.cases.assertWriter(tx, actor, caseId);
      // One statement per case: two officers starting it at once wait for each other here, and
      // the second finds the first's.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('statement-for-case:' || $1))`, [caseId]);
      if (await tx.existsBy(StatementEntity, { caseId })) {
        throw statementErrors.alreadyExists();
      }
      const context = await this.recipients.contextForCase(caseId, tx);
      const organisation = await mustFind(
        this.organisations.findById(actor.organisationId, tx),
        directoryErrors.organisationNotFound,
      );
      const today = localDate(this.clock.now());
      // The meeting is part of what is approved: offered from the start, the latest the deadline
      // allows or else the board's next usable one.
      const schedule = await this.meetings.schedule(
        actor.organisationId,
        context?.recipient.responseDeadline ?? null,
        tx,
      );
      // Read as the officer, who sees the case's documents as the registry shows them to her.
      const remissunderlag = context
        ? (await this.documents.listForCase(actor, caseId, tx)).filter(
            (d) => d.kind === 'remissunderlag' && !d.annulled,
          )
        : [];
      // `förvaltningens`, or a company's `bolagets`.
      const office = wordingOf(organisation.kind).officeGenitive;
      // A body of the municipality reads in lower case in running text (`kommunstyrelsen`); a
      // sender from outside keeps its name as written (`Kulturdepartementet`).
      const sender = context ? (context.senderOutside ? context.senderName : inRunningText(context.senderName)) : '';
      const parts: StatementParts = {
        title: context?.consultationTitle ?? owner.title,
        heading: context ? `Yttrande till ${sender}` : '',
        proposedDecision: [
          context
            ? `${organisation.name} godkänner ${office} tjänsteutlåtande och överlämnar det till ${sender} som svar på remissen.`
            : `${organisation.name} godkänner ${office} tjänsteutlåtande.`,
        ],
        summary: '',
        background: '',
        matter: '',
        preparation: { text: '', consultedDepartmentIds: [], unionsInformedOn: null, unionForum: null },
        views: '',
        position: null,
        sections: (context?.sections ?? []).map((s) => ({ sectionId: s.id, position: null, comment: '' })),
        // The text goes to approvers and into a signed public record: a secret file is named by its masked title.
        attachments: remissunderlag.map((d) => ({
          title: d.secrecy ? secretTitle(d.secrecy.ground) : d.title,
          registeredDocumentId: d.id,
        })),
        officerId: owner.responsiblePersonId ?? actor.personId,
        meetingId: schedule.meetingWithinDeadline?.id ?? schedule.nextUsableMeeting?.id ?? null,
        documentDate: today,
      };
      const statement = await tx.save(
        tx.create(StatementEntity, {
          organisationId: actor.organisationId,
          caseId,
          recipientId: context?.recipient.id ?? null,
          status: StatementStatus.Drafting,
          currentRevision: 1,
          approvedRevision: null,
          createdBy: actor.personId,
        }),
      );
      await this.store.insertRevision(tx, statement.id, 1, parts, actor.personId);
      if (context) {
        await this.recipients.advanceIn(tx, actor, context.recipient.id, RecipientState.Drafting);
      }
      await this.audit.record(tx, actor, {
        action: 'statement.created',
        entityType: 'statement',
        entityId: statement.id,
        after: { status: StatementStatus.Drafting, caseId, revision: 1, contentHash: contentHash(parts) },
        organisationIds: [actor.organisationId],
      });
      return this.views.build(tx, statement);
    });
  }

  async get(actor: Actor, id: string): Promise<StatementView> {
    return this.views.build(this.db.reader, await this.store.load(this.db.reader, actor, id));
  }

  async getByCase(actor: Actor, caseId: string): Promise<StatementView> {
    const row = await this.db.reader.findOneBy(StatementEntity, { caseId });
    if (!row) {
      throw statementErrors.notFound();
    }
    return this.get(actor, row.id);
  }

  /**
   * Saves a new revision. `baseRevision` is the revision the editor started from: if someone
   * saved since, the answer is 409 with the current number and nothing is written. Saving a
   * text in approval withdraws its approvals; a frozen or decided text cannot change.
   */
  async save(actor: Actor, id: string, baseRevision: number, input: StatementParts): Promise<StatementView> {
    requireRole(actor, Role.CaseOfficer, Role.HeadOfDepartment, Role.Director);
    requirePerson(actor);
    assertPartsValid(input);
    // What cannot be printed in the signed tjänsteutlåtande is refused now, not found at signing.
    assertPrintable(printedTexts(input));
    return this.db.transaction(async (tx) => {
      // The row lock serialises saves with each other and with submitting and approving: each
      // sees the status and revision the one before it committed.
      const current = await this.store.loadForWriting(tx, actor, id);
      if (FROZEN.has(current.status)) {
        throw statementErrors.frozen(STATEMENT_STATUS_LABEL[current.status]);
      }
      if (current.currentRevision !== baseRevision) {
        throw statementErrors.stale(current.currentRevision);
      }
      const parts = await this.#checked(tx, current, normaliseParts(input));
      const wasInApproval = current.status === StatementStatus.InApproval;
      await tx.query(
        `UPDATE statements SET current_revision = current_revision + 1, status = 'drafting', updated_at = now() WHERE id = $1`,
        [id],
      );
      const number = baseRevision + 1;
      const previous = await this.store.revision(tx, id, baseRevision);
      await this.store.insertRevision(tx, id, number, parts, actor.personId);
      if (wasInApproval) {
        await this.#withdrawApprovals(tx, actor, current);
      }
      await this.audit.record(tx, actor, {
        action: 'statement.saved',
        entityType: 'statement',
        entityId: id,
        before: { revision: baseRevision, contentHash: previous.row.contentHash },
        after: {
          revision: number,
          contentHash: contentHash(parts),
          changedParts: compareParts(previous.parts, parts)
            .filter((c) => c.changed)
            .map((c) => c.part),
        },
        organisationIds: [current.organisationId],
      });
      return this.views.build(tx, await this.store.load(tx, actor, id));
    });
  }

  async revisions(actor: Actor, id: string): Promise<RevisionView[]> {
    const statement = await this.store.load(this.db.reader, actor, id);
    const list: RevisionView[] = [];
    for (let n = 1; n <= statement.currentRevision; n++) {
      const { row, parts } = await this.store.revision(this.db.reader, id, n);
      list.push({
        number: n,
        parts,
        contentHash: row.contentHash,
        authorId: row.authorId,
        savedAt: row.createdAt.toISOString(),
      });
    }
    return list;
  }

  async revision(actor: Actor, id: string, number: number): Promise<RevisionView> {
    await this.store.load(this.db.reader, actor, id);
    const { row, parts } = await this.store.revision(this.db.reader, id, number);
    return {
      number,
      parts,
      contentHash: row.contentHash,
      authorId: row.authorId,
      savedAt: row.createdAt.toISOString(),
    };
  }

  /** Compares any two revisions part by part. */
  async compare(actor: Actor, id: string, from: number, to: number): Promise<PartChange[]> {
    await this.store.load(this.db.reader, actor, id);
    const [a, b] = await Promise.all([
      this.store.revision(this.db.reader, id, from),
      this.store.revision(this.db.reader, id, to),
    ]);
    return compareParts(a.parts, b.parts);
  }

  async #withdrawApprovals(tx: Tx, actor: Actor, statement: StatementEntity): Promise<void> {
    const open = await tx.findOne(SubmissionEntity, {
      where: { statementId: statement.id, status: 'open' },
      lock: { mode: 'pessimistic_write' },
    });
    if (open) {
      await tx.update(SubmissionEntity, { id: open.id }, { status: 'withdrawn', closedAt: this.clock.now() });
      await this.audit.record(tx, actor, {
        action: 'statement.approvals_withdrawn',
        entityType: 'statement',
        entityId: statement.id,
        before: { status: StatementStatus.InApproval, submittedRevision: open.revisionNumber },
        after: { status: StatementStatus.Drafting, reason: 'the text changed after it was submitted' },
        organisationIds: [statement.organisationId],
      });
    }
    if (statement.recipientId) {
      await this.recipients.advanceIn(tx, actor, statement.recipientId, RecipientState.Drafting);
    }
  }

  /**
   * Checks what a revision names against the world: every id must be the organisation's own (or,
   * for sections, the remiss's), and the document date plausible for the case. Returns the parts
   * with the sections in the remiss's order.
   */
  async #checked(tx: Tx, statement: StatementEntity, parts: StatementParts): Promise<StatementParts> {
    const context = statement.recipientId ? await this.recipients.contextFor(statement.recipientId, tx) : undefined;
    const order = new Map((context?.sections ?? []).map((s) => [s.id, s.position]));
    const positionOf = (sectionId: string): number => {
      const position = order.get(sectionId);
      if (position === undefined) {
        throw statementErrors.sectionUnknown(sectionId);
      }
      return position;
    };
    parts.sections.forEach((s) => positionOf(s.sectionId));
    const owner = await mustFind(this.cases.findById(statement.caseId, tx), registryErrors.caseNotFound);
    const latest = addDays(localDate(this.clock.now()), DOCUMENT_DATE_MAX_DAYS_AHEAD);
    if (parts.documentDate < owner.registeredOn || parts.documentDate > latest) {
      throw statementErrors.documentDateImplausible(parts.documentDate, owner.registeredOn, latest);
    }
    const officer = await this.people.findById(parts.officerId, tx);
    const belongs =
      officer &&
      (officer.organisationId === statement.organisationId ||
        officer.roles.some((r) => r.organisationId === statement.organisationId));
    if (!belongs) {
      throw statementErrors.officerUnknown();
    }
    if (
      parts.meetingId &&
      !(await tx.existsBy(BoardMeetingEntity, { id: parts.meetingId, organisationId: statement.organisationId }))
    ) {
      throw statementErrors.meetingUnknown();
    }
    const departments = await this.departments.findByIds(parts.preparation.consultedDepartmentIds, tx);
    if (
      departments.length !== parts.preparation.consultedDepartmentIds.length ||
      departments.some((d) => d.organisationId !== statement.organisationId)
    ) {
      throw statementErrors.departmentUnknown();
    }
    for (const a of parts.attachments) {
      if (a.registeredDocumentId) {
        const document = await this.documents.findById(a.registeredDocumentId, tx);
        if (document?.caseId !== statement.caseId) {
          throw statementErrors.attachmentUnknown();
        }
      }
    }
    return {
      ...parts,
      sections: [...parts.sections].sort((a, b) => positionOf(a.sectionId) - positionOf(b.sectionId)),
    };
  }
}
