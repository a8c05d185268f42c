import { type Actor, Db } from '@app/platform';
import { Injectable } from '@nestjs/common';

import { ConsultationService } from '../consultation/consultation.service.js';
import type { RecipientView, StatusBoard } from '../consultation.views.js';
import { toExcelCsv } from '../export/csv.js';
import { ConsultationRecipientEntity } from './consultation-recipient.entity.js';
import { ExternalMailService } from './external-mail.service.js';
import { RECIPIENT_STATES, type RecipientState } from './recipient-state.js';
import { RecipientViews } from './recipient-views.js';
import { byRecipientName } from './recipient-order.js';

export interface StatusBoardFilter {
  readonly state?: RecipientState;
  readonly overdue?: boolean;
  /** Part of a recipient's name. */
  readonly q?: string;
}

/**
 * The sender's live view of a remiss: every recipient with its state, its case number, its
 * officer, its deadline and whether it is overdue, with counts per state. Never the drafts.
 */
@Injectable()
export class StatusBoardService {
  constructor(
    private readonly db: Db,
    private readonly consultations: ConsultationService,
    private readonly views: RecipientViews,
    private readonly externalMail: ExternalMailService,
  ) {}

  async board(actor: Actor, consultationId: string, filter: StatusBoardFilter = {}): Promise<StatusBoard> {
    const consultation = await this.consultations.assertSender(actor, consultationId);
    // The sender's number only, not the remiss's whole view (which would read every recipient again).
    const [rows, { senderDiaryNumber }] = await Promise.all([
      this.db.reader.find(ConsultationRecipientEntity, { where: { consultationId } }),
      this.consultations.senderOf(consultation),
    ]);
    // By name, and by id among equal names: the same board in the same order on every read.
    const all = (await this.views.many(rows)).sort(byRecipientName);
    const counts = Object.fromEntries([...RECIPIENT_STATES, 'overdue'].map((s) => [s, 0])) as Record<
      RecipientState | 'overdue',
      number
    >;
    for (const r of all) {
      counts[r.state]++;
      if (r.overdue) {
        counts.overdue++;
      }
    }
    const q = filter.q?.trim().toLowerCase();
    const shown = all.filter(
      (r: RecipientView) =>
        (!filter.state || r.state === filter.state) &&
        (filter.overdue === undefined || r.overdue === filter.overdue) &&
        (!q || r.name.toLowerCase().includes(q)),
    );
    return {
      consultationId,
      title: consultation.title,
      senderDiaryNumber,
      responseDeadline: consultation.responseDeadline,
      // What the filters select, as the rows shown; `counts` keep the whole remiss for its tabs.
      total: shown.length,
      counts,
      recipients: shown,
      deliveries: await this.externalMail.deliveries(shown.filter((r) => r.external).map((r) => r.id)),
    };
  }

  /** The board as CSV for Swedish Excel. */
  async csv(
    actor: Actor,
    consultationId: string,
    filter: StatusBoardFilter = {},
  ): Promise<{ fileName: string; content: string }> {
    const board = await this.board(actor, consultationId, filter);
    const rows = [
      [
        'Remissinstans',
        'Diarienummer hos remissinstansen',
        'Status',
        'Försenad',
        'Handläggare',
        'Svarsdatum',
        'Besvarad',
        'Avstod',
        'Skäl att avstå',
      ],
      ...board.recipients.map((r) => [
        r.name,
        r.diaryNumber ?? '',
        r.stateLabel,
        r.overdue ? 'Ja' : 'Nej',
        r.assignedPerson?.name ?? '',
        r.responseDeadline,
        r.answeredAt?.slice(0, 10) ?? '',
        r.declinedAt?.slice(0, 10) ?? '',
        r.declineReason ?? '',
      ]),
    ];
    const slug = board.senderDiaryNumber.replace(/[^\p{L}\p{N}]+/gu, '-');
    return { fileName: `Remisstatus ${slug}.csv`, content: toExcelCsv(rows) };
  }
}
