import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  Button as AriaButton,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components';

import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { useMe } from '../../app/session';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormProblems, formProblems, NO_PROBLEMS } from '../../ui/form-problems';
import { formatIsoDate, todayInStockholm } from '../../ui/format';
import { Page } from '../../ui/Page';
import { QueryState } from '../../ui/QueryState';
import { StatusMessage } from '../../ui/StatusMessage';
import { peopleQuery } from '../directory/people-query';
import { substituteMessages as t } from './messages';
import { SubstituteTable } from './SubstituteTable';
import { PERIOD_FIELDS, SubstitutePeriodFields } from './SubstitutePeriodFields';

const substitutesQuery = queryOptions({
  queryKey: ['/api/v1/substitutes'],
  queryFn: () => unwrap(api.GET('/api/v1/substitutes')),
});

const FIELDS = {
  substituteId: { id: 'substitute-person', label: t.substitute },
  ...PERIOD_FIELDS,
};

/** Ersättare: the person names who takes their approval steps for a period, and revokes it. */
export function SubstitutesPage() {
  const query = useQuery(substitutesQuery);
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/substitutes/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries(substitutesQuery),
  });
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      <NameSubstitute onNamed={setStatus} />
      <h2>{t.mine}</h2>
      <QueryState query={query}>
        {(substitutes) =>
          substitutes.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <SubstituteTable
              substitutes={substitutes}
              revokingId={revoke.isPending ? revoke.variables : undefined}
              onRevoke={(s) => revoke.mutate(s.id, { onSuccess: () => setStatus(t.revokedMessage(s.substitute.name)) })}
            />
          )
        }
      </QueryState>
    </Page>
  );
}

function NameSubstitute({ onNamed }: { onNamed: (message: string) => void }) {
  const me = useMe();
  const client = useQueryClient();
  const people = useQuery(peopleQuery);
  const [substituteId, setSubstituteId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(todayInStockholm());
  const [validTo, setValidTo] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const candidates = (people.data ?? []).filter((p) => !p.disabled && p.id !== me.person?.id);
  const name = useMutation({
    mutationFn: (body: { substituteId: string; validFrom: string; validTo: string }) =>
      unwrap(api.POST('/api/v1/substitutes', { body })),
    onSuccess: (named) => {
      setProblems(NO_PROBLEMS);
      setSubstituteId(null);
      setValidTo('');
      onNamed(t.named(named.substitute.name, formatIsoDate(named.validFrom), formatIsoDate(named.validTo)));
      return client.invalidateQueries(substitutesQuery);
    },
    onError: (error) => setProblems(formProblems(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!substituteId) {
      setProblems({
        summary: [{ message: t.chooseSomeone, fieldId: FIELDS.substituteId.id }],
        fields: new Map([['substituteId', [t.chooseSomeone]]]),
      });
      return;
    }
    name.mutate({ substituteId, validFrom, validTo });
  };
  const personErrors = problems.fields.get('substituteId');
  return (
    <section aria-labelledby="utse">
      <h2 id="utse">{t.name}</h2>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <Select
          className="field"
          selectedKey={substituteId}
          onSelectionChange={(key) => setSubstituteId(key === null ? null : String(key))}
          placeholder={t.choose}
          isInvalid={Boolean(personErrors)}
          validationBehavior="aria"
        >
          <Label className="field__label">{t.substitute}</Label>
          <FieldError className="field__error">{personErrors?.join(' ')}</FieldError>
          <AriaButton className="select__button" id={FIELDS.substituteId.id}>
            <SelectValue />
            <span aria-hidden="true">▾</span>
          </AriaButton>
          <Popover className="select__popover">
            <ListBox className="select__list">
              {candidates.map((p) => (
                <ListBoxItem key={p.id} id={p.id} className="select__option" textValue={p.name}>
                  {p.name}
                  {p.title ? `, ${p.title}` : ''}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
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
    </section>
  );
}
