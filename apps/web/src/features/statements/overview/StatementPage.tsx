import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';

import { Facts } from '../../../ui/Facts';
import { formatDate, formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { ApprovalChain } from '../ApprovalChain';
import { IssuedDocuments } from '../issued/IssuedDocuments';
import { statementMessages as t } from '../messages';
import { useStatementActions } from '../permissions';
import { PreparationRequests } from '../preparation/PreparationRequests';
import { PreviewLink } from '../PreviewLink';
import { type Statement, statementQuery } from '../statement-queries';
import { StatementView } from '../StatementView';

/** A statement: where it stands, what the person may do with it now, and its latest text. */
export function StatementPage() {
  const { statementId = '' } = useParams();
  const query = useQuery(statementQuery(statementId));
  // What the person just did here (sent, approved), said once when the page opens.
  const message = (useLocation().state as { message?: string } | null)?.message;
  return (
    <QueryState query={query}>
      {(statement) => (
        <Page title={statement.revision.parts.title} caption={t.caption(statement.diaryNumber)}>
          {message ? (
            <p className="notice notice--success" role="status">
              {message}
            </p>
          ) : null}
          <Status statement={statement} />
          <Actions statement={statement} />
          <section aria-labelledby="beslutsgang">
            <h2 id="beslutsgang">{t.chain}</h2>
            <ApprovalChain statement={statement} officerId={statement.revision.parts.officerId} />
          </section>
          {statement.decision ? (
            <section aria-labelledby="beslut">
              <h2 id="beslut">{t.decision}</h2>
              <p>
                {formatDate(statement.decision.meetingDate)} {statement.decision.paragraph}:{' '}
                {statement.decision.decisionText}
              </p>
            </section>
          ) : null}
          <IssuedDocuments subjectId={statement.id} />
          <Preparation statement={statement} />
          <h2>{t.revisionOf(statement.currentRevision, formatDateTime(statement.revision.savedAt))}</h2>
          <p>
            <Link to={`/tjansteutlatanden/${statement.id}/versioner`}>{t.revisions}</Link>
          </p>
          <p>
            <PreviewLink statementId={statement.id} revision={statement.currentRevision} />
          </p>
          <StatementView statement={statement} parts={statement.revision.parts} />
        </Page>
      )}
    </QueryState>
  );
}

function Preparation({ statement }: { statement: Statement }) {
  const { canEdit } = useStatementActions(statement);
  return <PreparationRequests statementId={statement.id} canAsk={canEdit} />;
}

function Status({ statement }: { statement: Statement }) {
  return (
    <Facts
      items={[
        [t.state, statement.statusLabel],
        [t.revision, String(statement.currentRevision)],
        [
          t.case,
          <Link key="case" to={`/arenden/${statement.caseId}`}>
            {statement.diaryNumber}
          </Link>,
        ],
      ]}
    />
  );
}

function Actions({ statement }: { statement: Statement }) {
  const { canEdit, canSubmit, canReview } = useStatementActions(statement);
  if (!canEdit && !canSubmit && !canReview) {
    return null;
  }
  return (
    <nav aria-label={t.actions} className="actions">
      {canEdit ? (
        <Link className="button button--primary" to={`/tjansteutlatanden/${statement.id}/redigera`}>
          {t.edit}
        </Link>
      ) : null}
      {canSubmit ? (
        <Link className="button button--secondary" to={`/tjansteutlatanden/${statement.id}/skicka`}>
          {t.submit}
        </Link>
      ) : null}
      {canReview ? (
        <Link className="button button--primary" to={`/tjansteutlatanden/${statement.id}/granska`}>
          {t.review}
        </Link>
      ) : null}
    </nav>
  );
}
