import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDateTime, formatIsoDate } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { issuedMessages } from '../../statements/issued/messages';
import { issuedDocumentsQuery } from '../../statements/statement-queries';
import { type Compilation, compilationQuery } from '../consultation-queries';
import { consultationMessages } from '../messages';
import { compilationMessages as t } from './messages';
import { PositionChart } from './PositionChart';

type Answer = Compilation['sections'][number]['answers'][number];

/**
 * Sammanställning: the answers side by side, for the remiss as a whole and for each section,
 * with a chart of the positions; who declined and who has not answered; the CSV and the PDF.
 */
export function CompilationPage() {
  const { consultationId = '' } = useParams();
  const query = useQuery(compilationQuery(consultationId));
  return (
    <QueryState query={query}>
      {(compilation) => (
        <Page
          title={t.title}
          caption={`${consultationMessages.caption(compilation.senderDiaryNumber)}: ${compilation.title}`}
        >
          <p>{t.intro(compilation.recipients - compilation.counts.notAnswered, compilation.recipients)}</p>
          <ul className="plain-list downloads">
            <li>
              <Link to={`/remisser/${consultationId}`}>{t.toStatus}</Link>
            </li>
            <li>
              <a href={`/api/v1/consultations/${consultationId}/compilation.csv`} download>
                {t.csv}
              </a>
            </li>
          </ul>
          <section aria-labelledby="helhet-rubrik" className="compiled-section">
            <h2 id="helhet-rubrik">{t.overall}</h2>
            <PositionChart counts={compilation.counts} what={t.overall.toLowerCase()} />
            <Answers answers={compilation.overall} what={t.overall.toLowerCase()} withDate />
          </section>
          {compilation.sections.map((s) => {
            const what = t.section(s.position, s.title);
            return (
              <section key={s.sectionId} aria-labelledby={`del-${s.sectionId}`} className="compiled-section">
                <h2 id={`del-${s.sectionId}`}>{what}</h2>
                <PositionChart counts={s.counts} what={what} />
                <Answers answers={s.answers} what={what} />
              </section>
            );
          })}
          <Declined compilation={compilation} />
          <NotAnswered compilation={compilation} />
          <CompilationPdf consultationId={consultationId} />
        </Page>
      )}
    </QueryState>
  );
}

function Answers({
  answers,
  what,
  withDate = false,
}: {
  answers: readonly (Answer & { answeredOn?: string })[];
  what: string;
  withDate?: boolean;
}) {
  if (answers.length === 0) {
    return <p>{t.noAnswers}</p>;
  }
  return (
    <table className="stack-table answers-table">
      <caption className="visually-hidden">{t.answersCaption(what)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.recipient}</th>
          <th scope="col">{t.position}</th>
          <th scope="col">{t.comment}</th>
          {withDate ? <th scope="col">{t.answeredOn}</th> : null}
        </tr>
      </thead>
      <tbody>
        {answers.map((a) => (
          <tr key={a.recipientId}>
            <td data-label={t.recipient}>{a.name}</td>
            <td data-label={t.position}>{a.positionLabel}</td>
            <td data-label={t.comment} className="pre-line">
              {a.comment || t.noComment}
            </td>
            {withDate ? (
              <td data-label={t.answeredOn} className="nowrap">
                {a.answeredOn ? formatIsoDate(a.answeredOn) : ''}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Declined({ compilation }: { compilation: Compilation }) {
  return (
    <section aria-labelledby="avstar-rubrik">
      <h2 id="avstar-rubrik">{t.declinedTitle}</h2>
      {compilation.declined.length === 0 ? (
        <p>{t.noneDeclined}</p>
      ) : (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t.recipient}</th>
              <th scope="col">{t.reason}</th>
              <th scope="col">{t.declinedOn}</th>
            </tr>
          </thead>
          <tbody>
            {compilation.declined.map((d) => (
              <tr key={d.name}>
                <td data-label={t.recipient}>{d.name}</td>
                <td data-label={t.reason}>{d.reason}</td>
                <td data-label={t.declinedOn} className="nowrap">
                  {formatIsoDate(d.declinedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NotAnswered({ compilation }: { compilation: Compilation }) {
  return (
    <section aria-labelledby="obesvarade-rubrik">
      <h2 id="obesvarade-rubrik">{t.notAnsweredTitle}</h2>
      {compilation.notAnswered.length === 0 ? (
        <p>{t.allAnswered}</p>
      ) : (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t.recipient}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.deadline}</th>
            </tr>
          </thead>
          <tbody>
            {compilation.notAnswered.map((n) => (
              <tr key={n.name}>
                <td data-label={t.recipient}>{n.name}</td>
                <td data-label={t.state}>{n.state}</td>
                <td data-label={t.deadline} className="nowrap">
                  {formatIsoDate(n.responseDeadline)}
                  {n.overdue ? <strong className="overdue-tag">{t.overdue}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The signed PDF of the compilation: asked for here, its state followed live, downloaded when signed. */
function CompilationPdf({ consultationId }: { consultationId: string }) {
  const me = useMe();
  const client = useQueryClient();
  const documents = useQuery(issuedDocumentsQuery(consultationId));
  const [status, setStatus] = useState('');
  const request = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/consultations/{id}/compilation.pdf', { params: { path: { id: consultationId } } })),
    onSuccess: async () => {
      setStatus(t.pdfRequested);
      await client.invalidateQueries(issuedDocumentsQuery(consultationId));
    },
  });
  const problems = request.isError ? formProblems(request.error, {}) : NO_PROBLEMS;
  const compilations = (documents.data ?? []).filter((d) => d.kind === 'compilation');
  return (
    <section aria-labelledby="pdf-rubrik">
      <h2 id="pdf-rubrik">{t.pdfTitle}</h2>
      <p>{t.pdfIntro}</p>
      <ErrorSummary items={problems.summary} />
      <StatusMessage text={status} />
      {hasRole(me, 'case_officer', 'registrar') ? (
        <p>
          <Button variant="secondary" isPending={request.isPending} onPress={() => request.mutate()}>
            {t.requestPdf}
          </Button>
        </p>
      ) : null}
      <QueryState query={documents}>
        {() =>
          compilations.length === 0 ? (
            <p>{t.noPdf}</p>
          ) : (
            <ul className="downloads" aria-live="polite">
              {compilations.map((d) => (
                <li key={d.id}>
                  {d.status === 'signed' && d.fileName ? (
                    <a href={`/api/v1/issued-documents/${d.id}/file`} download={d.fileName}>
                      {issuedMessages.downloadOf(d.fileName)}
                    </a>
                  ) : (
                    <span>{issuedMessages.kind.compilation}</span>
                  )}{' '}
                  <span className={`state state--${d.status}`}>{issuedMessages.status[d.status]}</span>
                  {d.status === 'signed' && d.signedAt ? (
                    <span className="muted"> ({issuedMessages.signedAt(formatDateTime(d.signedAt))})</span>
                  ) : null}
                  {d.status === 'failed' && d.failureReason ? (
                    <span className="state__reason">{issuedMessages.reason(d.failureReason)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
