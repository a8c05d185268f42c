import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';

import type { components } from '../../../api/openapi';
import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { formatIsoDate, formatNumber, todayInStockholm } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { peopleQuery } from '../../directory/people-query';
import { PersonOptions } from '../../directory/PersonOptions';
import {
  type CaseListQuery,
  caseListQuery,
  type CaseSort,
  recordsPlanQuery,
  type SortOrder,
} from '../registry-queries';
import { diaryMessages as t } from './messages';

const PAGE_SIZE = 50;

/** The diary's columns that sort, each with the order it starts in. */
const SORTABLE: Readonly<Record<CaseSort, { label: string; first: SortOrder }>> = {
  diaryNumber: { label: t.diaryNumber, first: 'desc' },
  title: { label: t.caseTitle, first: 'asc' },
  registeredAt: { label: t.registered, first: 'desc' },
};

/** The filters and the sort, as the address holds them (Swedish parameter names). */
interface DiaryView {
  readonly year: string;
  readonly status: string;
  readonly classification: string;
  readonly responsible: string;
  readonly overdue: boolean;
  readonly sort: CaseSort;
  readonly order: SortOrder;
  readonly cursor: string;
}

function isSort(value: string | null): value is CaseSort {
  return value !== null && value in SORTABLE;
}

function readView(params: URLSearchParams): DiaryView {
  const sortParam = params.get('sortera');
  const sort = isSort(sortParam) ? sortParam : 'diaryNumber';
  const orderParam = params.get('ordning');
  return {
    year: params.get('ar') ?? '',
    status: params.get('status') ?? '',
    classification: params.get('klass') ?? '',
    responsible: params.get('ansvarig') ?? '',
    overdue: params.get('forsenade') === 'ja',
    sort,
    order: orderParam === 'stigande' ? 'asc' : orderParam === 'fallande' ? 'desc' : SORTABLE[sort].first,
    cursor: params.get('efter') ?? '',
  };
}

function writeView(view: DiaryView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value && params.set(name, value);
  set('ar', view.year);
  set('status', view.status);
  set('klass', view.classification);
  set('ansvarig', view.responsible);
  set('forsenade', view.overdue ? 'ja' : '');
  if (view.sort !== 'diaryNumber' || view.order !== SORTABLE.diaryNumber.first) {
    params.set('sortera', view.sort);
    params.set('ordning', view.order === 'asc' ? 'stigande' : 'fallande');
  }
  set('efter', view.cursor);
  return params;
}

function apiQuery(view: DiaryView): CaseListQuery {
  return {
    limit: PAGE_SIZE,
    sort: view.sort,
    order: view.order,
    ...(view.year ? { year: Number(view.year) } : {}),
    ...(view.status === 'open' || view.status === 'closed' ? { status: view.status } : {}),
    ...(view.classification ? { classificationCode: view.classification } : {}),
    ...(view.responsible ? { responsiblePersonId: view.responsible } : {}),
    ...(view.overdue ? { overdue: true } : {}),
    ...(view.cursor ? { cursor: view.cursor } : {}),
  };
}

/** The cursors of the pages before this one, so that "Föregående sida" goes back without the server counting rows. */
interface PagingState {
  readonly before?: readonly string[];
}

/** Diariet: the organisation's cases as the registrar works in them, sorted, filtered and paged on the server. */
export function DiaryPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const view = readView(params);
  const before = (location.state as PagingState | null)?.before ?? [];
  const query = useQuery(caseListQuery(apiQuery(view)));
  const go = (next: DiaryView, state: PagingState = {}) => {
    void navigate({ search: `?${writeView(next)}` }, { state });
  };
  const sortBy = (sort: CaseSort) =>
    go({
      ...view,
      sort,
      order: view.sort === sort ? (view.order === 'asc' ? 'desc' : 'asc') : SORTABLE[sort].first,
      cursor: '',
    });
  const pageNumber = before.length + 1;
  const registrar = hasRole(useMe(), 'registrar');
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      {registrar ? (
        <p>
          <Link to="/diariet/installningar">{t.settings}</Link>
        </p>
      ) : null}
      <Filters view={view} onApply={(filters) => go({ ...view, ...filters, cursor: '' })} />
      <QueryState query={query}>
        {(page) => {
          const from = (pageNumber - 1) * PAGE_SIZE + 1;
          return (
            <>
              <p role="status" className="diary__count">
                {page.items.length === 0
                  ? t.none
                  : t.range(
                      pageNumber,
                      formatNumber(from),
                      formatNumber(from + page.items.length - 1),
                      formatNumber(page.total),
                    )}
              </p>
              <CaseTable items={page.items} view={view} onSort={sortBy} />
              <nav aria-label={t.pages} className="pager">
                {pageNumber > 1 ? (
                  <>
                    <Button variant="secondary" onPress={() => go({ ...view, cursor: '' })}>
                      {t.first}
                    </Button>
                    <Button
                      variant="secondary"
                      onPress={() =>
                        go({ ...view, cursor: before[before.length - 1] ?? '' }, { before: before.slice(0, -1) })
                      }
                    >
                      {t.previous}
                    </Button>
                  </>
                ) : null}
                {page.nextCursor ? (
                  <Button
                    variant="secondary"
                    onPress={() => go({ ...view, cursor: page.nextCursor ?? '' }, { before: [...before, view.cursor] })}
                  >
                    {t.next}
                  </Button>
                ) : null}
              </nav>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

type Filter = Pick<DiaryView, 'year' | 'status' | 'classification' | 'responsible' | 'overdue'>;

function Filters({ view, onApply }: { view: DiaryView; onApply: (filters: Filter) => void }) {
  const id = useId();
  const plan = useQuery(recordsPlanQuery);
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    onApply({
      year: text('ar'),
      status: text('status'),
      classification: text('klass'),
      responsible: text('ansvarig'),
      overdue: data.get('forsenade') === 'ja',
    });
  };
  // The form is drawn anew when the address changes, so that its fields show what the list shows.
  const key = [view.year, view.status, view.classification, view.responsible, view.overdue].join('|');
  return (
    <form key={key} className="diary-filters" aria-label={t.filters} onSubmit={submit}>
      <div className="diary-filters__fields">
        <NativeSelect id={`${id}-ar`} name="ar" label={t.year} value={view.year}>
          <option value="">{t.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect id={`${id}-status`} name="status" label={t.status} value={view.status}>
          <option value="">{t.allStatuses}</option>
          <option value="open">{t.openPlural}</option>
          <option value="closed">{t.closedPlural}</option>
        </NativeSelect>
        <NativeSelect id={`${id}-klass`} name="klass" label={t.classification} value={view.classification}>
          <option value="">{t.allClassifications}</option>
          {(plan.data ?? []).map((e) => (
            <option key={e.id} value={e.code}>
              {e.code} {e.title}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect id={`${id}-ansvarig`} name="ansvarig" label={t.responsible} value={view.responsible}>
          <option value="">{t.anyone}</option>
          <PersonOptions />
        </NativeSelect>
      </div>
      <div className="checkbox-field">
        <input type="checkbox" id={`${id}-forsenade`} name="forsenade" value="ja" defaultChecked={view.overdue} />
        <label htmlFor={`${id}-forsenade`}>{t.overdue}</label>
      </div>
      <div className="button-row">
        <Button type="submit">{t.show}</Button>
        <Button
          variant="link"
          onPress={() => onApply({ year: '', status: '', classification: '', responsible: '', overdue: false })}
        >
          {t.clear}
        </Button>
      </div>
    </form>
  );
}

function NativeSelect({
  id,
  name,
  label,
  value,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <div className="field field--medium">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} className="field__input" defaultValue={value}>
        {children}
      </select>
    </div>
  );
}

type CaseRow = components['schemas']['CaseResponse'];

function CaseTable({
  items,
  view,
  onSort,
}: {
  items: readonly CaseRow[];
  view: DiaryView;
  onSort: (sort: CaseSort) => void;
}) {
  const id = useId();
  const people = useQuery(peopleQuery);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const header = (sort: CaseSort) => {
    const active = view.sort === sort;
    return (
      <th scope="col" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <Button variant="link" className="sort-button" onPress={() => onSort(sort)}>
          {SORTABLE[sort].label}
          <span aria-hidden="true" className="sort-button__mark">
            {active ? (view.order === 'asc' ? ' ▲' : ' ▼') : ''}
          </span>
        </Button>
      </th>
    );
  };
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="diary-table">
        <caption id={`${id}-caption`} className="visually-hidden">
          {t.sortedBy(SORTABLE[view.sort].label, view.order === 'asc')}
        </caption>
        <thead>
          <tr>
            {header('diaryNumber')}
            {header('title')}
            <th scope="col">{t.counterpart}</th>
            <th scope="col">{t.officer}</th>
            {header('registeredAt')}
            <th scope="col">{t.state}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">
                <Link to={`/arenden/${c.id}`}>{c.diaryNumber}</Link>
              </td>
              <td>{c.title}</td>
              <td>{c.counterpart ?? ''}</td>
              <td>{c.responsiblePersonId ? (names.get(c.responsiblePersonId) ?? '…') : t.noOfficer}</td>
              <td className="nowrap">{formatIsoDate(c.registeredAt)}</td>
              <td>{c.status === 'open' ? t.open : t.closed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
