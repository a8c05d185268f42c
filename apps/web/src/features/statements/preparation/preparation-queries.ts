import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';

export type PreparationRequest = components['schemas']['PreparationRequestResponse'];
export type PreparationQuestion = components['schemas']['PreparationRequestDto'];

export const preparationRequestsQuery = (statementId: string) =>
  queryOptions({
    queryKey: ['/api/v1/statements/{id}/preparation-requests', statementId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/statements/{id}/preparation-requests', { params: { path: { id: statementId } } })),
  });

export function useAskDepartment(statementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreparationQuestion) =>
      unwrap(api.POST('/api/v1/statements/{id}/preparation-requests', { params: { path: { id: statementId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: preparationRequestsQuery(statementId).queryKey }),
  });
}

export function useAnswerPreparation(requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) =>
      unwrap(
        api.POST('/api/v1/preparation-requests/{id}/answer', { params: { path: { id: requestId } }, body: { answer } }),
      ),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: ({ queryKey: [path] }) =>
          path === '/api/v1/my-work' || path === '/api/v1/statements/{id}/preparation-requests',
      }),
  });
}
