import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatIsoDate, todayInStockholm } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { peopleQuery } from '../../directory/people-query';
import { SubstituteTable } from '../../substitutes/SubstituteTable';
import { BackLink } from '../BackLink';
import { ChoiceField } from '../ChoiceField';
import { adminMessages } from '../messages';
import { PERIOD_FIELDS, SubstitutePeriodFields } from '../../substitutes/SubstitutePeriodFields';

const t = adminMessages.substitutes;

function substitutesOf(personId: string) {
  return queryOptions({
    queryKey: ['/api/v1/substitutes', { personId }],
    queryFn: () => unwrap(api.GET('/api/v1/substitutes', { params: { query: { personId } } })),
  });
}

const FIELDS = {
  personId: { id: 'substituted-person', label: t.person },
  substituteId: { id: 'substitute-person', label: t.substitute },
  ...PERIOD_FIELDS,
};

/** Ersättare: the administrator names a substitute for anyone of the organisation, and revokes one. */
export function AdminSubstitutesPage() {
  const client = useQueryClient();
  const people = useQuery(peopleQuery);
  const [personId, setPersonId] = useState<string | null>(null);
  const [substituteId, setSubstituteId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(todayInStockholm());
  const [validTo, setValidTo] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const active = (people.data ?? []).filter((p) => !p.disabled);
  const nameOf = (id: string | null) => active.find((p) => p.id === id)?.name ?? '';
  const choices = active.map((p) => ({ id: p.id, label: p.title ? `${p.name}, ${p.title}` : p.name }));
  const name = useMutation({
    mutationFn: (body: { personId: string; substituteId: string; validFrom: string; validTo: string }) =>
      unwrap(api.POST('/api/v1/substitutes', { body })),
    onSuccess: async (named) => {
      setProblems(NO_PROBLEMS);
      setSubstituteId(null);
      setValidTo('');
      setStatus(
        t.named(
          named.substitute.name,
          nameOf(named.personId),
          formatIsoDate(named.validFrom),
          formatIsoDate(named.validTo),
        ),
      );
      await client.invalidateQueries({ queryKey: ['/api/v1/substitutes'] });
    },
    onError: (error) => setProblems(formProblems(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = [
      ...(personId ? [] : [['personId', t.choosePerson] as const]),
      ...(substituteId ? [] : [['substituteId', t.chooseSubstitute] as const]),
    ];
    if (missing.length > 0) {
      setProblems({
        summary: missing.map(([key, message]) => ({ message, fieldId: FIELDS[key].id })),
        fields: new Map(missing.map(([key, message]) => [key, [message]])),
      });
      return;
    }
    name.mutate({ personId: personId!, substituteId: substituteId!, validFrom, validTo });
  };
  return (
    <Page title={t.title}>
      <BackLink />
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <ChoiceField
          id={FIELDS.personId.id}
          label={t.person}
          placeholder={adminMessages.choose}
          choices={choices}
          value={personId}
          onChange={setPersonId}
          errors={problems.fields.get('personId')}
          width="medium"
        />
        <ChoiceField
          id={FIELDS.substituteId.id}
          label={t.substitute}
          placeholder={adminMessages.choose}
          choices={choices.filter((c) => c.id !== personId)}
          value={substituteId}
          onChange={setSubstituteId}
          errors={problems.fields.get('substituteId')}
          width="medium"
        />
        <SubstitutePeriodFields
          validFrom={validFrom}
          validTo={validTo}
          onValidFrom={setValidFrom}
          onValidTo={setValidTo}
          problems={problems}
        />
        <Button type="submit" isPending={name.isPending}>
          {t.submit}
        </Button>
      </form>
      {personId ? <SubstitutesOf personId={personId} name={nameOf(personId)} onRevoked={setStatus} /> : null}
    </Page>
  );
}

function SubstitutesOf({
  personId,
  name,
  onRevoked,
}: {
  personId: string;
  name: string;
  onRevoked: (message: string) => void;
}) {
  const client = useQueryClient();
  const query = useQuery(substitutesOf(personId));
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/substitutes/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/api/v1/substitutes'] }),
  });
  return (
    <section aria-labelledby="ersattare-for">
      <h2 id="ersattare-for">{t.listOf(name)}</h2>
      <QueryState query={query}>
        {(substitutes) =>
          substitutes.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <SubstituteTable
              substitutes={substitutes}
              revokingId={revoke.isPending ? revoke.variables : undefined}
              onRevoke={(s) => revoke.mutate(s.id, { onSuccess: () => onRevoked(t.revokedMessage(s.substitute.name)) })}
            />
          )
        }
      </QueryState>
    </section>
  );
}
