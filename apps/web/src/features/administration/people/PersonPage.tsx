import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { type Role, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { ROLE_LABEL } from '../../../ui/labels';
import { Page } from '../../../ui/Page';
import { problemText, QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { personQuery, valueOrNull } from '../admin-queries';
import { BackLink } from '../BackLink';
import { problemsOf } from '../field-problems';
import { ChoiceField } from '../ChoiceField';
import { adminMessages } from '../messages';
import { PERSON_CODES, PERSON_FIELDS, PersonForm, type PersonValues } from './PersonForm';

const t = adminMessages.people;

type Person = components['schemas']['PersonResponse'];

/** One person: their details, whether they may log in, their roles here and a new password. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const query = useQuery(personQuery(personId));
  const location = useLocation();
  const [status, setStatus] = useState<string>((location.state as { message?: string } | null)?.message ?? '');
  return (
    <QueryState query={query}>
      {(person) => (
        <Page title={person.name} caption={t.caption}>
          <BackLink to="/administration/personer" label={t.title} />
          <StatusMessage text={status} />
          <Details person={person} onDone={setStatus} />
          <Access person={person} onDone={setStatus} />
          <Roles person={person} onDone={setStatus} />
          <Password person={person} onDone={setStatus} />
        </Page>
      )}
    </QueryState>
  );
}

function useRefresh(person: Person) {
  const client = useQueryClient();
  return (fresh?: Person) => {
    if (fresh) {
      client.setQueryData(personQuery(person.id).queryKey, fresh);
    }
    return Promise.all([
      client.invalidateQueries({ queryKey: ['/api/v1/people'] }),
      client.invalidateQueries(personQuery(person.id)),
    ]);
  };
}

function Details({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const refresh = useRefresh(person);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const update = useMutation({
    mutationFn: (v: PersonValues) =>
      unwrap(
        api.PATCH('/api/v1/people/{id}', {
          params: { path: { id: person.id } },
          body: {
            name: v.name.trim(),
            email: v.email.trim(),
            // The API reads null as "no value": an emptied field is cleared.
            title: valueOrNull(v.title),
            phone: valueOrNull(v.phone),
            departmentId: v.departmentId,
          },
        }),
      ),
    onSuccess: async (fresh) => {
      setProblems(NO_PROBLEMS);
      onDone(adminMessages.saved);
      await refresh(fresh);
    },
    onError: (error) => setProblems(problemsOf(error, PERSON_FIELDS, PERSON_CODES)),
  });
  return (
    <section aria-labelledby="uppgifter">
      <h2 id="uppgifter">{t.details}</h2>
      <PersonForm
        initial={{
          name: person.name,
          title: person.title ?? '',
          email: person.email,
          phone: person.phone ?? '',
          departmentId: person.departmentId,
          password: '',
        }}
        withPassword={false}
        submitLabel={t.save}
        isPending={update.isPending}
        problems={problems}
        onSubmit={(values) => update.mutate(values)}
      />
    </section>
  );
}

function Access({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const refresh = useRefresh(person);
  const toggle = useMutation({
    mutationFn: () =>
      person.disabled
        ? unwrap(api.POST('/api/v1/people/{id}/enable', { params: { path: { id: person.id } } }))
        : unwrap(api.POST('/api/v1/people/{id}/disable', { params: { path: { id: person.id } } })),
    onSuccess: async (fresh) => {
      onDone(fresh.disabled ? t.disabledMessage(fresh.name) : t.enabledMessage(fresh.name));
      await refresh(fresh);
    },
  });
  return (
    <section aria-labelledby="inloggning">
      <h2 id="inloggning">{t.access}</h2>
      {person.disabled ? <p className="notice notice--warning">{t.disabledNotice}</p> : null}
      {toggle.isError ? (
        <p className="notice notice--error" role="alert">
          {problemText(toggle.error)}
        </p>
      ) : null}
      <Button
        variant={person.disabled ? 'secondary' : 'warning'}
        isPending={toggle.isPending}
        onPress={() => toggle.mutate()}
      >
        {person.disabled ? t.enable : t.disable}
      </Button>
    </section>
  );
}

const ROLES = Object.keys(ROLE_LABEL) as Role[];

function Roles({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const me = useMe();
  const refresh = useRefresh(person);
  const [role, setRole] = useState<Role | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const here = person.roles.filter((r) => r.organisationId === me.organisation?.id);
  const grant = useMutation({
    mutationFn: (wanted: Role) =>
      unwrap(api.POST('/api/v1/people/{id}/roles', { params: { path: { id: person.id } }, body: { role: wanted } })),
    onSuccess: async (held) => {
      setProblems(NO_PROBLEMS);
      setRole(null);
      onDone(t.roleAdded(ROLE_LABEL[held.role]));
      await refresh();
    },
    onError: (error) => setProblems(formProblems(error, { role: { id: 'person-role', label: t.role } })),
  });
  const revoke = useMutation({
    mutationFn: (held: (typeof here)[number]) =>
      unwrap(
        api.DELETE('/api/v1/people/{id}/roles/{roleId}', { params: { path: { id: person.id, roleId: held.id } } }),
      ),
    onSuccess: async (_, held) => {
      setProblems(NO_PROBLEMS);
      onDone(t.roleRemoved(ROLE_LABEL[held.role]));
      await refresh();
    },
    onError: (error) => setProblems(formProblems(error, {})),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!role) {
      setProblems({
        summary: [{ message: t.chooseRole, fieldId: 'person-role' }],
        fields: new Map([['role', [t.chooseRole]]]),
      });
      return;
    }
    grant.mutate(role);
  };
  return (
    <section aria-labelledby="roller">
      <h2 id="roller">{t.rolesHeading}</h2>
      <ErrorSummary items={problems.summary} />
      {here.length === 0 ? (
        <p>{t.noRoles}</p>
      ) : (
        <ul className="plain-list">
          {here.map((held) => (
            <li key={held.id} className="button-row">
              <span>{ROLE_LABEL[held.role]}</span>
              <Button
                variant="secondary"
                isPending={revoke.isPending && revoke.variables.id === held.id}
                onPress={() => revoke.mutate(held)}
              >
                {t.removeRole(ROLE_LABEL[held.role])}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <ChoiceField
          id="person-role"
          label={t.role}
          placeholder={adminMessages.choose}
          choices={ROLES.filter((r) => !here.some((h) => h.role === r)).map((r) => ({ id: r, label: ROLE_LABEL[r] }))}
          value={role}
          onChange={(id) => setRole(id as Role | null)}
          errors={problems.fields.get('role')}
          width="medium"
        />
        <Button type="submit" variant="secondary" isPending={grant.isPending}>
          {t.addRole}
        </Button>
      </form>
    </section>
  );
}

function Password({ person, onDone }: { person: Person; onDone: (message: string) => void }) {
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const fields = { password: { id: 'person-new-password', label: t.newPassword } };
  const set = useMutation({
    mutationFn: () =>
      unwrap(api.PUT('/api/v1/people/{id}/password', { params: { path: { id: person.id } }, body: { password } })),
    onSuccess: () => {
      setProblems(NO_PROBLEMS);
      setPassword('');
      onDone(t.passwordSet);
    },
    onError: (error) => setProblems(problemsOf(error, fields, { 'directory.password_too_weak': 'password' })),
  });
  return (
    <section aria-labelledby="losenord">
      <h2 id="losenord">{t.setPassword}</h2>
      <ErrorSummary items={problems.summary} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          set.mutate();
        }}
      >
        <TextField
          id={fields.password.id}
          label={t.newPassword}
          description={t.passwordRule}
          type="password"
          value={password}
          onChange={setPassword}
          errors={problems.fields.get('password')}
          width="medium"
          autoComplete="new-password"
        />
        <Button type="submit" variant="secondary" isPending={set.isPending}>
          {t.setPassword}
        </Button>
      </form>
    </section>
  );
}
