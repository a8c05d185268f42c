import { queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** Everyone of the organisation, those who are disabled too. */
export const allPeopleQuery = queryOptions({
  queryKey: ['/api/v1/people', { includeDisabled: true }],
  queryFn: () => unwrap(api.GET('/api/v1/people', { params: { query: { includeDisabled: true } } })),
});

export function personQuery(id: string) {
  return queryOptions({
    queryKey: ['/api/v1/people/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/people/{id}', { params: { path: { id } } })),
  });
}

export function departmentQuery(id: string) {
  return queryOptions({
    queryKey: ['/api/v1/departments/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/departments/{id}', { params: { path: { id } } })),
  });
}

export function organisationQuery(id: string) {
  return queryOptions({
    queryKey: ['/api/v1/organisations/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });
}

export const approvalChainQuery = queryOptions({
  queryKey: ['/api/v1/approval-chain'],
  queryFn: () => unwrap(api.GET('/api/v1/approval-chain')),
});

/** Empty text is no value: the API wants the field left out (or null to clear it). */
export function valueOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
