import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';

import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { peopleQuery } from '../../directory/people-query';
import { CompareView } from '../CompareView';
import { statementMessages } from '../messages';
import { revisionsQuery, type Statement, statementQuery } from '../statement-queries';
import { revisionsMessages as t } from './messages';

/** A statement's revision history: every saved version, and any two compared part by part. */
export function RevisionsPage() {
  const { statementId = '' } = useParams();
  const query = useQuery(statementQuery(statementId));
  return (
    <QueryState query={query}>
      {(statement) => (
        <Page title={t.title} caption={statementMessages.caption(statement.diaryNumber)}>
          <p>{t.intro}</p>
          <History statement={statement} />
          <p>
            <Link to={`/tjansteutlatanden/${statement.id}`}>{t.back}</Link>
          </p>
        </Page>
      )}
    </QueryState>
  );
}

function History({ statement }: { statement: Statement }) {
  const revisions = useQuery(revisionsQuery(statement.id));
  const people = useQuery(peopleQuery);
  const latest = statement.currentRevision;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const fromId = useId();
  const toId = useId();
  const numbers = Array.from({ length: latest }, (_, i) => latest - i);
  return (
    <QueryState query={revisions}>
      {(list) => (
        <>
          <table>
            <caption className="visually-hidden">{t.table}</caption>
            <thead>
              <tr>
                <th scope="col">{t.number}</th>
                <th scope="col">{t.savedAt}</th>
                <th scope="col">{t.author}</th>
              </tr>
            </thead>
            <tbody>
              {[...list].reverse().map((r) => (
                <tr key={r.number}>
                  <td>
                    {r.number} {r.number === latest ? t.current : null}
                  </td>
                  <td>{formatDateTime(r.savedAt)}</td>
                  <td>{people.data?.find((p) => p.id === r.authorId)?.name ?? '…'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {latest < 2 ? (
            <p>{t.onlyOne}</p>
          ) : (
            <>
              <div className="compare-choice">
                <div className="field field--short">
                  <label className="field__label" htmlFor={fromId}>
                    {t.from}
                  </label>
                  <select
                    id={fromId}
                    className="field__input"
                    value={from}
                    onChange={(e) => setFrom(Number(e.target.value))}
                  >
                    {numbers.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field--short">
                  <label className="field__label" htmlFor={toId}>
                    {t.to}
                  </label>
                  <select id={toId} className="field__input" value={to} onChange={(e) => setTo(Number(e.target.value))}>
                    {numbers.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <section aria-labelledby="jamforelse">
                <h2 id="jamforelse">{t.changes(from, to)}</h2>
                <CompareView statement={statement} from={from} to={to} />
              </section>
            </>
          )}
        </>
      )}
    </QueryState>
  );
}
