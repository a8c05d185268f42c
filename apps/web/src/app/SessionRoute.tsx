import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';

import { ApiError } from '../api/problem';
import { onSessionExpired } from '../api/session-events';
import { AppShell } from '../features/shell/AppShell';
import { QueryState } from '../ui/QueryState';
import { loginPathFor, meQuery } from './session';

/**
 * The logged-in part of the app. Without a session, or when it ends while the person works, they
 * go to the login page, which brings them back to the same place afterwards.
 */
export function SessionRoute() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useQuery(meQuery);
  const here = `${location.pathname}${location.search}`;

  useEffect(
    () =>
      onSessionExpired(() => {
        // Several requests may come back 401 at once; the first one decides where to return.
        if (window.location.pathname === '/logga-in') {
          return;
        }
        client.clear();
        void navigate(loginPathFor(`${window.location.pathname}${window.location.search}`), { replace: true });
      }),
    [client, navigate],
  );

  if (me.isError && me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={loginPathFor(here)} replace />;
  }
  return <QueryState query={me}>{() => <AppShell />}</QueryState>;
}
