import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { invalidatePaths } from '../../app/query-client';

const PATH = '/api/v1/notifications';

/** The inbox, newest first. */
export const inboxQuery = (limit: number) =>
  queryOptions({
    queryKey: [PATH, { limit }],
    queryFn: () => unwrap(api.GET(PATH, { params: { query: { limit } } })),
  });

/** Only the unread count, for the header's button. */
export const unreadCountQuery = queryOptions({
  queryKey: [PATH, 'unread'],
  queryFn: async () => (await unwrap(api.GET(PATH, { params: { query: { limit: 1, unreadOnly: true } } }))).unread,
});

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => invalidatePaths(client, [PATH]),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => invalidatePaths(client, [PATH]),
  });
}
