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

export type RegisteredDocument = components['schemas']['RegisteredDocumentResponse'];

/** After a registrar's change to a case: the case, its documents and the lists that show it. */
function refreshCase(client: ReturnType<typeof useQueryClient>): Promise<void> {
  return invalidatePaths(client, ['/api/v1/cases', '/api/v1/search', '/api/v1/my-work']);
}

/** The registrar's changes to a case: classify, assign, close, reopen. */
export function useCaseChange(caseId: string) {
  const client = useQueryClient();
  const path = { params: { path: { id: caseId } } };
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'classify'; classificationCode: string | null }
        | { kind: 'assign'; personId: string }
        | { kind: 'close' }
        | { kind: 'reopen' },
    ) => {
      switch (change.kind) {
        case 'classify':
          return unwrap(
            api.PATCH('/api/v1/cases/{id}', {
              ...path,
              body: { classificationCode: change.classificationCode ?? undefined } as never,
            }),
          );
        case 'assign':
          return unwrap(api.POST('/api/v1/cases/{id}/assign', { ...path, body: { personId: change.personId } }));
        case 'close':
          return unwrap(api.POST('/api/v1/cases/{id}/close', path));
        case 'reopen':
          return unwrap(api.POST('/api/v1/cases/{id}/reopen', path));
      }
    },
    onSuccess: () => refreshCase(client),
  });
}

export interface DocumentRegistration {
  readonly direction: 'incoming' | 'outgoing';
  readonly kind: string;
  readonly title: string;
  readonly documentDate: string;
  readonly counterpart: string;
  readonly file: File;
  readonly mediaType: string;
}

/** Registers one document with its file (multipart: the fields first, the file last). */
export function useRegisterDocument(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentRegistration) => {
      const form = new FormData();
      form.append('direction', input.direction);
      form.append('kind', input.kind);
      form.append('title', input.title);
      if (input.documentDate) {
        form.append('documentDate', input.documentDate);
      }
      if (input.counterpart) {
        form.append('counterpart', input.counterpart);
      }
      form.append('file', new File([input.file], input.file.name, { type: input.mediaType }));
      return unwrap(
        api.POST('/api/v1/cases/{id}/documents', {
          params: { path: { id: caseId } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: () => refreshCase(client),
  });
}

/** The registrar's changes to a document: mark secret, lift secrecy, annul. */
export function useDocumentChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'secret'; id: string; ground: string }
        | { kind: 'lift'; id: string; reason: string }
        | { kind: 'annul'; id: string; reason: string },
    ) => {
      const path = { params: { path: { id: change.id } } };
      switch (change.kind) {
        case 'secret':
          return unwrap(api.PUT('/api/v1/documents/{id}/secrecy', { ...path, body: { ground: change.ground } }));
        case 'lift':
          return unwrap(
            api.POST('/api/v1/documents/{id}/secrecy/lift', {
              ...path,
              body: change.reason ? { reason: change.reason } : {},
            }),
          );
        case 'annul':
          return unwrap(api.POST('/api/v1/documents/{id}/annul', { ...path, body: { reason: change.reason } }));
      }
    },
    onSuccess: () => refreshCase(client),
  });
}
