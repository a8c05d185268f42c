import { useMutation, useQueryClient } from '@tanstack/react-query';

import { rememberToken } from '../../../api/bearer';
import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { meQuery } from '../../../app/session';

export type LoginInput = components['schemas']['LoginDto'];

/** Logs in; the session then holds the person, organisation and roles the answer names. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: ({ accessToken, person, organisation, roles }) => {
      client.clear();
      rememberToken(accessToken);
      client.setQueryData(meQuery.queryKey, { person, organisation, roles });
    },
  });
}
