import { QueryClient } from '@tanstack/react-query';

import { ApiError } from '../api/problem';

/**
 * Server state lives here and nowhere else. A refused request (4xx) is not retried: asking again
 * changes nothing. Live updates invalidate what changed, so data stays fresh for a while.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** Invalidates every query whose key starts with one of these API paths. */
export function invalidatePaths(client: QueryClient, prefixes: readonly string[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const path = query.queryKey[0];
      return typeof path === 'string' && prefixes.some((prefix) => path.startsWith(prefix));
    },
  });
}
