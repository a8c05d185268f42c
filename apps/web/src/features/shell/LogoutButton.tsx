import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { api } from '../../api/client';
import { removeDraftsOf } from '../../app/drafts';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { shellMessages as t } from './messages';

/** Ends the session on the server, forgets this person's unsaved texts, and returns to login. */
export function LogoutButton() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    // Logged out either way: a session the server no longer knows is ended too.
    mutationFn: () => api.DELETE('/api/v1/auth/session').catch(() => undefined),
    onSettled: () => {
      if (me.person) {
        removeDraftsOf(me.person.id);
      }
      client.clear();
      void navigate('/logga-in?utloggad=1', { replace: true });
    },
  });
  return (
    <Button variant="secondary" onPress={() => logout.mutate()} isPending={logout.isPending}>
      {t.logout}
    </Button>
  );
}
