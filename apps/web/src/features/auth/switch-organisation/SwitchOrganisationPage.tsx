import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useNavigate } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { meQuery, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems } from '../../../ui/form-problems';
import { Page } from '../../../ui/Page';
import { switchMessages as t } from './messages';

const FIELDS = { organisationId: { id: 'switch-organisation', label: t.organisation } };

/** A person with roles in several organisations chooses the one to act for; the session moves there. */
export function SwitchOrganisationPage() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [organisationId, setOrganisationId] = useState(me.organisation?.id ?? '');
  const change = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/auth/session/organisation', { body: { organisationId } })),
    onSuccess: ({ person, organisation, roles, organisations, expiresAt }) => {
      client.clear();
      client.setQueryData(meQuery.queryKey, { person, organisation, roles, organisations, expiresAt });
      void navigate('/');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const problems = useMemo(() => (change.error ? formProblems(change.error, FIELDS) : null), [change.error]);
  return (
    <Page title={t.title}>
      <ErrorSummary items={problems?.summary ?? []} />
      <p>{t.intro}</p>
      <form className="form" onSubmit={submit} noValidate>
        <RadioGroup className="field" value={organisationId} onChange={setOrganisationId}>
          <Label className="field__label">{t.organisation}</Label>
          {me.organisations.map((o, i) => (
            <Radio key={o.id} value={o.id} className="radio" id={i === 0 ? FIELDS.organisationId.id : undefined}>
              {o.id === me.organisation?.id ? t.current(o.name) : o.name}
            </Radio>
          ))}
        </RadioGroup>
        <Button type="submit" isPending={change.isPending} isDisabled={organisationId === me.organisation?.id}>
          {t.submit}
        </Button>
      </form>
    </Page>
  );
}
