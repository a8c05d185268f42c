/**
 * The values of a string-literal union, for an `enum` in the API document. Listing them as the
 * keys of a record makes the compiler insist on every member and on no other.
 */
export function literalValues<T extends string>(members: Readonly<Record<T, true>>): T[] {
  return Object.keys(members) as T[];
}
