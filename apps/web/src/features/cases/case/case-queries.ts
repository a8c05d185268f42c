import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { ApiError, unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';

export type Case = components['schemas']['CaseResponse'];
export type Consultation = components['schemas']['ConsultationResponse'];

export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/cases/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });

export const caseDocumentsQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/cases/{id}/documents', id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/documents', { params: { path: { id } } })),
  });

export const coWorkersQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/cases/{id}/co-workers', id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/co-workers', { params: { path: { id } } })),
  });

/** The remisses this organisation has received. */
export const receivedRemissesQuery = queryOptions({
  queryKey: ['/api/v1/consultations', 'received'],
  queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { role: 'received' } } })),
});

/** The remiss a case of this organisation answers: the one registered under its diary number. */
export function remissOf(remisses: readonly Consultation[], diaryNumber: string): Consultation | undefined {
  return remisses.find((c) => c.asRecipient?.diaryNumber === diaryNumber);
}

/** The case's statement, or null while none has been started. */
export const statementOfCaseQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['/api/v1/statements/by-case/{caseId}', caseId],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/statements/by-case/{caseId}', { params: { path: { caseId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });

/** Starts the case's statement, pre-filled from the remiss. */
export function useStartStatement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) => unwrap(api.POST('/api/v1/statements', { body: { caseId } })),
    onSuccess: () => invalidatePaths(client, ['/api/v1/statements', '/api/v1/my-work']),
  });
}
