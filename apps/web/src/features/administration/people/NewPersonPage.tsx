import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { valueOrNull } from '../admin-queries';
import { BackLink } from '../BackLink';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';
import { PERSON_CODES, PERSON_FIELDS, PersonForm, type PersonValues } from './PersonForm';

const t = adminMessages.people;

const EMPTY: PersonValues = { name: '', title: '', email: '', phone: '', departmentId: null, password: '' };

/** Ny person: the administrator adds someone to the organisation, then sees their page. */
export function NewPersonPage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const create = useMutation({
    mutationFn: (v: PersonValues) => {
      const title = valueOrNull(v.title);
      const phone = valueOrNull(v.phone);
      return unwrap(
        api.POST('/api/v1/people', {
          body: {
            name: v.name.trim(),
            email: v.email.trim(),
            ...(title ? { title } : {}),
            ...(phone ? { phone } : {}),
            ...(v.departmentId ? { departmentId: v.departmentId } : {}),
            ...(v.password ? { password: v.password } : {}),
          },
        }),
      );
    },
    onSuccess: async (person) => {
      await client.invalidateQueries({ queryKey: ['/api/v1/people'] });
      void navigate(`/administration/personer/${person.id}`, { state: { message: t.created(person.name) } });
    },
    onError: (error) => setProblems(problemsOf(error, PERSON_FIELDS, PERSON_CODES)),
  });
  return (
    <Page title={t.newTitle}>
      <BackLink to="/administration/personer" label={t.title} />
      <PersonForm
        initial={EMPTY}
        withPassword
        submitLabel={t.create}
        isPending={create.isPending}
        problems={problems}
        onSubmit={(values) => create.mutate(values)}
      />
    </Page>
  );
}
