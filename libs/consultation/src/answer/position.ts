/** A recipient's position on the remiss as a whole or on one of its sections. */
export enum Position {
  Supports = 'supports',
  SupportsInPart = 'supports_in_part',
  Opposes = 'opposes',
  NoComment = 'no_comment',
}

export const POSITIONS: readonly Position[] = Object.values(Position);

export const POSITION_LABEL: Readonly<Record<Position, string>> = {
  [Position.Supports]: 'Tillstyrker',
  [Position.SupportsInPart]: 'Tillstyrker delvis',
  [Position.Opposes]: 'Avstyrker',
  [Position.NoComment]: 'Inget att invända',
};
