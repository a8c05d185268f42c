import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

import { formatIsoDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { sentConsultationsQuery } from './consultation-queries';
import { consultationMessages as t } from './messages';

/** Remisser: what the organisation sent, newest first, each leading to its status board. */
export function SentRemissesPage() {
  const query = useQuery(sentConsultationsQuery);
  return (
    <Page
      title={t.listTitle}
      aside={
        <Link className="button button--primary" to="/remisser/ny">
          {t.newRemiss}
        </Link>
      }
    >
      <p>{t.listIntro}</p>
      <QueryState query={query}>
        {(consultations) =>
          consultations.length === 0 ? (
            <p className="notice">{t.none}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t.remiss}</th>
                  <th scope="col">{t.diaryNumber}</th>
                  <th scope="col">{t.deadline}</th>
                  <th scope="col">{t.recipients}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {consultations.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t.remiss}>
                      <Link to={`/remisser/${c.id}`}>{c.title}</Link>
                    </td>
                    <td data-label={t.diaryNumber} className="nowrap">
                      {c.senderDiaryNumber}
                    </td>
                    <td data-label={t.deadline} className="nowrap">
                      {formatIsoDate(c.responseDeadline)}
                    </td>
                    <td data-label={t.recipients}>{c.recipients.length}</td>
                    <td data-label={t.status}>{t.statusLabel[c.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </Page>
  );
}
