import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type Statement = components['schemas']['StatementResponse'];
export type Parts = components['schemas']['StatementPartsResponse'];
export type PartsInput = components['schemas']['StatementPartsDto'];
export type PartChange = components['schemas']['PartChangeResponse'];
export type IssuedDocument = components['schemas']['IssuedDocumentResponse'];

export const statementQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/statements/{id}', id],
    queryFn: () => unwrap(api.GET('/api/v1/statements/{id}', { params: { path: { id } } })),
  });

export const revisionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['/api/v1/statements/{id}/revisions', id],
    queryFn: () => unwrap(api.GET('/api/v1/statements/{id}/revisions', { params: { path: { id } } })),
  });

export const revisionQuery = (id: string, number: number) =>
  queryOptions({
    queryKey: ['/api/v1/statements/{id}/revisions/{number}', id, number],
    queryFn: () => unwrap(api.GET('/api/v1/statements/{id}/revisions/{number}', { params: { path: { id, number } } })),
    staleTime: Infinity,
  });

/** Part by part, what changed from one revision to another. */
export const compareQuery = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: ['/api/v1/statements/{id}/compare', id, from, to],
    queryFn: () =>
      unwrap(api.GET('/api/v1/statements/{id}/compare', { params: { path: { id }, query: { from, to } } })),
    staleTime: Infinity,
  });

/** The PDFs issued from the statement, with their states. */
export const issuedDocumentsQuery = (subjectId: string) =>
  queryOptions({
    queryKey: ['/api/v1/issued-documents', subjectId],
    queryFn: () => unwrap(api.GET('/api/v1/issued-documents', { params: { query: { subjectId } } })),
  });

/** After a change of the statement, everything that shows it or the work around it is stale. */
function useStatementChanged() {
  const client = useQueryClient();
  return (statement: Statement) => {
    client.setQueryData(statementQuery(statement.id).queryKey, statement);
    return client.invalidateQueries({
      predicate: ({ queryKey: [path, id] }) =>
        path === '/api/v1/my-work' ||
        path === '/api/v1/notifications' ||
        (typeof path === 'string' && path.startsWith('/api/v1/statements') && path !== '/api/v1/statements/{id}') ||
        (path === '/api/v1/issued-documents' && id === statement.id),
    });
  };
}

export function useSaveStatement(id: string) {
  const changed = useStatementChanged();
  return useMutation({
    mutationFn: (body: { baseRevision: number; parts: PartsInput }) =>
      unwrap(api.PUT('/api/v1/statements/{id}', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useSubmitStatement(id: string) {
  const changed = useStatementChanged();
  return useMutation({
    mutationFn: (revision: number) =>
      unwrap(api.POST('/api/v1/statements/{id}/submit', { params: { path: { id } }, body: { revision } })),
    onSuccess: changed,
  });
}

export function useApproveStatement(id: string) {
  const changed = useStatementChanged();
  return useMutation({
    mutationFn: (body: { revision: number; step: number; comment?: string }) =>
      unwrap(api.POST('/api/v1/statements/{id}/approve', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useRequestChanges(id: string) {
  const changed = useStatementChanged();
  return useMutation({
    mutationFn: (body: { revision: number; step: number; comment: string }) =>
      unwrap(api.POST('/api/v1/statements/{id}/request-changes', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}
