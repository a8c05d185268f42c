import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Role } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { ROLE_LABEL } from '../../../ui/labels';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { approvalChainQuery } from '../admin-queries';
import { BackLink } from '../BackLink';
import { ChoiceField } from '../ChoiceField';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';

const t = adminMessages.chain;

interface Step {
  /** Stays with the step while it moves, so React keeps its fields. */
  readonly key: number;
  readonly role: Role;
  readonly sameDepartment: boolean;
}

const STEPS_FIELD = { steps: { id: 'chain-steps', label: t.steps } };

/** A case officer writes the report; every other role may take a step (the API says so too). */
const APPROVER_ROLES = (Object.keys(ROLE_LABEL) as Role[]).filter((r) => r !== 'case_officer');

/** Beslutsgång: the organisation's approval steps in order, reordered with buttons and saved at once. */
export function ApprovalChainPage() {
  const query = useQuery(approvalChainQuery);
  return (
    <Page title={t.title}>
      <BackLink />
      <p>{t.intro}</p>
      <QueryState query={query}>
        {(chain) => (
          <ChainForm initial={chain.map((s, i) => ({ key: i, role: s.role, sameDepartment: s.sameDepartment }))} />
        )}
      </QueryState>
    </Page>
  );
}

function ChainForm({ initial }: { initial: readonly Step[] }) {
  const client = useQueryClient();
  const [steps, setSteps] = useState<readonly Step[]>(initial);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const nextKey = useRef(initial.length);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/approval-chain', {
          body: { steps: steps.map((s) => ({ role: s.role, sameDepartment: s.sameDepartment })) },
        }),
      ),
    onSuccess: (saved) => {
      setProblems(NO_PROBLEMS);
      setStatus(t.saved);
      client.setQueryData(approvalChainQuery.queryKey, saved);
    },
    onError: (error) => setProblems(problemsOf(error, STEPS_FIELD, { 'statement.chain_invalid': 'steps' })),
  });
  const change = (key: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const key = steps[index]!.key;
    setSteps((all) => {
      const next = [...all];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    setStatus(t.moved(index + 1, target + 1));
    // The focus stays with the moved step; at the first or last place its other button takes it.
    requestAnimationFrame(() => {
      const buttons = [by < 0 ? 'up' : 'down', by < 0 ? 'down' : 'up'].map((d) =>
        document.querySelector<HTMLElement>(`[data-move="${key}-${d}"]`),
      );
      buttons.find((b) => b && !b.hasAttribute('disabled'))?.focus();
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const errors = problems.fields.get('steps');
  return (
    <>
      <StatusMessage text={status} />
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset
          className="field"
          id={STEPS_FIELD.steps.id}
          tabIndex={-1}
          aria-describedby={errors ? 'chain-steps-error' : undefined}
        >
          <legend className="field__label">{t.steps}</legend>
          {errors ? (
            <p className="field__error" id="chain-steps-error">
              {errors.join(' ')}
            </p>
          ) : null}
          {steps.length === 0 ? <p>{t.empty}</p> : null}
          <ol className="chain-steps">
            {steps.map((step, index) => (
              <li key={step.key}>
                <h3>{t.step(index + 1)}</h3>
                <ChoiceField
                  id={`chain-step-${index}-role`}
                  label={t.role}
                  placeholder={adminMessages.choose}
                  choices={APPROVER_ROLES.map((r) => ({ id: r, label: ROLE_LABEL[r] }))}
                  value={step.role}
                  onChange={(role) => role && change(step.key, { role: role as Role })}
                  width="medium"
                />
                <p>
                  <label>
                    <input
                      type="checkbox"
                      checked={step.sameDepartment}
                      onChange={(event) => change(step.key, { sameDepartment: event.target.checked })}
                    />{' '}
                    {t.sameDepartment}
                  </label>
                </p>
                <div className="button-row">
                  <Button
                    data-move={`${step.key}-up`}
                    variant="secondary"
                    aria-label={t.upStep(index + 1)}
                    isDisabled={index === 0}
                    onPress={() => move(index, -1)}
                  >
                    {t.up}
                  </Button>
                  <Button
                    data-move={`${step.key}-down`}
                    variant="secondary"
                    aria-label={t.downStep(index + 1)}
                    isDisabled={index === steps.length - 1}
                    onPress={() => move(index, 1)}
                  >
                    {t.down}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t.removeStep(index + 1)}
                    onPress={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
                  >
                    {t.remove}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            onPress={() =>
              setSteps((all) => [...all, { key: nextKey.current++, role: 'director', sameDepartment: false }])
            }
          >
            {t.add}
          </Button>
        </fieldset>
        <Button type="submit" isPending={save.isPending}>
          {t.save}
        </Button>
      </form>
    </>
  );
}
