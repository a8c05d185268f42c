import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { daysUntil, formatDate, formatIsoDate } from '../../../ui/format';
import { DIRECTION_LABEL, formatBytes } from '../../../ui/labels';
import { Markup } from '../../../ui/Markup';
import { Page } from '../../../ui/Page';
import { problemText, QueryState } from '../../../ui/QueryState';
import { peopleQuery } from '../../directory/people-query';
import {
  type Case,
  caseDocumentsQuery,
  caseQuery,
  type Consultation,
  coWorkersQuery,
  receivedRemissesQuery,
  remissOf,
  statementOfCaseQuery,
  useStartStatement,
} from './case-queries';
import { caseMessages as t } from './messages';
import { CaseRegistry, DocumentActions, RegisterDocuments } from './RegistrarSections';
import { registrarMessages as rt } from './registrar-messages';

/** Ärende: the case with its documents, the remiss it answers and its statement. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const query = useQuery(caseQuery(caseId));
  const registrar = hasRole(useMe(), 'registrar');
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={c.title} caption={t.caption(c.diaryNumber)}>
          <CaseFacts c={c} />
          {registrar ? <CaseRegistry c={c} /> : null}
          <StatementSection c={c} />
          <RemissSection c={c} />
          <DocumentsSection caseId={c.id} registrar={registrar} />
          {registrar && c.status === 'open' ? <RegisterDocuments c={c} /> : null}
        </Page>
      )}
    </QueryState>
  );
}

function CaseFacts({ c }: { c: Case }) {
  const people = useQuery(peopleQuery);
  const officer = people.data?.find((p) => p.id === c.responsiblePersonId);
  return (
    <section aria-label={t.facts}>
      <Facts
        items={[
          [t.diaryNumber, c.diaryNumber],
          [t.registeredOn, formatDate(c.registeredOn)],
          [t.status, c.status === 'open' ? t.open : t.closed],
          [rt.classification, c.classificationCode ?? rt.noClassification],
          [t.officer, officer?.name ?? (c.responsiblePersonId ? '…' : t.noOfficer)],
          ...(c.counterpart ? ([[t.counterpart, c.counterpart]] as const) : []),
          ...(c.linkedDiaryNumber ? ([[t.linkedDiaryNumber, c.linkedDiaryNumber]] as const) : []),
        ]}
      />
    </section>
  );
}

function StatementSection({ c }: { c: Case }) {
  const me = useMe();
  const navigate = useNavigate();
  const statement = useQuery(statementOfCaseQuery(c.id));
  const coWorkers = useQuery(coWorkersQuery(c.id));
  const start = useStartStatement();
  const problems = useMemo(() => (start.error ? [{ message: problemText(start.error) }] : []), [start.error]);
  const writes =
    me.person !== null &&
    (c.responsiblePersonId === me.person.id || (coWorkers.data ?? []).some((w) => w.personId === me.person!.id));
  return (
    <section aria-labelledby="tjansteutlatande">
      <h2 id="tjansteutlatande">{t.statement}</h2>
      <QueryState query={statement}>
        {(s) =>
          s ? (
            <>
              <Facts items={[[t.statementState, s.statusLabel]]} />
              <p>
                <Link to={`/tjansteutlatanden/${s.id}`}>{t.openStatement}</Link>
              </p>
            </>
          ) : (
            <>
              <p>{t.noStatement}</p>
              <ErrorSummary items={problems} />
              {writes ? (
                <>
                  <p className="muted">{t.startHint}</p>
                  <Button
                    isPending={start.isPending}
                    onPress={() =>
                      void start
                        .mutateAsync(c.id)
                        .then((created) => navigate(`/tjansteutlatanden/${created.id}/redigera`))
                        .catch(() => undefined)
                    }
                  >
                    {t.startStatement}
                  </Button>
                </>
              ) : (
                <p className="muted">{t.onlyWriters}</p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function RemissSection({ c }: { c: Case }) {
  const remisses = useQuery(receivedRemissesQuery);
  return (
    <section aria-labelledby="remissen">
      <h2 id="remissen">{t.remiss}</h2>
      <QueryState query={remisses}>
        {(list) => {
          const remiss = remissOf(list, c.diaryNumber);
          return remiss ? <Remiss remiss={remiss} /> : <p>{t.noRemiss}</p>;
        }}
      </QueryState>
    </section>
  );
}

function Remiss({ remiss }: { remiss: Consultation }) {
  const deadline = remiss.asRecipient?.responseDeadline ?? remiss.responseDeadline;
  const days = daysUntil(deadline);
  return (
    <>
      <Facts
        items={[
          [t.sender, `${remiss.senderName} (${remiss.senderDiaryNumber})`],
          [
            t.responseDeadline,
            <span key="deadline" className={days < 0 ? 'overdue-text' : undefined}>
              {formatDate(deadline)} ({t.daysLeft(days)})
            </span>,
          ],
        ]}
      />
      {remiss.description ? <Markup text={remiss.description} /> : null}
      <h3>{t.sections}</h3>
      <ol className="sections">
        {remiss.sections.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong>
            {s.description ? <Markup text={s.description} /> : null}
          </li>
        ))}
      </ol>
      <h3>{t.attachments}</h3>
      {remiss.documents.length === 0 ? (
        <p>{t.noAttachments}</p>
      ) : (
        <ul className="downloads">
          {remiss.documents.map((d) => (
            <li key={d.id}>
              {d.size !== null ? (
                <a href={`/api/v1/consultations/${remiss.id}/documents/${d.id}/file`} download>
                  {t.download(d.title, formatBytes(d.size))}
                </a>
              ) : (
                <>
                  {d.title} <span className="muted">{t.withheld}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DocumentsSection({ caseId, registrar }: { caseId: string; registrar: boolean }) {
  const documents = useQuery(caseDocumentsQuery(caseId));
  return (
    <section aria-labelledby="handlingar">
      <h2 id="handlingar">{t.documents}</h2>
      <QueryState query={documents}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.noDocuments}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t.documentNumber}</th>
                  <th scope="col">{rt.received}</th>
                  <th scope="col">{rt.registered}</th>
                  <th scope="col">{t.direction}</th>
                  <th scope="col">{t.title}</th>
                  <th scope="col">{t.documentCounterpart}</th>
                  <th scope="col">{t.file}</th>
                  <th scope="col">{rt.secrecy}</th>
                  {registrar ? <th scope="col">{rt.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id} className={d.annulled ? 'annulled' : undefined}>
                    <td data-label={t.documentNumber} className="nowrap">
                      {d.documentNumber}
                    </td>
                    <td data-label={rt.received} className="nowrap">
                      {formatIsoDate(d.documentDate)}
                    </td>
                    <td data-label={rt.registered} className="nowrap">
                      {formatIsoDate(d.registeredOn)}
                    </td>
                    <td data-label={t.direction}>{DIRECTION_LABEL[d.direction]}</td>
                    <td data-label={t.title}>
                      {d.title}
                      {d.annulled ? <span className="tag tag--after">{t.annulled}</span> : null}
                    </td>
                    <td data-label={t.documentCounterpart}>{d.counterpart ?? ''}</td>
                    <td data-label={t.file}>
                      {d.file && !d.masked ? (
                        <a href={`/api/v1/documents/${d.id}/file`} download>
                          {d.file.name}
                          <span className="visually-hidden">, {formatBytes(d.file.size)}</span>
                        </a>
                      ) : (
                        <span className="muted">{t.noFile}</span>
                      )}
                    </td>
                    <td data-label={rt.secrecy}>{d.secrecy ? t.secret(d.secrecy.ground) : rt.noSecrecy}</td>
                    {registrar ? (
                      <td data-label={rt.actions}>
                        <DocumentActions document={d} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
