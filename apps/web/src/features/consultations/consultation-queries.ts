import { queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type Consultation = components['schemas']['ConsultationResponse'];
export type StatusBoard = components['schemas']['StatusBoardResponse'];
export type Recipient = components['schemas']['RecipientResponse'];
export type RecipientState = components['schemas']['RecipientState'];
export type Compilation = components['schemas']['CompilationResponse'];
export type Position = components['schemas']['Position'];

/** The remisses the organisation sent (and its drafts). */
export const sentConsultationsQuery = queryOptions({
  queryKey: ['/api/v1/consultations', 'sent'],
  queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { role: 'sent' } } })),
});

export const consultationQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/consultations/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } })),
  });

export interface BoardFilter {
  readonly state?: RecipientState;
  readonly overdue?: boolean;
}

export const statusBoardQuery = (id: string, filter: BoardFilter) =>
  queryOptions({
    queryKey: ['/api/v1/consultations/{id}/status-board', id, filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/consultations/{id}/status-board', {
          params: { path: { id }, query: { ...filter } },
        }),
      ),
  });

export const compilationQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/consultations/{id}/compilation', id],
    queryFn: () => unwrap(api.GET('/api/v1/consultations/{id}/compilation', { params: { path: { id } } })),
  });

/** The directory's bodies a remiss may be sent to, one by one. */
export const recipientCandidatesQuery = queryOptions({
  queryKey: ['/api/v1/organisations'],
  queryFn: () => unwrap(api.GET('/api/v1/organisations')),
  staleTime: 5 * 60_000,
});

/** The query string of the board's filters, for the CSV link as for the API. */
export function filterSearch(filter: BoardFilter): string {
  const params = new URLSearchParams();
  if (filter.state) {
    params.set('state', filter.state);
  }
  if (filter.overdue) {
    params.set('overdue', 'true');
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
