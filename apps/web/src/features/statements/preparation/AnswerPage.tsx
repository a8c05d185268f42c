import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';

import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDate } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { myWorkQuery } from '../../desk/my-work/my-work-query';
import { preparationMessages as t } from './messages';
import { useAnswerPreparation } from './preparation-queries';

const FIELDS = { answer: { id: 'svar', label: t.yourAnswer } };

/** A department answers a question put to it for a statement's preparation (from Mitt arbete). */
export function AnswerPage() {
  const { requestId = '' } = useParams();
  const work = useQuery(myWorkQuery);
  const answer = useAnswerPreparation(requestId);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [sent, setSent] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(text, {
      onSuccess: () => {
        setProblems(NO_PROBLEMS);
        setSent(true);
      },
      onError: (error) => setProblems(formProblems(error, FIELDS)),
    });
  };
  return (
    <Page title={t.answerTitle}>
      <QueryState query={work}>
        {(items) => {
          const item = items.find((i) => i.kind === 'answer_preparation' && i.link.id === requestId);
          if (sent) {
            return (
              <>
                <p className="notice notice--success" role="status">
                  {t.sent}
                </p>
                <p>
                  <Link to="/">{t.toMyWork}</Link>
                </p>
              </>
            );
          }
          if (!item) {
            return (
              <>
                <p className="notice">{t.notWaiting}</p>
                <p>
                  <Link to="/">{t.toMyWork}</Link>
                </p>
              </>
            );
          }
          return (
            <>
              <p>{item.title}</p>
              {item.deadline ? (
                <p>
                  {t.deadline} {formatDate(item.deadline)}.
                </p>
              ) : null}
              <p className="muted">{t.answerIntro}</p>
              <ErrorSummary items={problems.summary} heading={t.answerErrorHeading} />
              <form className="form" onSubmit={onSubmit} noValidate aria-label={t.answerTitle}>
                <TextField
                  id={FIELDS.answer.id}
                  label={t.yourAnswer}
                  multiline
                  rows={5}
                  value={text}
                  onChange={setText}
                  errors={problems.fields.get('answer')}
                />
                <Button type="submit" isPending={answer.isPending}>
                  {t.send}
                </Button>
              </form>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
