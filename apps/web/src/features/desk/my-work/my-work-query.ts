import { queryOptions } from '@tanstack/react-query';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';

export const myWorkQuery = queryOptions({
  queryKey: ['/api/v1/my-work'],
  queryFn: () => unwrap(api.GET('/api/v1/my-work')),
});
