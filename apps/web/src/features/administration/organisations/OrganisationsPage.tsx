import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { organisationQuery, valueOrNull } from '../admin-queries';
import { BackLink } from '../BackLink';
import { ChoiceField } from '../ChoiceField';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';

const t = adminMessages.organisations;

type Organisation = components['schemas']['OrganisationResponse'];
type Kind = components['schemas']['OrganisationKind'];

const organisationsQuery = {
  queryKey: ['/api/v1/organisations', { includeInactive: true }],
  queryFn: () => unwrap(api.GET('/api/v1/organisations', { params: { query: { includeInactive: true } } })),
};

const FIELDS = {
  name: { id: 'organisation-name', label: t.name },
  kind: { id: 'organisation-kind', label: t.kind },
  diaryPrefix: { id: 'organisation-prefix', label: t.diaryPrefix },
  administrationName: { id: 'organisation-administration', label: t.administrationName },
  registryEmail: { id: 'organisation-email', label: t.registryEmail },
};

const CODES = { 'directory.name_taken': 'name', 'directory.diary_prefix_taken': 'diaryPrefix' };

interface Values {
  readonly name: string;
  readonly kind: Kind | null;
  readonly diaryPrefix: string;
  readonly administrationName: string;
  readonly registryEmail: string;
}

/** Organisationer: the city's bodies, for the city's administrators: a new one, and each changed. */
export function OrganisationsPage() {
  const client = useQueryClient();
  const query = useQuery(organisationsQuery);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (v: Values) => {
      const optional = {
        diaryPrefix: valueOrNull(v.diaryPrefix),
        administrationName: valueOrNull(v.administrationName),
        registryEmail: valueOrNull(v.registryEmail),
      };
      return unwrap(
        api.POST('/api/v1/organisations', {
          body: {
            name: v.name.trim(),
            kind: v.kind!,
            ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
          },
        }),
      );
    },
    onSuccess: async (created) => {
      setProblems(NO_PROBLEMS);
      setStatus(t.created(created.name));
      setFormKey((k) => k + 1);
      await client.invalidateQueries({ queryKey: ['/api/v1/organisations'] });
    },
    onError: (error) => setProblems(problemsOf(error, FIELDS, CODES)),
  });
  return (
    <Page title={t.title}>
      <BackLink />
      <StatusMessage text={status} />
      <QueryState query={query}>
        {(organisations) => (
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.diaryPrefix}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td data-label={t.name}>
                    <Link to={o.id} aria-label={t.editOf(o.name)}>
                      {o.name}
                    </Link>
                  </td>
                  <td data-label={t.kind}>{t.kinds[o.kind]}</td>
                  <td data-label={t.diaryPrefix}>{o.diaryPrefix ?? adminMessages.none}</td>
                  <td data-label={t.state}>{o.active ? t.active : t.inactive}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      <section aria-labelledby="ny-organisation">
        <h2 id="ny-organisation">{t.add}</h2>
        <OrganisationForm
          key={formKey}
          initial={{ name: '', kind: null, diaryPrefix: '', administrationName: '', registryEmail: '' }}
          withKind
          submitLabel={t.create}
          isPending={create.isPending}
          problems={problems}
          onSubmit={(values) => {
            if (!values.kind) {
              const message = `${t.kind}: ${adminMessages.choose.toLowerCase()} ett slag.`;
              setProblems({ summary: [{ message, fieldId: FIELDS.kind.id }], fields: new Map([['kind', [message]]]) });
              return;
            }
            create.mutate(values);
          }}
        />
      </section>
    </Page>
  );
}

/** One organisation, changed by the city's administrator. */
export function OrganisationPage() {
  const { organisationId = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery(organisationQuery(organisationId));
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const update = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PATCH('/api/v1/organisations/{id}', {
          params: { path: { id: organisationId } },
          body: {
            name: v.name.trim(),
            ...(valueOrNull(v.diaryPrefix) ? { diaryPrefix: v.diaryPrefix.trim() } : {}),
            ...(valueOrNull(v.administrationName) ? { administrationName: v.administrationName.trim() } : {}),
            ...(valueOrNull(v.registryEmail) ? { registryEmail: v.registryEmail.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (saved: Organisation) => {
      setProblems(NO_PROBLEMS);
      setStatus(adminMessages.saved);
      client.setQueryData(organisationQuery(saved.id).queryKey, saved);
      await client.invalidateQueries({ queryKey: ['/api/v1/organisations'] });
    },
    onError: (error) => setProblems(problemsOf(error, FIELDS, CODES)),
  });
  return (
    <QueryState query={query}>
      {(organisation) => (
        <Page title={organisation.name} caption={t.caption}>
          <BackLink to="/administration/organisationer" label={t.title} />
          <StatusMessage text={status} />
          <OrganisationForm
            initial={{
              name: organisation.name,
              kind: organisation.kind,
              diaryPrefix: organisation.diaryPrefix ?? '',
              administrationName: organisation.administrationName ?? '',
              registryEmail: organisation.registryEmail ?? '',
            }}
            withKind={false}
            submitLabel={t.save}
            isPending={update.isPending}
            problems={problems}
            onSubmit={(values) => update.mutate(values)}
          />
        </Page>
      )}
    </QueryState>
  );
}

function OrganisationForm({
  initial,
  withKind,
  submitLabel,
  isPending,
  problems,
  onSubmit,
}: {
  initial: Values;
  withKind: boolean;
  submitLabel: string;
  isPending: boolean;
  problems: FormProblems;
  onSubmit: (values: Values) => void;
}) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof Values) => (value: string | null) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.name.id}
          label={t.name}
          value={values.name}
          onChange={set('name')}
          errors={problems.fields.get('name')}
          width="medium"
        />
        {withKind ? (
          <ChoiceField
            id={FIELDS.kind.id}
            label={t.kind}
            placeholder={adminMessages.choose}
            choices={(Object.keys(t.kinds) as Kind[])
              .filter((k) => k !== 'city')
              .map((k) => ({ id: k, label: t.kinds[k] }))}
            value={values.kind}
            onChange={set('kind')}
            errors={problems.fields.get('kind')}
            width="medium"
          />
        ) : null}
        <TextField
          id={FIELDS.diaryPrefix.id}
          label={t.diaryPrefix}
          description={t.prefixHint}
          value={values.diaryPrefix}
          onChange={set('diaryPrefix')}
          errors={problems.fields.get('diaryPrefix')}
          width="short"
        />
        <TextField
          id={FIELDS.administrationName.id}
          label={t.administrationName}
          value={values.administrationName}
          onChange={set('administrationName')}
          errors={problems.fields.get('administrationName')}
          width="medium"
        />
        <TextField
          id={FIELDS.registryEmail.id}
          label={t.registryEmail}
          type="email"
          value={values.registryEmail}
          onChange={set('registryEmail')}
          errors={problems.fields.get('registryEmail')}
          width="medium"
        />
        <Button type="submit" isPending={isPending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
