import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';

import { notificationMessages as t } from './messages';
import { unreadCountQuery } from './notification-queries';

/** The header's way to the notifications, with the unread count in its name. */
export function NotificationsButton() {
  const { data: unread = 0 } = useQuery(unreadCountQuery);
  return (
    <NavLink to="/notiser" className="notifications-button">
      {t.button}
      {unread > 0 ? (
        <>
          {' '}
          <span className="badge">{t.unread(unread)}</span>
        </>
      ) : null}
    </NavLink>
  );
}
