import { canMove, FINAL_STATES, RECIPIENT_STATES, RecipientState as S } from './recipient-state.js';

describe(canMove.name, () => {
  it.each([
    [S.Sent, S.Registered],
    [S.Sent, S.Answered], // an external recipient's answer registered by the sender
    [S.Registered, S.Assigned],
    [S.Registered, S.Drafting],
    [S.Assigned, S.Assigned], // reassigned
    [S.Assigned, S.Drafting],
    [S.Drafting, S.Assigned],
    [S.Drafting, S.InApproval],
    [S.InApproval, S.Drafting], // changes requested
    [S.InApproval, S.Decided],
    [S.Decided, S.Answered],
    [S.Decided, S.Drafting], // sent back by the board
  ])('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each([
    [S.Sent, S.Drafting],
    [S.Registered, S.InApproval],
    [S.Drafting, S.Decided],
    [S.InApproval, S.Answered],
    [S.Assigned, S.Registered],
  ])('refuses %s → %s, which skips or undoes a step', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('lets a recipient decline until its statement is before the approvers, and not after', () => {
    const may = RECIPIENT_STATES.filter((from) => canMove(from, S.Declined));
    expect(may.sort()).toEqual([S.Assigned, S.Drafting, S.Registered, S.Sent].sort());
  });

  it('moves nowhere from a final state', () => {
    for (const from of FINAL_STATES) {
      expect(RECIPIENT_STATES.filter((to) => canMove(from, to))).toEqual([]);
    }
  });
});
