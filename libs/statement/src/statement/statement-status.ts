/** Where a tjänsteutlåtande stands. */
export enum StatementStatus {
  /** The case officer writes; every save is a revision. */
  Drafting = 'drafting',
  /** A revision is submitted and goes through the approval chain. */
  InApproval = 'in_approval',
  /** Every step approved: the revision is frozen and goes before the board. */
  Approved = 'approved',
  /** The board adopted it; nothing in it can change. */
  Adopted = 'adopted',
  /** The minutes are confirmed and the answer has reached the sender. */
  Answered = 'answered',
}

export const STATEMENT_STATUS_LABEL: Readonly<Record<StatementStatus, string>> = {
  [StatementStatus.Drafting]: 'under arbete',
  [StatementStatus.InApproval]: 'för godkännande',
  [StatementStatus.Approved]: 'godkänt och låst',
  [StatementStatus.Adopted]: 'beslutat av nämnden',
  [StatementStatus.Answered]: 'besvarat',
};

/** Statuses in which the text may no longer change. */
export const FROZEN: ReadonlySet<StatementStatus> = new Set([
  StatementStatus.Approved,
  StatementStatus.Adopted,
  StatementStatus.Answered,
]);
