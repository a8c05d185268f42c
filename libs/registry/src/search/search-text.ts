/**
 * The registry's one search compares texts as `search_fold` (a database function, see the
 * SearchFold migration) has them: in one Unicode form, case and accents folded by Swedish rules
 * (å, ä, ö stay letters of their own). A query matches a text that contains it.
 */

/**
 * The condition that `column` contains the query in parameter `:param` (as `searchPattern` makes
 * it); null never matches.
 */
export function contains(column: string, param = 'q'): string {
  return `search_fold(${column}) LIKE search_fold(:${param}) ESCAPE '\\'`;
}

/** The query as the pattern `contains` takes: a LIKE pattern that matches it anywhere, its own `%` and `_` literal. */
export function searchPattern(query: string): string {
  return `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
