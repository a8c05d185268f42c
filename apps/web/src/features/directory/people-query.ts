import { queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** The people of the organisation the person acts for. */
export const peopleQuery = queryOptions({
  queryKey: ['/api/v1/people'],
  queryFn: () => unwrap(api.GET('/api/v1/people')),
  staleTime: 5 * 60_000,
});

export const departmentsQuery = queryOptions({
  queryKey: ['/api/v1/departments'],
  queryFn: () => unwrap(api.GET('/api/v1/departments')),
  staleTime: 5 * 60_000,
});
