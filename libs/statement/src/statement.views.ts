import type { Position } from '@app/consultation';
import type { Role } from '@app/platform';

import type { StatementStatus } from './statement/statement-status.js';

/** The parts of a tjänsteutlåtande, each its own field. Text fields use the statement markup. */
export interface StatementParts {
  readonly title: string;
  /** `Yttrande till kommunstyrelsen` */
  readonly heading: string;
  /** Förvaltningens förslag till beslut: one entry per decision point. */
  readonly proposedDecision: readonly string[];
  readonly summary: string;
  readonly background: string;
  /** Ärendet */
  readonly matter: string;
  /** Ärendets beredning */
  readonly preparation: {
    readonly text: string;
    readonly consultedDepartmentIds: readonly string[];
    readonly unionsInformedOn: string | null;
    readonly unionForum: string | null;
  };
  /** Förvaltningens synpunkter och förslag */
  readonly views: string;
  /** The overall position on the remiss. */
  readonly position: Position | null;
  /** Position and comment per section of the remiss, where given. */
  readonly sections: readonly {
    readonly sectionId: string;
    readonly position: Position | null;
    readonly comment: string;
  }[];
  /** Bilagor */
  readonly attachments: readonly { readonly title: string; readonly registeredDocumentId: string | null }[];
  readonly officerId: string;
  readonly meetingId: string | null;
  readonly documentDate: string;
}

export interface RevisionView {
  readonly number: number;
  readonly parts: StatementParts;
  readonly contentHash: string;
  readonly authorId: string;
  readonly savedAt: string;
}

export interface ChainStep {
  readonly step: number;
  readonly role: Role;
  readonly sameDepartment: boolean;
}

/** A person as an approval names them. */
export interface PersonWithTitle {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
}

export interface ApprovalView {
  readonly step: number;
  readonly role: Role;
  readonly approver: PersonWithTitle;
  /** When a substitute (ersättare) decided: the person they stood in for. */
  readonly onBehalfOf: PersonWithTitle | null;
  readonly decision: 'approved' | 'changes_requested';
  readonly comment: string;
  readonly decidedAt: string;
  readonly revisionNumber: number;
}

export interface MeetingView {
  readonly id: string;
  readonly organisationId: string;
  readonly meetingDate: string;
  readonly agendaDeadline: string;
  readonly cancelled: boolean;
}

/** When the board can take the matter up, against the remiss's deadline. */
export interface ScheduleView {
  readonly responseDeadline: string | null;
  /** The next meeting whose agenda is still open. */
  readonly nextUsableMeeting: MeetingView | null;
  /** The latest open meeting on or before the deadline, the one to address the report to. */
  readonly meetingWithinDeadline: MeetingView | null;
  /** The deadline falls before the board's next usable meeting. */
  readonly deadlineBeforeNextMeeting: boolean;
  /** What the officer can do then, in plain words. */
  readonly options: readonly {
    readonly action: 'request_extension' | 'answer_from_administration';
    readonly label: string;
  }[];
}

export interface StatementView {
  readonly id: string;
  readonly organisationId: string;
  readonly caseId: string;
  readonly diaryNumber: string;
  readonly recipientId: string | null;
  readonly status: StatementStatus;
  readonly statusLabel: string;
  readonly currentRevision: number;
  readonly approvedRevision: number | null;
  readonly revision: RevisionView;
  readonly chain: readonly ChainStep[];
  /** The approvals of the open (or approved) submission, in step order. */
  readonly approvals: readonly ApprovalView[];
  /** The next step waiting, when the statement is in approval. */
  readonly nextStep: ChainStep | null;
  /** Signatories as printed: the last approver first. */
  readonly signatories: readonly {
    readonly name: string;
    readonly title: string | null;
    readonly organisation: string;
    /** A substitute signs for the person they stood in for, and the document says so. */
    readonly onBehalfOf: PersonWithTitle | null;
  }[];
  readonly remissSections: readonly { readonly id: string; readonly position: number; readonly title: string }[];
  readonly schedule: ScheduleView | null;
  /**
   * The meeting the statement goes before: while drafted, the one its current revision names;
   * once approved, the one it was approved for or moved to.
   */
  readonly meeting: MeetingView | null;
  readonly decision: DecisionView | null;
  readonly consultedDepartments: readonly { readonly id: string; readonly name: string }[];
}

export interface DecisionView {
  readonly id: string;
  /** The statement decided on; null for a decision to decline a remiss. */
  readonly statementId: string | null;
  readonly revisionNumber: number | null;
  /** The remiss the board declined (outcome `declined`). */
  readonly recipientId: string | null;
  readonly meetingId: string;
  readonly meetingDate: string;
  /** 12 for `§ 12`. */
  readonly paragraphNumber: number;
  /** As printed: `§ 12`. */
  readonly paragraph: string;
  readonly decisionText: string;
  readonly outcome: 'adopted' | 'adopted_with_amendments' | 'referred_back' | 'declined';
  readonly amendedText: string | null;
  readonly reservations: string;
  readonly memberStatements: string;
  readonly confirmedImmediately: boolean;
  readonly confirmationDate: string;
  readonly confirmed: boolean;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface PartChange {
  readonly part: string;
  readonly changed: boolean;
  readonly from: unknown;
  readonly to: unknown;
}

export interface PreparationRequestView {
  readonly id: string;
  readonly statementId: string;
  readonly department: { readonly id: string; readonly name: string };
  readonly question: string;
  readonly deadline: string;
  readonly askedBy: string;
  readonly askedAt: string;
  readonly answer: string | null;
  readonly answeredBy: string | null;
  readonly answeredAt: string | null;
}

export interface SubstituteView {
  readonly id: string;
  readonly personId: string;
  readonly substitute: { readonly id: string; readonly name: string };
  readonly validFrom: string;
  readonly validTo: string;
  readonly revoked: boolean;
}

/** One thing that needs a person's action, computed from state. */
export interface WorkItem {
  readonly kind:
    | 'assign_remiss'
    | 'start_statement'
    | 'finish_draft'
    | 'approve'
    | 'record_decision'
    | 'move_to_meeting'
    | 'confirm_minutes'
    | 'answer_preparation'
    | 'decide_extension'
    | 'overdue';
  readonly title: string;
  readonly diaryNumber: string | null;
  readonly deadline: string | null;
  readonly link: { readonly type: string; readonly id: string };
}
