import type { components } from '../api/openapi';

type Role = components['schemas']['Role'];
type Direction = components['schemas']['DocumentDirection'];
type Position = components['schemas']['Position'];

/** The Swedish names of the API's values, where the API gives no label of its own. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  case_officer: 'handläggare',
  head_of_department: 'avdelningschef',
  director: 'förvaltningschef',
  registrar: 'registrator',
  administrator: 'administratör',
};

export const DIRECTION_LABEL: Readonly<Record<Direction, string>> = {
  incoming: 'Inkommande',
  outgoing: 'Utgående',
  internal: 'Upprättad',
};

export const POSITION_LABEL: Readonly<Record<Position, string>> = {
  supports: 'Tillstyrker',
  supports_in_part: 'Tillstyrker delvis',
  opposes: 'Avstyrker',
  no_comment: 'Inget att invända',
};

/** "1,2 MB" */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
