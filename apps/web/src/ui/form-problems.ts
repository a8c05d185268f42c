import { ApiError } from '../api/problem';
import type { SummaryItem } from './ErrorSummary';
import { problemText } from './QueryState';

export interface FormField {
  /** The element id the summary links to. */
  readonly id: string;
  readonly label: string;
}

export interface FormProblems {
  /** The error summary's list, in the order of the answer. */
  readonly summary: readonly SummaryItem[];
  /** Each field's messages, by the API's field name (`parts.summary`). */
  readonly fields: ReadonlyMap<string, readonly string[]>;
}

export const NO_PROBLEMS: FormProblems = { summary: [], fields: new Map() };

/**
 * The API's answer to a form, placed: a per-field problem goes next to the field it names (as
 * "E-post måste vara en e-postadress") and into the summary as a link to it; any other problem
 * goes into the summary in the API's own words.
 */
export function formProblems(error: unknown, form: Readonly<Record<string, FormField>>): FormProblems {
  if (!(error instanceof ApiError) || error.fieldErrors.size === 0) {
    // A rule that concerns one field (a date out of range) names it: its whole sentence goes there.
    const key = error instanceof ApiError ? fieldNamed(form, error.problemField) : undefined;
    const message = problemText(error);
    return key
      ? { summary: [{ message, fieldId: form[key]!.id }], fields: new Map([[key, [message]]]) }
      : { summary: [{ message }], fields: new Map() };
  }
  const summary: SummaryItem[] = [];
  const fields = new Map<string, string[]>();
  for (const [name, problems] of error.fieldErrors) {
    const field = fieldOf(form, name);
    for (const problem of problems) {
      const message = field ? `${field.label} ${problem}` : `${name} ${problem}`;
      summary.push(field ? { message, fieldId: field.id } : { message });
      if (field) {
        const key = nearestKnown(form, name)!;
        fields.set(key, [...(fields.get(key) ?? []), message]);
      }
    }
  }
  return { summary, fields };
}

/**
 * The form's field for a name the API gives: `parts.sections.1.comment` is the form's
 * `parts.sections.1.comment` when it has one, else `parts.sections.1`, else `parts.sections`.
 */
function nearestKnown(form: Readonly<Record<string, FormField>>, name: string): string | undefined {
  const segments = name.split('.');
  for (let n = segments.length; n > 0; n--) {
    const path = segments.slice(0, n).join('.');
    if (form[path]) {
      return path;
    }
  }
  return undefined;
}

/** The form's field a problem names by its bare part name (`documentDate` is `parts.documentDate`). */
function fieldNamed(form: Readonly<Record<string, FormField>>, name: string | undefined): string | undefined {
  if (!name) {
    return undefined;
  }
  return Object.keys(form).find((key) => key === name || key.endsWith(`.${name}`));
}

function fieldOf(form: Readonly<Record<string, FormField>>, name: string): FormField | undefined {
  const key = nearestKnown(form, name);
  return key ? form[key] : undefined;
}

/**
 * What a form finds missing before it asks the API, placed as the API's problems are: each
 * message next to its field and in the summary as a link to it. NO_PROBLEMS when nothing is.
 */
export function missingFields<K extends string>(
  form: Readonly<Record<K, FormField>>,
  missing: readonly (readonly [K, string])[],
): FormProblems {
  return missing.length === 0
    ? NO_PROBLEMS
    : {
        summary: missing.map(([key, message]) => ({ message, fieldId: form[key].id })),
        fields: new Map(missing.map(([key, message]) => [key, [message]])),
      };
}
