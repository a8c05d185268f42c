import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';

import { pathOfRecord } from '../../app/record-links';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { notificationMessages as t } from './messages';
import { inboxQuery, useMarkAllRead, useMarkRead } from './notification-queries';

const PAGE = 50;

/** Notiser: what happened that concerns the person, newest first; read one or all. */
export function NotificationsPage() {
  const [limit, setLimit] = useState(PAGE);
  const query = useQuery(inboxQuery(limit));
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <Page title={t.title}>
      <QueryState query={query}>
        {(inbox) => (
          <>
            <div className="toolbar">
              <p className="toolbar__status" aria-live="polite">
                {t.unread(inbox.unread)}
              </p>
              {inbox.unread > 0 ? (
                <Button variant="secondary" onPress={() => markAll.mutate()} isPending={markAll.isPending}>
                  {t.markAllRead}
                </Button>
              ) : null}
            </div>
            <p role="status" className="visually-hidden">
              {markAll.data ? t.markedAll(markAll.data.marked) : ''}
            </p>
            {inbox.items.length === 0 ? (
              <p className="notice">{t.none}</p>
            ) : (
              <ul className="notification-list">
                {inbox.items.map((n) => {
                  const path = n.link ? pathOfRecord(n.link) : null;
                  const unread = n.readAt === null;
                  return (
                    <li key={n.id} className={`notification${unread ? ' notification--unread' : ''}`}>
                      <h2 className="notification__title">
                        {unread ? <span className="tag">{t.unreadLabel}</span> : null}
                        {path ? <Link to={path}>{n.title}</Link> : n.title}
                      </h2>
                      {n.body ? <p className="notification__body">{n.body}</p> : null}
                      <p className="notification__meta muted">
                        {t.received} {formatDateTime(n.createdAt)}
                      </p>
                      {unread ? (
                        <Button
                          variant="link"
                          aria-label={t.markReadFor(n.title)}
                          onPress={() => markRead.mutate(n.id)}
                          isDisabled={markRead.isPending && markRead.variables === n.id}
                        >
                          {t.markRead}
                        </Button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {inbox.total > inbox.items.length ? (
              <Button variant="secondary" onPress={() => setLimit(limit + PAGE)}>
                {t.showMore}
              </Button>
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
