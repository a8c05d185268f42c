import { queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { ApiError, unwrap } from '../../api/problem';
import { type FormField, type FormProblems, formProblems } from '../../ui/form-problems';

export type Meeting = components['schemas']['MeetingResponse'];
export type Statement = components['schemas']['StatementResponse'];

/** The board's whole calendar, past meetings included. */
export const meetingsQuery = queryOptions({
  queryKey: ['/api/v1/meetings', 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/meetings')),
});

export const agendaQuery = (meetingId: string) =>
  queryOptions({
    queryKey: ['/api/v1/meetings', meetingId, 'statements'],
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/statements', { params: { path: { id: meetingId } } })),
  });

/** Refusals that concern one field but do not name it: placed at that field all the same. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  'statement.meeting_exists': 'meetingDate',
  'statement.meeting_cancelled': 'meetingId',
  'statement.meeting_unchanged': 'meetingId',
  'statement.meeting_before_approval': 'meetingId',
};

/** The API's answer to a meetings form, each problem at its field. */
export function meetingProblems(error: unknown, form: Readonly<Record<string, FormField>>): FormProblems {
  if (error instanceof ApiError && !error.problemField && error.code && FIELD_OF_CODE[error.code]) {
    return formProblems(new ApiError(error.status, { ...error.problem, field: FIELD_OF_CODE[error.code] }), form);
  }
  return formProblems(error, form);
}
