import { ApiError } from '../../api/problem';
import { type FormField, formProblems, type FormProblems } from '../../ui/form-problems';
import { problemText } from '../../ui/QueryState';

/**
 * The API's answer placed on the form, where a rule's code says which field it concerns (an
 * e-mail address already in use belongs beside the e-mail field, not only in the summary).
 */
export function problemsOf(
  error: unknown,
  form: Readonly<Record<string, FormField>>,
  fieldOfCode: Readonly<Record<string, string>>,
): FormProblems {
  const key = error instanceof ApiError && error.code ? fieldOfCode[error.code] : undefined;
  const field = key ? form[key] : undefined;
  if (!key || !field) {
    return formProblems(error, form);
  }
  const message = problemText(error);
  return { summary: [{ message, fieldId: field.id }], fields: new Map([[key, [message]]]) };
}
