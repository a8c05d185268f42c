import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

import { daysUntil, formatDate } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { myWorkMessages as t } from './messages';
import { myWorkQuery } from './my-work-query';
import { actionPathOf, groupWork, type WorkItem } from './work-groups';

/** Mitt arbete: the landing page, what waits for this person grouped by what to do. */
export function MyWorkPage() {
  const query = useQuery(myWorkQuery);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <p className="notice">{t.empty}</p>
          ) : (
            groupWork(items).map(([group, list]) => (
              <section key={group} aria-labelledby={`grupp-${group}`} className="work-group">
                <h2 id={`grupp-${group}`}>
                  {t.groups[group]} <span className="count">({t.count(list.length)})</span>
                </h2>
                <ul className="work-list">
                  {list.map((item) => (
                    <WorkRow key={`${item.kind}:${item.link.type}:${item.link.id}`} item={item} />
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </Page>
  );
}

function WorkRow({ item }: { item: WorkItem }) {
  const path = actionPathOf(item);
  const days = item.deadline ? daysUntil(item.deadline) : null;
  const overdue = days !== null && days < 0;
  return (
    <li className={`work-item${overdue ? ' work-item--overdue' : ''}`}>
      <p className="work-item__title">{path ? <Link to={path}>{item.title}</Link> : item.title}</p>
      <dl className="work-item__facts">
        <div>
          <dt>{t.diaryNumber}</dt>
          <dd>{item.diaryNumber ?? t.noDiaryNumber}</dd>
        </div>
        <div>
          <dt>{t.deadline}</dt>
          <dd>
            {item.deadline ? formatDate(item.deadline) : t.noDeadline}
            {days !== null ? (
              overdue ? (
                <strong className="overdue-tag">{t.overdueBy(-days)}</strong>
              ) : (
                <span className="days-left"> ({t.daysLeft(days)})</span>
              )
            ) : null}
          </dd>
        </div>
      </dl>
    </li>
  );
}
