import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { formProblems } from '../../../ui/form-problems';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { ApprovalChain, meetingText } from '../ApprovalChain';
import { statementMessages } from '../messages';
import { useStatementActions } from '../permissions';
import { type Statement, statementQuery, useSubmitStatement } from '../statement-queries';
import { submitMessages as t } from './messages';

/** Skicka för godkännande: the revision, its meeting and the approval chain, then the sending. */
export function SubmitPage() {
  const { statementId = '' } = useParams();
  const query = useQuery(statementQuery(statementId));
  return (
    <QueryState query={query}>
      {(statement) => (
        <Page title={t.title} caption={statementMessages.caption(statement.diaryNumber)}>
          <Submit statement={statement} />
        </Page>
      )}
    </QueryState>
  );
}

function Submit({ statement }: { statement: Statement }) {
  const navigate = useNavigate();
  const { canSubmit } = useStatementActions(statement);
  const submit = useSubmitStatement(statement.id);
  const problems = useMemo(() => (submit.error ? formProblems(submit.error, {}).summary : []), [submit.error]);
  const back = (
    <p>
      <Link to={`/tjansteutlatanden/${statement.id}`}>{t.back}</Link>
    </p>
  );
  if (statement.status !== 'drafting') {
    return (
      <>
        <p className="notice">{t.notDraft}</p>
        {back}
      </>
    );
  }
  return (
    <>
      <ErrorSummary items={problems} />
      <p>{t.intro(statement.currentRevision)}</p>
      <Facts
        items={[
          [t.revision, t.savedAt(statement.currentRevision, formatDateTime(statement.revision.savedAt))],
          [t.meeting, meetingText(statement)],
        ]}
      />
      <h2>{t.chain}</h2>
      <p className="muted">{t.chainHint}</p>
      <ApprovalChain statement={statement} officerId={statement.revision.parts.officerId} />
      {canSubmit ? (
        <div className="button-row">
          <Button
            isPending={submit.isPending}
            onPress={() =>
              void submit
                .mutateAsync(statement.currentRevision)
                .then(() => navigate(`/tjansteutlatanden/${statement.id}`, { state: { message: t.sent } }))
                .catch(() => undefined)
            }
          >
            {t.submit}
          </Button>
          <Link to={`/tjansteutlatanden/${statement.id}`}>{t.back}</Link>
        </div>
      ) : (
        <>
          <p className="notice">{t.notYours}</p>
          {back}
        </>
      )}
    </>
  );
}
