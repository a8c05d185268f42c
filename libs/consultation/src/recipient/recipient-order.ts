/**
 * Recipients as lists show them: by name in Swedish order, and by id among equal names, so that
 * a list reads the same every time (the database hands rows back in no promised order).
 */
export function byRecipientName(
  a: { readonly name: string; readonly id: string },
  b: { readonly name: string; readonly id: string },
): number {
  return a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
