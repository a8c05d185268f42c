import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';

import { api } from '../api/client';
import type { components } from '../api/openapi';
import { unwrap } from '../api/problem';

export type Me = components['schemas']['WhoAmIResponse'];
export type Role = components['schemas']['Role'];

export const meQuery = queryOptions({
  queryKey: ['/api/v1/auth/me'],
  queryFn: () => unwrap(api.GET('/api/v1/auth/me')),
  staleTime: Infinity,
});

/** The logged-in person, organisation and roles (only inside the logged-in part of the app). */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) {
    throw new Error('useMe outside a session');
  }
  return data;
}

export function hasRole(me: Me, ...roles: readonly Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

/** The path to come back to after logging in, as the login page's `tillbaka` parameter. */
export function loginPathFor(returnTo: string): string {
  return returnTo === '/' || returnTo.startsWith('/logga-in')
    ? '/logga-in'
    : `/logga-in?tillbaka=${encodeURIComponent(returnTo)}`;
}

/** Only paths inside the app are followed back after login, never another site. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/logga-in') ? value : '/';
}

export function useClearSession(): () => void {
  const client = useQueryClient();
  return () => client.clear();
}
