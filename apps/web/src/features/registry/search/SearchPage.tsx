import { queryOptions, useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { searchMessages as t } from './messages';
import { SearchForm } from './SearchForm';

type CaseHit = components['schemas']['CaseHitResponse'];
type DocumentHit = components['schemas']['DocumentHitResponse'];

const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['/api/v1/search', q],
    queryFn: () => unwrap(api.GET('/api/v1/search', { params: { query: { q } } })),
  });

/** "Sök i diariet": cases and documents found by diary number or by words, as the address's `q` asks. */
export default function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <Page title={t.title}>
      <p className="search-page__hint">{t.hint}</p>
      <SearchForm key={q} label={t.pageForm} defaultValue={q} />
      {q ? <Results q={q} /> : <p role="status">{t.emptyQuery}</p>}
    </Page>
  );
}

function Results({ q }: { q: string }) {
  const query = useQuery(searchQuery(q));
  return (
    <QueryState query={query}>
      {({ cases, documents }) => {
        const total = cases.length + documents.length;
        return (
          <>
            <p role="status" className="search-page__count">
              {total === 0 ? t.none(q) : t.count(total, q)}
            </p>
            {cases.length > 0 ? (
              <section aria-labelledby="sok-arenden">
                <h2 id="sok-arenden">{t.cases}</h2>
                <ul className="search-hits">
                  {cases.map((c) => (
                    <CaseHitItem key={c.id} hit={c} />
                  ))}
                </ul>
              </section>
            ) : null}
            {documents.length > 0 ? (
              <section aria-labelledby="sok-handlingar">
                <h2 id="sok-handlingar">{t.documents}</h2>
                <ul className="search-hits">
                  {documents.map((d) => (
                    <DocumentHitItem key={d.id} hit={d} />
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}

function CaseHitItem({ hit }: { hit: CaseHit }) {
  return (
    <li className="search-hit">
      <Link to={`/arenden/${hit.id}`} className="search-hit__number">
        {hit.diaryNumber}
      </Link>
      <p className="search-hit__title">{hit.title}</p>
      {hit.counterpart ? (
        <p className="search-hit__meta">
          {t.counterpart}: {hit.counterpart}
        </p>
      ) : null}
    </li>
  );
}

function DocumentHitItem({ hit }: { hit: DocumentHit }) {
  return (
    <li className="search-hit">
      <Link to={`/arenden/${hit.caseId}`} className="search-hit__number">
        {hit.documentNumber}
      </Link>
      <p className="search-hit__title">
        {hit.title}
        {hit.secret ? <span className="search-hit__secret"> ({t.secret})</span> : null}
      </p>
      {hit.counterpart ? (
        <p className="search-hit__meta">
          {t.counterpart}: {hit.counterpart}
        </p>
      ) : null}
      {hit.excerpt ? <p className="search-hit__excerpt">{marked(hit.excerpt)}</p> : null}
    </li>
  );
}

/** The API marks the found words within «»; they become <mark> elements, the rest stays plain text. */
function marked(excerpt: string): ReactNode[] {
  return excerpt
    .split(/«([^»]*)»/)
    .map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>));
}
