import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { departmentsQuery } from '../../directory/people-query';
import { valueOrNull } from '../admin-queries';
import { BackLink } from '../BackLink';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';
import { DEPARTMENT_CODES, DEPARTMENT_FIELDS, DepartmentFields } from './DepartmentFields';

const t = adminMessages.departments;

/** Avdelningar: the organisation's departments, a new one, and a link to rename each. */
export function DepartmentsPage() {
  const query = useQuery(departmentsQuery);
  const [status, setStatus] = useState('');
  return (
    <Page title={t.title}>
      <BackLink />
      <StatusMessage text={status} />
      <QueryState query={query}>
        {(departments) =>
          departments.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.contactEmail}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.rename}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {departments.map((d) => (
                  <tr key={d.id}>
                    <td data-label={t.name}>{d.name}</td>
                    <td data-label={t.contactEmail} className="break-anywhere">
                      {d.contactEmail ?? adminMessages.none}
                    </td>
                    <td data-label={t.state}>{d.active ? t.active : t.inactive}</td>
                    <td data-label={t.rename}>
                      <Link to={d.id} aria-label={t.renameOf(d.name)}>
                        {t.rename}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      <NewDepartment onCreated={setStatus} />
    </Page>
  );
}

function NewDepartment({ onCreated }: { onCreated: (message: string) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const create = useMutation({
    mutationFn: () => {
      const email = valueOrNull(contactEmail);
      return unwrap(
        api.POST('/api/v1/departments', { body: { name: name.trim(), ...(email ? { contactEmail: email } : {}) } }),
      );
    },
    onSuccess: async (created) => {
      setProblems(NO_PROBLEMS);
      setName('');
      setContactEmail('');
      onCreated(t.created(created.name));
      await client.invalidateQueries(departmentsQuery);
    },
    onError: (error) => setProblems(problemsOf(error, DEPARTMENT_FIELDS, DEPARTMENT_CODES)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="ny-avdelning">
      <h2 id="ny-avdelning">{t.add}</h2>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <DepartmentFields
          name={name}
          contactEmail={contactEmail}
          onName={setName}
          onContactEmail={setContactEmail}
          problems={problems}
        />
        <Button type="submit" isPending={create.isPending}>
          {t.create}
        </Button>
      </form>
    </section>
  );
}
