import { useQuery } from '@tanstack/react-query';

import { hasRole, useMe } from '../../app/session';
import { organisationQuery } from './admin-queries';

/** Where the API serves the queue dashboard (its own page, not a screen of this app). */
export const QUEUE_DASHBOARD_URL = '/api/queues';

/** True when the person administers the city itself: organisations and the queue dashboard are theirs. */
export function useCityAdministrator(): boolean {
  const me = useMe();
  const organisation = useQuery({
    ...organisationQuery(me.organisation?.id ?? ''),
    enabled: Boolean(me.organisation) && hasRole(me, 'administrator'),
  });
  return hasRole(me, 'administrator') && organisation.data?.kind === 'city';
}
