import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDate, formatDateTime } from '../../../ui/format';
import { TextField } from '../../../ui/TextField';
import { departmentsQuery, peopleQuery } from '../../directory/people-query';
import { preparationMessages as t } from './messages';
import { preparationRequestsQuery, useAskDepartment } from './preparation-queries';

const FIELDS = {
  departmentId: { id: 'fraga-avdelning', label: t.department },
  question: { id: 'fraga-text', label: t.question },
  deadline: { id: 'fraga-senast', label: t.deadline },
};

/** The preparation of a statement: questions put to other departments, their answers, and asking anew. */
export function PreparationRequests({ statementId, canAsk }: { statementId: string; canAsk: boolean }) {
  const requests = useQuery(preparationRequestsQuery(statementId));
  const people = useQuery(peopleQuery);
  const nameOf = (id: string | null) => people.data?.find((p) => p.id === id)?.name ?? '…';
  return (
    <section aria-labelledby="beredning">
      <h2 id="beredning">{t.heading}</h2>
      {(requests.data ?? []).length === 0 ? <p>{t.none}</p> : null}
      <ul className="plain-list">
        {(requests.data ?? []).map((r) => (
          <li key={r.id} className="preparation">
            <h3>{r.department.name}</h3>
            <p className="muted">
              {t.asked(nameOf(r.askedBy), formatDateTime(r.askedAt))}. {t.deadline} {formatDate(r.deadline)}.
            </p>
            <p>
              <strong>{t.question}:</strong> {r.question}
            </p>
            {r.answer !== null ? (
              <>
                <p>
                  <strong>{t.answer}:</strong> {r.answer}
                </p>
                <p className="muted">{t.answered(nameOf(r.answeredBy), formatDateTime(r.answeredAt ?? ''))}</p>
              </>
            ) : (
              <p>{t.noAnswer}</p>
            )}
          </li>
        ))}
      </ul>
      {canAsk ? <AskForm statementId={statementId} /> : null}
    </section>
  );
}

function AskForm({ statementId }: { statementId: string }) {
  const departments = useQuery(departmentsQuery);
  const ask = useAskDepartment(statementId);
  const [departmentId, setDepartmentId] = useState('');
  const [question, setQuestion] = useState('');
  const [deadline, setDeadline] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    ask.mutate(
      { departmentId, question, deadline },
      {
        onSuccess: () => {
          setQuestion('');
          setDeadline('');
          setProblems(NO_PROBLEMS);
          setStatus(t.asked_);
        },
        onError: (error) => setProblems(formProblems(error, FIELDS)),
      },
    );
  };
  const departmentErrors = problems.fields.get('departmentId');
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="stall-fraga">
      <h3 id="stall-fraga">{t.askHeading}</h3>
      <p className="muted">{t.askHint}</p>
      <ErrorSummary items={problems.summary} heading={t.errorHeading} />
      <div className="field field--medium" data-invalid={departmentErrors ? true : undefined}>
        <label className="field__label" htmlFor={FIELDS.departmentId.id}>
          {t.department}
        </label>
        {departmentErrors ? (
          <span className="field__error" id="fraga-avdelning-fel">
            {departmentErrors.join(' ')}
          </span>
        ) : null}
        <select
          id={FIELDS.departmentId.id}
          className="field__input"
          value={departmentId}
          aria-describedby={departmentErrors ? 'fraga-avdelning-fel' : undefined}
          aria-invalid={departmentErrors ? true : undefined}
          onChange={(e) => setDepartmentId(e.target.value)}
        >
          <option value="">{t.chooseDepartment}</option>
          {(departments.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={FIELDS.question.id}
        label={t.question}
        multiline
        rows={3}
        value={question}
        onChange={setQuestion}
        errors={problems.fields.get('question')}
      />
      <TextField
        id={FIELDS.deadline.id}
        label={t.deadline}
        type="date"
        width="short"
        value={deadline}
        onChange={setDeadline}
        errors={problems.fields.get('deadline')}
      />
      <div className="button-row">
        <Button type="submit" isPending={ask.isPending}>
          {t.ask}
        </Button>
        <p role="status">{status}</p>
      </div>
    </form>
  );
}
