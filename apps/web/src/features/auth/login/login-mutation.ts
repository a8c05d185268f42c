import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { meQuery } from '../../../app/session';

export type LoginInput = components['schemas']['LoginDto'];

/**
 * Logs in: the API sets the session cookie (HttpOnly) and the CSRF cookie, and names the person,
 * organisation and roles the session holds.
 */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/v1/auth/session', { body })),
    onSuccess: ({ person, organisation, roles, organisations, expiresAt }) => {
      client.clear();
      client.setQueryData(meQuery.queryKey, { person, organisation, roles, organisations, expiresAt });
    },
  });
}
