import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { Link, useLocation, useParams } from 'react-router';

import { hasRole, useMe } from '../../../app/session';
import { Facts } from '../../../ui/Facts';
import { formatDate, formatDateTime, formatIsoDate } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import {
  type BoardFilter,
  type Consultation,
  consultationQuery,
  filterSearch,
  type RecipientState,
  type StatusBoard,
  statusBoardQuery,
} from '../consultation-queries';
import { consultationMessages } from '../messages';
import { CorrectionForm } from './CorrectionForm';
import { statusMessages as t } from './messages';
import { ExtensionRequests, ExternalAnswers, FailedDeliveries } from './RecipientActions';

const STATES = Object.keys(consultationMessages.states) as RecipientState[];

/**
 * Remissens status: every recipient with its diary number, state, deadline (or extension) and
 * officer, fetched again whenever the recipients move on; with the sender's own tasks below.
 */
export function StatusBoardPage() {
  const { consultationId = '' } = useParams();
  const consultation = useQuery(consultationQuery(consultationId));
  return <QueryState query={consultation}>{(c) => <StatusBoardOf consultation={c} />}</QueryState>;
}

function StatusBoardOf({ consultation }: { consultation: Consultation }) {
  const me = useMe();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [filter, setFilter] = useState<BoardFilter>({});
  const board = useQuery(statusBoardQuery(consultation.id, filter));
  const sender = hasRole(me, 'case_officer', 'registrar');
  const registrar = hasRole(me, 'registrar');
  const sent = consultation.status === 'sent';
  return (
    <Page title={consultation.title} caption={consultationMessages.caption(consultation.senderDiaryNumber)}>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      {!sent ? <p className="notice notice--warning">{t.draftNotice}</p> : null}
      <Facts
        items={[
          [consultationMessages.deadline, consultationMessages.answerBy(formatDate(consultation.responseDeadline))],
          [t.sentAt, consultation.sentAt ? formatDateTime(consultation.sentAt) : t.notSent],
          ...(board.data
            ? ([
                [t.total, String(consultation.recipients.length)],
                [t.answered, String(board.data.counts.answered)],
                [t.declined, String(board.data.counts.declined)],
                [t.overdue, String(board.data.counts.overdue)],
              ] as const)
            : []),
        ]}
      />
      {sent ? (
        <ul className="plain-list downloads">
          <li>
            <Link to={`/remisser/${consultation.id}/sammanstallning`}>{t.toCompilation}</Link>
          </li>
          <li>
            <a href={`/api/v1/consultations/${consultation.id}/status-board.csv${filterSearch(filter)}`} download>
              {t.csv}
            </a>
          </li>
        </ul>
      ) : null}
      <Filters filter={filter} onChange={setFilter} />
      <QueryState query={board}>
        {(data) => (
          <>
            <p role="status">{t.shown(data.total, consultation.recipients.length)}</p>
            <RecipientTable board={data} />
            {sender ? <ExtensionRequests board={data} /> : null}
            {registrar ? <FailedDeliveries board={data} /> : null}
            {registrar ? <ExternalAnswers board={data} consultation={consultation} /> : null}
          </>
        )}
      </QueryState>
      <Documents consultation={consultation} />
      {sender && sent ? <CorrectionForm consultationId={consultation.id} /> : null}
    </Page>
  );
}

function Filters({ filter, onChange }: { filter: BoardFilter; onChange: (filter: BoardFilter) => void }) {
  return (
    <section aria-labelledby="filter-rubrik" className="filters">
      <h2 id="filter-rubrik" className="visually-hidden">
        {t.filters}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor="filter-state">
          {t.stateFilter}
        </label>
        <select
          id="filter-state"
          className="field__input field__select"
          value={filter.state ?? ''}
          onChange={(e) => {
            const state = e.target.value as RecipientState | '';
            onChange({ ...filter, state: state || undefined });
          }}
        >
          <option value="">{t.allStates}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {consultationMessages.states[s]}
            </option>
          ))}
        </select>
      </div>
      <Checkbox
        className="checkbox"
        isSelected={Boolean(filter.overdue)}
        onChange={(overdue) => onChange({ ...filter, overdue: overdue || undefined })}
      >
        {t.overdueOnly}
      </Checkbox>
    </section>
  );
}

function RecipientTable({ board }: { board: StatusBoard }) {
  if (board.recipients.length === 0) {
    return <p className="notice">{t.noneShown}</p>;
  }
  return (
    <table className="stack-table status-board">
      <caption className="visually-hidden">{t.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.recipient}</th>
          <th scope="col">{t.diaryNumber}</th>
          <th scope="col">{t.state}</th>
          <th scope="col">{t.deadline}</th>
          <th scope="col">{t.officer}</th>
        </tr>
      </thead>
      <tbody>
        {board.recipients.map((r) => (
          <tr key={r.id} className={r.overdue ? 'status-board__row--overdue' : undefined}>
            <td data-label={t.recipient}>
              {r.name}
              {r.external ? <span className="muted"> ({t.external})</span> : null}
            </td>
            <td data-label={t.diaryNumber} className="nowrap">
              {r.diaryNumber ?? <span className="muted">{r.external ? t.notApplicable : t.noDiaryNumber}</span>}
            </td>
            <td data-label={t.state}>
              {consultationMessages.states[r.state]}
              {r.overdue ? <strong className="overdue-tag">{t.overdueTag}</strong> : null}
            </td>
            <td data-label={t.deadline} className="nowrap">
              {formatIsoDate(r.responseDeadline)}
              {r.responseDeadline !== board.responseDeadline ? <span className="muted"> ({t.extended})</span> : null}
              {r.pendingExtension ? (
                <span className="state__reason">
                  {t.extensionAsked(formatIsoDate(r.pendingExtension.requestedDeadline))}
                </span>
              ) : null}
            </td>
            <td data-label={t.officer}>{r.assignedPerson?.name ?? t.noOfficer}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Documents({ consultation }: { consultation: Consultation }) {
  return (
    <section aria-labelledby="underlag-rubrik">
      <h2 id="underlag-rubrik">{t.documentsTitle}</h2>
      {consultation.documents.length === 0 ? (
        <p>{t.noDocuments}</p>
      ) : (
        <ul className="downloads">
          {consultation.documents.map((d) => (
            <li key={d.id}>
              {d.masked ? (
                d.title
              ) : (
                <a href={`/api/v1/consultations/${consultation.id}/documents/${d.id}/file`} download={d.fileName}>
                  {d.title}
                </a>
              )}{' '}
              <span className="muted">({t.version(d.version)})</span>
              {d.note ? <span className="state__reason">{d.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
