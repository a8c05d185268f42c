import { DocumentKind, IssuanceService, type IssuedDocumentView } from '@app/issuance';
import { type Actor, Db, requireRole, Role } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { consultationErrors } from '../consultation.errors.js';
import { ConsultationSectionEntity } from '../consultation/consultation-section.entity.js';
import { ConsultationService } from '../consultation/consultation.service.js';
import { toExcelCsv } from '../export/csv.js';
import { ConsultationRecipientEntity } from '../recipient/consultation-recipient.entity.js';
import { RecipientState } from '../recipient/recipient-state.js';
import { RecipientViews } from '../recipient/recipient-views.js';
import { ConsultationAnswerSectionEntity } from './consultation-answer-section.entity.js';
import { ConsultationAnswerEntity } from './consultation-answer.entity.js';
import { POSITION_LABEL, POSITIONS, type Position } from './position.js';
import { byRecipientName } from '../recipient/recipient-order.js';

export type PositionCounts = Readonly<Record<Position, number>>;

export interface CompiledAnswer {
  readonly recipientId: string;
  readonly name: string;
  readonly position: Position | null;
  readonly positionLabel: string;
  readonly comment: string;
}

/** The remissammanställning: every answer side by side, per section, with counts. */
export interface Compilation {
  readonly consultationId: string;
  readonly title: string;
  readonly senderName: string;
  readonly senderDiaryNumber: string;
  readonly responseDeadline: string;
  readonly recipients: number;
  readonly counts: PositionCounts & { readonly declined: number; readonly notAnswered: number };
  readonly overall: readonly (CompiledAnswer & { readonly answeredOn: string })[];
  readonly sections: readonly {
    readonly sectionId: string;
    readonly position: number;
    readonly title: string;
    readonly counts: PositionCounts;
    readonly answers: readonly CompiledAnswer[];
  }[];
  readonly declined: readonly { readonly name: string; readonly reason: string; readonly declinedAt: string }[];
  readonly notAnswered: readonly {
    readonly name: string;
    readonly state: string;
    readonly responseDeadline: string;
    readonly overdue: boolean;
  }[];
}

function zero(): Record<Position, number> {
  return Object.fromEntries(POSITIONS.map((p) => [p, 0])) as Record<Position, number>;
}

/** Compiles the answers to a remiss for its sender. */
@Injectable()
export class CompilationService {
  constructor(
    private readonly db: Db,
    private readonly consultations: ConsultationService,
    private readonly views: RecipientViews,
    private readonly issuance: IssuanceService,
  ) {}

  /**
   * Asks for the signed PDF of the compilation as it stands: one per number of settled answers,
   * so asking again before anything changed returns the same document. The compilation is taken
   * now and kept with the request, so an answer arriving before the worker renders it belongs to
   * the next one, and the revision always prints the same.
   */
  async requestPdf(actor: Actor, consultationId: string): Promise<IssuedDocumentView> {
    requireRole(actor, Role.CaseOfficer, Role.Registrar);
    const consultation = await this.consultations.assertSender(actor, consultationId);
    if (consultation.status !== 'sent') {
      throw consultationErrors.notSent(); // a draft has no answers to compile, and is no record
    }
    const compiled = await this.compile(actor, consultationId);
    const settled = compiled.recipients - compiled.counts.notAnswered;
    return this.db.transaction((tx) =>
      this.issuance.request(tx, {
        kind: DocumentKind.Compilation,
        subjectId: consultationId,
        revision: settled,
        organisationId: consultation.organisationId,
        caseId: consultation.caseId,
        snapshot: compiled,
      }),
    );
  }

  async compile(actor: Actor, consultationId: string): Promise<Compilation> {
    const consultation = await this.consultations.assertSender(actor, consultationId);
    // The sender's name and number only, not the remiss's whole view (which reads every recipient).
    const overview = await this.consultations.senderOf(consultation);
    const [sections, rows] = await Promise.all([
      this.db.reader.find(ConsultationSectionEntity, { where: { consultationId }, order: { position: 'ASC' } }),
      this.db.reader.find(ConsultationRecipientEntity, { where: { consultationId } }),
    ]);
    // By name, and by id among equal names: the same compilation in the same order on every read.
    const recipients = (await this.views.many(rows)).sort(byRecipientName);
    const answers = rows.length
      ? await this.db.reader.find(ConsultationAnswerEntity, { where: { recipientId: In(rows.map((r) => r.id)) } })
      : [];
    const sectionAnswers = answers.length
      ? await this.db.reader.find(ConsultationAnswerSectionEntity, {
          where: { answerId: In(answers.map((a) => a.id)) },
        })
      : [];
    const answerOf = new Map(answers.map((a) => [a.recipientId, a]));
    // Keyed by section and answer: a remiss with hundreds of answers is compiled in linear time.
    const sectionAnswerOf = new Map(sectionAnswers.map((x) => [`${x.sectionId}:${x.answerId}`, x]));
    const counts = zero();
    const overall: (CompiledAnswer & { answeredOn: string })[] = [];
    for (const r of recipients) {
      const a = answerOf.get(r.id);
      if (a && r.state === RecipientState.Answered) {
        counts[a.position]++;
        overall.push({
          recipientId: r.id,
          name: r.name,
          position: a.position,
          positionLabel: POSITION_LABEL[a.position],
          comment: a.comment,
          answeredOn: a.answeredOn,
        });
      }
    }
    return {
      consultationId,
      title: consultation.title,
      senderName: overview.senderName,
      senderDiaryNumber: overview.senderDiaryNumber,
      responseDeadline: consultation.responseDeadline,
      recipients: recipients.length,
      counts: {
        ...counts,
        declined: recipients.filter((r) => r.state === RecipientState.Declined).length,
        notAnswered: recipients.filter(
          (r) => r.state !== RecipientState.Answered && r.state !== RecipientState.Declined,
        ).length,
      },
      overall,
      sections: sections.map((s) => {
        const sectionCounts = zero();
        const list: CompiledAnswer[] = [];
        for (const o of overall) {
          const answerId = answerOf.get(o.recipientId)?.id;
          const given = answerId === undefined ? undefined : sectionAnswerOf.get(`${s.id}:${answerId}`);
          if (given) {
            if (given.position) {
              sectionCounts[given.position]++;
            }
            list.push({
              recipientId: o.recipientId,
              name: o.name,
              position: given.position,
              positionLabel: given.position ? POSITION_LABEL[given.position] : '',
              comment: given.comment,
            });
          }
        }
        return { sectionId: s.id, position: s.position, title: s.title, counts: sectionCounts, answers: list };
      }),
      declined: recipients
        .filter((r) => r.state === RecipientState.Declined)
        .map((r) => ({ name: r.name, reason: r.declineReason ?? '', declinedAt: r.declinedAt ?? '' })),
      notAnswered: recipients
        .filter((r) => r.state !== RecipientState.Answered && r.state !== RecipientState.Declined)
        .map((r) => ({ name: r.name, state: r.stateLabel, responseDeadline: r.responseDeadline, overdue: r.overdue })),
    };
  }

  /** The compilation as CSV for Swedish Excel: one row per recipient and part (whole remiss, then each section). */
  async csv(actor: Actor, consultationId: string): Promise<{ fileName: string; content: string }> {
    const c = await this.compile(actor, consultationId);
    const rows: (string | number)[][] = [['Remissinstans', 'Del', 'Ställningstagande', 'Kommentar']];
    for (const o of c.overall) {
      rows.push([o.name, 'Hela remissen', o.positionLabel, o.comment]);
      for (const s of c.sections) {
        const a = s.answers.find((x) => x.recipientId === o.recipientId);
        if (a) {
          rows.push([o.name, s.title, a.positionLabel, a.comment]);
        }
      }
    }
    for (const d of c.declined) {
      rows.push([d.name, 'Hela remissen', 'Avstår', d.reason]);
    }
    for (const n of c.notAnswered) {
      rows.push([n.name, 'Hela remissen', n.overdue ? 'Ej svarat (försenad)' : 'Ej svarat', '']);
    }
    return {
      fileName: `Remissammanställning ${c.senderDiaryNumber.replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`,
      content: toExcelCsv(rows),
    };
  }
}
