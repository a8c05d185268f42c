import type { MailDeliveryView } from './recipient/external-mail.service.js';
import type { Position } from './answer/position.js';
import type { RecipientState } from './recipient/recipient-state.js';

export enum RecipientGroup {
  DistrictBoards = 'district_boards',
  SpecialistBoards = 'specialist_boards',
  CompanyBoards = 'company_boards',
}

export interface SectionView {
  readonly id: string;
  readonly position: number;
  readonly title: string;
  readonly description: string;
}

export interface ConsultationDocumentView {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly fileName: string;
  /** Null, with the media type and hash, when the file is withheld from this reader. */
  readonly size: number | null;
  readonly mediaType: string | null;
  readonly sha256: string | null;
  /**
   * True when the file is marked secret and this reader may not see its title or file: at a
   * recipient its own registered copy decides, elsewhere the sender's entry.
   */
  readonly masked: boolean;
  readonly note: string | null;
}

export interface RecipientView {
  readonly id: string;
  readonly consultationId: string;
  readonly organisationId: string | null;
  readonly name: string;
  readonly external: boolean;
  readonly email: string | null;
  readonly state: RecipientState;
  readonly stateLabel: string;
  readonly responseDeadline: string;
  /** Derived, not a state: the deadline has passed without an answer or a decision to decline. */
  readonly overdue: boolean;
  /** The case number at the recipient. */
  readonly diaryNumber: string | null;
  readonly assignedPerson: { readonly id: string; readonly name: string } | null;
  readonly assignedDepartmentId: string | null;
  readonly answeredAt: string | null;
  readonly declinedAt: string | null;
  readonly declineReason: string | null;
  /** Who decided to decline: the administration on the board's behalf, or the board itself. */
  readonly declineDecision: DeclineDecisionView | null;
  readonly pendingExtension: {
    readonly id: string;
    readonly requestedDeadline: string;
    readonly reason: string;
  } | null;
}

/** Who decided that a recipient declines. */
export type DeclineDecisionView =
  | {
      readonly by: 'administration';
      readonly person: { readonly id: string; readonly name: string; readonly title: string | null };
    }
  | { readonly by: 'board'; readonly decisionId: string };

/** The sender of a remiss from outside the directory, as the registrar recorded it. */
export interface OutsideSenderView {
  readonly name: string;
  readonly email: string;
  /** Postal address, one line per line. */
  readonly postalAddress: readonly string[];
  /** Their reference (`Ku2025/01234`); null when the remiss named none. */
  readonly reference: string | null;
}

export interface ConsultationView {
  readonly id: string;
  /** The sender; for a remiss from outside, the organisation that received it. */
  readonly organisationId: string;
  readonly senderName: string;
  readonly caseId: string;
  /** The sender's diary number, or for a remiss from outside their reference ('' when none). */
  readonly senderDiaryNumber: string;
  /** Set for a remiss from outside the directory (a ministry, an agency, the region). */
  readonly outsideSender: OutsideSenderView | null;
  readonly title: string;
  readonly description: string;
  readonly responseDeadline: string;
  readonly status: 'draft' | 'sent';
  readonly documentsVersion: number;
  readonly sections: readonly SectionView[];
  readonly documents: readonly ConsultationDocumentView[];
  /** Who the remiss goes to (names for everyone; the sender's status board has the details). */
  readonly recipients: readonly { readonly id: string; readonly name: string; readonly external: boolean }[];
  readonly createdBy: string;
  readonly sentAt: string | null;
  /** When the viewer's organisation is a recipient: its own entry. */
  readonly asRecipient: RecipientView | null;
}

export interface StatusBoard {
  readonly consultationId: string;
  readonly title: string;
  readonly senderDiaryNumber: string;
  readonly responseDeadline: string;
  readonly total: number;
  readonly counts: Readonly<Record<RecipientState | 'overdue', number>>;
  readonly recipients: readonly RecipientView[];
  /** The e-mail to each shown external recipient: sent, on its way, or failed with the server's answer. */
  readonly deliveries: readonly MailDeliveryView[];
}

export interface SectionAnswer {
  readonly sectionId: string;
  readonly position: Position | null;
  readonly comment: string;
}

export interface ExtensionRequestView {
  readonly id: string;
  readonly recipientId: string;
  readonly requestedDeadline: string;
  readonly reason: string;
  readonly status: 'pending' | 'granted' | 'refused';
  readonly comment: string | null;
}
