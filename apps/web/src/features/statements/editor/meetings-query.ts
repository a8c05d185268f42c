import { queryOptions } from '@tanstack/react-query';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { todayInStockholm } from '../../../ui/format';

/** The board's coming meetings (its sammanträdesplan from today). */
export const comingMeetingsQuery = queryOptions({
  queryKey: ['/api/v1/meetings', 'coming'],
  queryFn: () => unwrap(api.GET('/api/v1/meetings', { params: { query: { from: todayInStockholm() } } })),
});
