import { RecipientService, RecipientState } from '@app/consultation';
import { PersonService } from '@app/directory';
import { type Actor, Clock, Db, hasRole, localDate, Role } from '@app/platform';
import { CaseService } from '@app/registry';
import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';

import { ApprovalChainService } from '../approval/approval-chain.service.js';
import { ApprovalEntity } from '../approval/approval.entity.js';
import { SubmissionEntity } from '../approval/submission.entity.js';
import { BoardDecisionEntity } from '../decision/board-decision.entity.js';
import { MeetingService } from '../meeting/meeting.service.js';
import { PreparationRequestEntity } from '../preparation/preparation-request.entity.js';
import { StatementStatus } from '../statement/statement-status.js';
import { approvedRevisionOf, StatementStore } from '../statement/statement-store.js';
import { paragraphLabel } from '../statement/statement-views.js';
import { StatementEntity } from '../statement/statement.entity.js';
import type { WorkItem } from '../statement.views.js';

/**
 * "My work": what needs this person's action now, computed from the state of things (unlike the
 * notification inbox, which tells what happened). Drafts to finish, steps to approve, decisions
 * to record, remisses to assign, questions to answer, and what is overdue.
 */
@Injectable()
export class WorkInboxService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly store: StatementStore,
    private readonly chains: ApprovalChainService,
    private readonly recipients: RecipientService,
    private readonly cases: CaseService,
    private readonly people: PersonService,
    private readonly meetings: MeetingService,
  ) {}

  async forActor(actor: Actor): Promise<WorkItem[]> {
    if (actor.kind !== 'person') {
      return [];
    }
    const org = actor.organisationId;
    const me = actor.personId;
    const now = this.clock.now();
    const items: WorkItem[] = [];
    const open = await this.recipients.openFor(org);
    const statements = await this.db.reader.find(StatementEntity, {
      where: {
        organisationId: org,
        status: In([
          StatementStatus.Drafting,
          StatementStatus.InApproval,
          StatementStatus.Approved,
          StatementStatus.Adopted,
        ]),
      },
    });
    const byCase = new Map(statements.map((s) => [s.caseId, s]));
    const deadlineOf = (caseId: string): string | null =>
      open.find((r) => r.caseId === caseId)?.responseDeadline ?? null;
    // Everything a list item names is read for the whole list at once, not item by item.
    const diaryNumbers = new Map(
      (await this.cases.findByIds(statements.map((s) => s.caseId))).map((c) => [c.id, c.diaryNumber]),
    );
    const numberOf = (caseId: string): string | null => diaryNumbers.get(caseId) ?? null;

    if (hasRole(actor, Role.Registrar)) {
      for (const r of open.filter((x) => x.state === RecipientState.Registered)) {
        items.push({
          kind: 'assign_remiss',
          title: `Tilldela remissen ${r.title}`,
          diaryNumber: r.diaryNumber,
          deadline: r.responseDeadline,
          link: { type: 'consultation_recipient', id: r.id },
        });
      }
      const approvedStatements = statements.filter((x) => x.status === StatementStatus.Approved);
      const approvedTexts = await this.store.revisions(
        this.db.reader,
        approvedStatements.map((s) => ({ statementId: s.id, number: approvedRevisionOf(s) })),
      );
      const meetingsById = new Map(
        (await this.meetings.findByIds(approvedStatements.flatMap((s) => (s.meetingId ? [s.meetingId] : [])))).map(
          (m) => [m.id, m],
        ),
      );
      const approvedAt = await this.store.approvedAtOf(this.db.reader, approvedStatements);
      for (const s of approvedStatements) {
        const parts = approvedTexts.get(s.id)?.parts;
        const closedAt = approvedAt.get(s.id);
        if (!parts || !closedAt) {
          continue; // the list was read a moment before: what changed meanwhile is no work
        }
        const meeting = s.meetingId ? meetingsById.get(s.meetingId) : undefined;
        // A statement whose meeting was cancelled, or held before the text was approved, waits
        // for the registrar to move it to another.
        const approvedOn = localDate(closedAt);
        items.push(
          !meeting || meeting.cancelled || meeting.meetingDate < approvedOn
            ? {
                kind: 'move_to_meeting',
                title: !meeting
                  ? `Ställ tjänsteutlåtandet till ett sammanträde: ${parts.title}`
                  : meeting.cancelled
                    ? `Sammanträdet ${meeting.meetingDate} är inställt: flytta tjänsteutlåtandet till ett annat sammanträde: ${parts.title}`
                    : `Sammanträdet ${meeting.meetingDate} hölls innan tjänsteutlåtandet godkändes: flytta det till ett annat sammanträde: ${parts.title}`,
                diaryNumber: numberOf(s.caseId),
                deadline: deadlineOf(s.caseId),
                link: { type: 'statement', id: s.id },
              }
            : {
                kind: 'record_decision',
                title: `Registrera nämndens beslut (sammanträde ${meeting.meetingDate}): ${parts.title}`,
                diaryNumber: numberOf(s.caseId),
                deadline: deadlineOf(s.caseId),
                link: { type: 'statement', id: s.id },
              },
        );
      }
      const adopted = statements.filter((x) => x.status === StatementStatus.Adopted).map((s) => s.id);
      if (adopted.length > 0) {
        const waiting = await this.db.reader.find(BoardDecisionEntity, {
          // An earlier återremiss of the same statement has nothing to confirm here.
          where: { statementId: In(adopted), confirmedAt: IsNull(), outcome: Not('referred_back') },
        });
        const decisionMeetings = new Map(
          (await this.meetings.findByIds(waiting.map((d) => d.meetingId))).map((m) => [m.id, m]),
        );
        for (const d of waiting) {
          const s = statements.find((x) => x.id === d.statementId);
          const meeting = decisionMeetings.get(d.meetingId);
          if (!s || !meeting) {
            continue; // the list was read a moment before: what went meanwhile is no work
          }
          items.push({
            kind: 'confirm_minutes',
            title: `Justera protokollet ${paragraphLabel(d.paragraphNumber)} (${meeting.meetingDate})`,
            diaryNumber: numberOf(s.caseId),
            deadline: d.confirmationDate,
            link: { type: 'board_decision', id: d.id },
          });
        }
      }
    }

    if (hasRole(actor, Role.CaseOfficer)) {
      for (const r of open) {
        if (r.assignedPersonId !== me || !r.caseId || byCase.has(r.caseId)) {
          continue;
        }
        items.push({
          kind: 'start_statement',
          title: `Skriv tjänsteutlåtande: ${r.title}`,
          diaryNumber: r.diaryNumber,
          deadline: r.responseDeadline,
          link: { type: 'case', id: r.caseId },
        });
      }
      const drafts = statements.filter((x) => x.status === StatementStatus.Drafting);
      const draftTexts = await this.store.revisions(
        this.db.reader,
        drafts.map((s) => ({ statementId: s.id, number: s.currentRevision })),
      );
      for (const s of drafts) {
        const parts = draftTexts.get(s.id)?.parts;
        if (parts?.officerId === me) {
          items.push({
            kind: 'finish_draft',
            title: `Slutför utkastet: ${parts.title}`,
            diaryNumber: numberOf(s.caseId),
            deadline: deadlineOf(s.caseId),
            link: { type: 'statement', id: s.id },
          });
        }
      }
      for (const e of await this.recipients.pendingExtensionsFor(org, me)) {
        items.push({
          kind: 'decide_extension',
          title: `${e.recipientName} begär anstånd till ${e.requestedDeadline}: ${e.title}`,
          diaryNumber: e.diaryNumber,
          deadline: e.requestedDeadline,
          link: { type: 'extension_request', id: e.id },
        });
      }
    }

    // Steps waiting for this person (in their own right or as someone's substitute).
    const inApproval = statements.filter((x) => x.status === StatementStatus.InApproval);
    const openSubmissions =
      inApproval.length === 0
        ? []
        : await this.db.reader.findBy(SubmissionEntity, {
            statementId: In(inApproval.map((s) => s.id)),
            status: 'open',
          });
    const submissionOf = new Map(openSubmissions.map((x) => [x.statementId, x]));
    const approvedSteps =
      openSubmissions.length === 0
        ? []
        : await this.db.reader.findBy(ApprovalEntity, {
            submissionId: In(openSubmissions.map((x) => x.id)),
            decision: 'approved',
          });
    const submittedTexts = await this.store.revisions(
      this.db.reader,
      openSubmissions.map((x) => ({ statementId: x.statementId, number: x.revisionNumber })),
    );
    const officers = new Map(
      (await this.people.findByIds([...submittedTexts.values()].map((t) => t.parts.officerId).filter((id) => id))).map(
        (p) => [p.id, p],
      ),
    );
    for (const s of inApproval) {
      const submission = submissionOf.get(s.id);
      if (!submission || submission.authorIds.includes(me)) {
        continue;
      }
      const approved = approvedSteps.filter((a) => a.submissionId === submission.id);
      if (approved.some((a) => a.approverId === me)) {
        continue;
      }
      const waiting = submission.chain.find((step) => !approved.some((a) => a.step === step.step));
      const parts = submittedTexts.get(s.id)?.parts;
      if (!parts) {
        continue;
      }
      const officer = officers.get(parts.officerId);
      if (
        waiting &&
        (await this.chains.qualification(this.db.reader, org, me, waiting, officer?.departmentId ?? null, now))
      ) {
        items.push({
          kind: 'approve',
          title: `Godkänn (steg ${waiting.step}): ${parts.title}`,
          diaryNumber: numberOf(s.caseId),
          deadline: deadlineOf(s.caseId),
          link: { type: 'statement', id: s.id },
        });
      }
    }

    const myDepartment = (await this.people.findById(me))?.departmentId;
    if (myDepartment) {
      const questions = await this.db.reader.find(PreparationRequestEntity, {
        where: { departmentId: myDepartment, answeredAt: IsNull() },
        order: { deadline: 'ASC' },
      });
      for (const q of questions) {
        items.push({
          kind: 'answer_preparation',
          title: `Besvara beredningsfråga: ${q.question.slice(0, 80)}`,
          diaryNumber: null,
          deadline: q.deadline,
          link: { type: 'preparation_request', id: q.id },
        });
      }
    }

    for (const r of open.filter((x) => x.overdue && (x.assignedPersonId === me || hasRole(actor, Role.Registrar)))) {
      items.push({
        kind: 'overdue',
        title: `Försenad remiss: ${r.title} (svar senast ${r.responseDeadline})`,
        diaryNumber: r.diaryNumber,
        deadline: r.responseDeadline,
        link: { type: 'consultation_recipient', id: r.id },
      });
    }
    return items.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  }
}
