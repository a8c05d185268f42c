import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/openapi';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { departmentsQuery } from '../../directory/people-query';
import { departmentQuery, valueOrNull } from '../admin-queries';
import { BackLink } from '../BackLink';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';
import { DEPARTMENT_CODES, DEPARTMENT_FIELDS, DepartmentFields } from './DepartmentFields';

const t = adminMessages.departments;

type Department = components['schemas']['DepartmentResponse'];

/** One department: its name and contact address, changed. */
export function DepartmentPage() {
  const { departmentId = '' } = useParams();
  const query = useQuery(departmentQuery(departmentId));
  return (
    <QueryState query={query}>
      {(department) => (
        <Page title={department.name} caption={t.caption}>
          <BackLink to="/administration/avdelningar" label={t.title} />
          <Rename key={department.id} department={department} />
        </Page>
      )}
    </QueryState>
  );
}

function Rename({ department }: { department: Department }) {
  const client = useQueryClient();
  const [name, setName] = useState(department.name);
  const [contactEmail, setContactEmail] = useState(department.contactEmail ?? '');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const update = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/departments/{id}', {
          params: { path: { id: department.id } },
          body: { name: name.trim(), contactEmail: valueOrNull(contactEmail) },
        }),
      ),
    onSuccess: async (saved) => {
      setProblems(NO_PROBLEMS);
      setStatus(t.saved(saved.name));
      client.setQueryData(departmentQuery(saved.id).queryKey, saved);
      await client.invalidateQueries(departmentsQuery);
    },
    onError: (error) => setProblems(problemsOf(error, DEPARTMENT_FIELDS, DEPARTMENT_CODES)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate();
  };
  return (
    <>
      <StatusMessage text={status} />
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <DepartmentFields
          name={name}
          contactEmail={contactEmail}
          onName={setName}
          onContactEmail={setContactEmail}
          problems={problems}
        />
        <Button type="submit" isPending={update.isPending}>
          {t.save}
        </Button>
      </form>
    </>
  );
}
