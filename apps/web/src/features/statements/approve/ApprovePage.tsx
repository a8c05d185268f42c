import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Label, ListBox, ListBoxItem, Select, SelectValue, Popover, Button as AriaButton } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';

import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, formProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { ROLE_LABEL } from '../../../ui/labels';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { ApprovalChain } from '../ApprovalChain';
import { CompareView } from '../CompareView';
import { statementMessages } from '../messages';
import { useStatementActions } from '../permissions';
import { type Statement, statementQuery, useApproveStatement, useRequestChanges } from '../statement-queries';
import { PreviewLink } from '../PreviewLink';
import { StatementView } from '../StatementView';
import { approveMessages as t } from './messages';

const FIELDS = { comment: { id: 'approval-comment', label: t.comment } };

/**
 * Att godkänna: the approver reads the exact revision submitted, sees what changed since an
 * earlier one, and approves (comment optional) or requests changes (comment required). Only the
 * person the step waits for is offered the decision.
 */
export function ApprovePage() {
  const { statementId = '' } = useParams();
  const query = useQuery(statementQuery(statementId));
  return (
    <QueryState query={query}>
      {(statement) => (
        <Page title={t.title} caption={statementMessages.caption(statement.diaryNumber)}>
          <Review statement={statement} />
        </Page>
      )}
    </QueryState>
  );
}

function Review({ statement }: { statement: Statement }) {
  const me = useMe();
  const { canReview } = useStatementActions(statement);
  const revision = statement.currentRevision;
  const [compareWith, setCompareWith] = useState(revision - 1);
  if (!canReview || !statement.nextStep) {
    return (
      <>
        <p className="notice">{t.notWaiting}</p>
        <p>
          <Link to={`/tjansteutlatanden/${statement.id}`}>{t.back}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>{t.intro(revision, statement.nextStep.step, ROLE_LABEL[statement.nextStep.role])}</p>
      {hasRole(me, statement.nextStep.role) ? null : (
        <p className="notice">{t.asSubstitute(ROLE_LABEL[statement.nextStep.role])}</p>
      )}
      <section aria-labelledby="andringar">
        <h2 id="andringar">{t.changes}</h2>
        {revision > 1 ? (
          <>
            <Select
              className="field field--short-select"
              selectedKey={compareWith}
              onSelectionChange={(key) => setCompareWith(Number(key))}
            >
              <Label className="field__label">{t.compareWith}</Label>
              <AriaButton className="select__button">
                <SelectValue />
                <span aria-hidden="true">▾</span>
              </AriaButton>
              <Popover className="select__popover">
                <ListBox className="select__list">
                  {Array.from({ length: revision - 1 }, (_, i) => revision - 1 - i).map((n) => (
                    <ListBoxItem key={n} id={n} className="select__option">
                      {t.compareOption(n)}
                    </ListBoxItem>
                  ))}
                </ListBox>
              </Popover>
            </Select>
            <CompareView statement={statement} from={compareWith} to={revision} />
          </>
        ) : (
          <p>{t.firstRevision}</p>
        )}
      </section>
      <Decision statement={statement} />
      <section aria-labelledby="beslutsgang">
        <h2 id="beslutsgang">{t.chain}</h2>
        <ApprovalChain statement={statement} officerId={statement.revision.parts.officerId} />
      </section>
      <h2>{t.text}</h2>
      <p>
        <PreviewLink statementId={statement.id} revision={revision} />
      </p>
      <StatementView statement={statement} parts={statement.revision.parts} />
    </>
  );
}

function Decision({ statement }: { statement: Statement }) {
  const navigate = useNavigate();
  const approve = useApproveStatement(statement.id);
  const requestChanges = useRequestChanges(statement.id);
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const revision = statement.currentRevision;
  // The step this screen shows waiting: should someone take it meanwhile, the API answers 409
  // instead of applying the decision to the next step.
  const step = statement.nextStep?.step ?? 0;
  // The decision changes the statement this screen is made from, so the screen may be gone when
  // the answer comes: the answer is awaited here, not in callbacks of the screen.
  const decide = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      await navigate(`/tjansteutlatanden/${statement.id}`, { state: { message } });
    } catch (error) {
      setProblems(formProblems(error, FIELDS));
    }
  };
  return (
    <section aria-labelledby="beslut" className="decision">
      <h2 id="beslut">{t.decision}</h2>
      <ErrorSummary items={problems.summary} />
      <TextField
        id={FIELDS.comment.id}
        label={t.comment}
        description={t.commentHint}
        multiline
        rows={4}
        value={comment}
        onChange={setComment}
        errors={problems.fields.get('comment')}
      />
      <div className="button-row">
        <Button
          isPending={approve.isPending}
          isDisabled={requestChanges.isPending}
          onPress={() =>
            void decide(
              () => approve.mutateAsync({ revision, step, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
              t.approved,
            )
          }
        >
          {t.approve}
        </Button>
        <Button
          variant="secondary"
          isPending={requestChanges.isPending}
          isDisabled={approve.isPending}
          onPress={() => {
            if (!comment.trim()) {
              setProblems({
                summary: [{ message: t.commentRequired, fieldId: FIELDS.comment.id }],
                fields: new Map([['comment', [t.commentRequired]]]),
              });
              return;
            }
            void decide(
              () => requestChanges.mutateAsync({ revision, step, comment: comment.trim() }),
              t.changesRequested,
            );
          }}
        >
          {t.requestChanges}
        </Button>
      </div>
    </section>
  );
}
