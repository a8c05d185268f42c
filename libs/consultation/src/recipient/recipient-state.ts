/** Where a recipient stands with a remiss. `overdue` is not a state: it is derived from the deadline. */
export enum RecipientState {
  Sent = 'sent',
  Registered = 'registered',
  Assigned = 'assigned',
  Drafting = 'drafting',
  InApproval = 'in_approval',
  Decided = 'decided',
  Answered = 'answered',
  Declined = 'declined',
}

export const RECIPIENT_STATES: readonly RecipientState[] = Object.values(RecipientState);

export const RECIPIENT_STATE_LABEL: Readonly<Record<RecipientState, string>> = {
  [RecipientState.Sent]: 'Skickad',
  [RecipientState.Registered]: 'Registrerad',
  [RecipientState.Assigned]: 'Tilldelad',
  [RecipientState.Drafting]: 'Under beredning',
  [RecipientState.InApproval]: 'För godkännande',
  [RecipientState.Decided]: 'Beslutad',
  [RecipientState.Answered]: 'Besvarad',
  [RecipientState.Declined]: 'Avstår',
};

/** States after which nothing more is expected of the recipient. */
export const FINAL_STATES: ReadonlySet<RecipientState> = new Set([RecipientState.Answered, RecipientState.Declined]);

/**
 * The moves the workflow allows. Declining is allowed until a statement is before the approvers:
 * from then on the statement's own course (approval, the board's decision) settles the answer.
 */
const ALLOWED: Readonly<Record<RecipientState, readonly RecipientState[]>> = {
  [RecipientState.Sent]: [RecipientState.Registered, RecipientState.Answered],
  [RecipientState.Registered]: [RecipientState.Assigned, RecipientState.Drafting],
  [RecipientState.Assigned]: [RecipientState.Assigned, RecipientState.Drafting],
  [RecipientState.Drafting]: [RecipientState.Drafting, RecipientState.Assigned, RecipientState.InApproval],
  [RecipientState.InApproval]: [RecipientState.Drafting, RecipientState.Decided],
  [RecipientState.Decided]: [RecipientState.Answered, RecipientState.Drafting],
  [RecipientState.Answered]: [],
  [RecipientState.Declined]: [],
};

export function canMove(from: RecipientState, to: RecipientState): boolean {
  if (to === RecipientState.Declined) {
    return !FINAL_STATES.has(from) && from !== RecipientState.InApproval && from !== RecipientState.Decided;
  }
  return ALLOWED[from].includes(to);
}
