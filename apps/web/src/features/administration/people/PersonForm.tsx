import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import type { FormProblems } from '../../../ui/form-problems';
import { TextField } from '../../../ui/TextField';
import { departmentsQuery } from '../../directory/people-query';
import { ChoiceField } from '../ChoiceField';
import { adminMessages } from '../messages';

const t = adminMessages.people;

/** The form's fields by the API's names, with the ids the error summary links to. */
export const PERSON_FIELDS = {
  name: { id: 'person-name', label: t.name },
  title: { id: 'person-title', label: t.title_ },
  email: { id: 'person-email', label: t.email },
  phone: { id: 'person-phone', label: t.phone },
  departmentId: { id: 'person-department', label: t.department },
  password: { id: 'person-password', label: t.password },
};

/** The rules whose answer belongs beside one field. */
export const PERSON_CODES = {
  'directory.email_taken': 'email',
  'directory.password_too_weak': 'password',
  'directory.department_not_found': 'departmentId',
  'directory.department_other_organisation': 'departmentId',
};

export interface PersonValues {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
  readonly departmentId: string | null;
  readonly password: string;
}

const NO_DEPARTMENT = 'ingen';

/** A person's details; with `withPassword` also the first password (when they are added). */
export function PersonForm({
  initial,
  withPassword,
  submitLabel,
  isPending,
  problems,
  onSubmit,
}: {
  initial: PersonValues;
  withPassword: boolean;
  submitLabel: string;
  isPending: boolean;
  problems: FormProblems;
  onSubmit: (values: PersonValues) => void;
}) {
  const departments = useQuery(departmentsQuery);
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof PersonValues>(key: K) =>
    (value: PersonValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const choices = [
    { id: NO_DEPARTMENT, label: t.noDepartment },
    ...(departments.data ?? [])
      .filter((d) => d.active || d.id === initial.departmentId)
      .map((d) => ({ id: d.id, label: d.name })),
  ];
  return (
    <>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={PERSON_FIELDS.name.id}
          label={t.name}
          value={values.name}
          onChange={set('name')}
          errors={problems.fields.get('name')}
          width="medium"
          autoComplete="off"
        />
        <TextField
          id={PERSON_FIELDS.title.id}
          label={t.title_}
          value={values.title}
          onChange={set('title')}
          errors={problems.fields.get('title')}
          width="medium"
        />
        <TextField
          id={PERSON_FIELDS.email.id}
          label={t.email}
          type="email"
          value={values.email}
          onChange={set('email')}
          errors={problems.fields.get('email')}
          width="medium"
          autoComplete="off"
        />
        <TextField
          id={PERSON_FIELDS.phone.id}
          label={t.phone}
          type="tel"
          value={values.phone}
          onChange={set('phone')}
          errors={problems.fields.get('phone')}
          width="short"
        />
        <ChoiceField
          id={PERSON_FIELDS.departmentId.id}
          label={t.department}
          placeholder={adminMessages.choose}
          choices={choices}
          value={values.departmentId ?? NO_DEPARTMENT}
          onChange={(id) => set('departmentId')(id === NO_DEPARTMENT ? null : id)}
          errors={problems.fields.get('departmentId')}
          width="medium"
        />
        {withPassword ? (
          <TextField
            id={PERSON_FIELDS.password.id}
            label={t.password}
            description={t.passwordHint}
            type="password"
            value={values.password}
            onChange={set('password')}
            errors={problems.fields.get('password')}
            width="medium"
            autoComplete="new-password"
          />
        ) : null}
        <Button type="submit" isPending={isPending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
