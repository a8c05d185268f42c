import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { type FormProblems, formProblems, missingFields, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatIsoDate } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { peopleQuery } from '../../directory/people-query';
import { PersonSelect } from '../../directory/PersonSelect';
import { type Consultation, type Recipient, receivedQuery, waitsForAssignment } from '../incoming-queries';
import { incomingMessages as t } from '../messages';

type Received = Consultation & { readonly asRecipient: Recipient };

/**
 * Inkomna remisser: what came to the board, the ones still to assign first (each assigned to a
 * case officer, or declined with a reason), then the rest with their state.
 */
export function IncomingRemissesPage() {
  const query = useQuery(receivedQuery);
  const location = useLocation();
  const registered = (location.state as { registered?: string } | null)?.registered;
  const [status, setStatus] = useState(registered ? t.registered(registered) : '');
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <p>
        <Link className="button button--secondary" to="/inkomna-remisser/registrera">
          {t.register}
        </Link>
      </p>
      <StatusMessage text={status} />
      <QueryState query={query}>
        {(consultations) => {
          const received = consultations
            .filter((c): c is Received => c.asRecipient !== null)
            .sort((a, b) => a.asRecipient.responseDeadline.localeCompare(b.asRecipient.responseDeadline));
          const waiting = received.filter((c) => waitsForAssignment(c.asRecipient));
          const others = received.filter((c) => !waitsForAssignment(c.asRecipient));
          return (
            <>
              <section aria-labelledby="att-tilldela">
                <h2 id="att-tilldela">{t.toAssign}</h2>
                {waiting.length === 0 ? (
                  <p>{t.noneToAssign}</p>
                ) : (
                  <ul className="work-list">
                    {waiting.map((c) => (
                      <WaitingRemiss key={c.asRecipient.id} c={c} onDone={setStatus} />
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="ovriga">
                <h2 id="ovriga">{t.others}</h2>
                {others.length === 0 ? <p>{t.noOthers}</p> : <OtherRemisses received={others} />}
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function senderOf(c: Consultation): string {
  return c.outsideSender?.name ?? c.senderName;
}

function WaitingRemiss({ c, onDone }: { c: Received; onDone: (message: string) => void }) {
  const r = c.asRecipient;
  const [declining, setDeclining] = useState(false);
  const titleId = `remiss-${r.id}`;
  return (
    <li className="work-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="work-item__title">
        {c.title}
      </h3>
      <Facts
        items={[
          [t.sender, senderOf(c)],
          ...(c.senderDiaryNumber ? ([[t.senderReference, c.senderDiaryNumber]] as const) : []),
          [t.diaryNumber, r.diaryNumber ?? '–'],
          [t.deadline, `${formatIsoDate(r.responseDeadline)}${r.overdue ? ` (${t.overdue})` : ''}`],
          [t.state, t.states[r.state]],
        ]}
      />
      {declining ? (
        <DeclineForm c={c} onCancel={() => setDeclining(false)} onDone={onDone} />
      ) : (
        <AssignForm c={c} onDone={onDone} onDecline={() => setDeclining(true)} />
      )}
    </li>
  );
}

function useRefreshReceived() {
  const client = useQueryClient();
  return () => invalidatePaths(client, ['/api/v1/consultations', '/api/v1/my-work']);
}

function AssignForm({
  c,
  onDone,
  onDecline,
}: {
  c: Received;
  onDone: (message: string) => void;
  onDecline: () => void;
}) {
  const r = c.asRecipient;
  const fields = { personId: { id: `tilldela-${r.id}`, label: t.assignOfficer } };
  const people = useQuery(peopleQuery);
  const refresh = useRefreshReceived();
  const [personId, setPersonId] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const assign = useMutation({
    mutationFn: (person: { id: string; departmentId: string | null }) =>
      unwrap(
        api.POST('/api/v1/consultation-recipients/{id}/assign', {
          params: { path: { id: r.id } },
          body: { personId: person.id, ...(person.departmentId ? { departmentId: person.departmentId } : {}) },
        }),
      ),
    onError: (error) => setProblems(formProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const person = people.data?.find((p) => p.id === personId);
    if (!person) {
      setProblems(missingFields(fields, [['personId', t.officerRequired]]));
      return;
    }
    assign.mutate(person, {
      onSuccess: () => {
        onDone(t.assigned(c.title, person.name));
        void refresh();
      },
    });
  };
  return (
    <>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label={t.assignFor(c.title)}>
        <PersonSelect
          id={fields.personId.id}
          label={t.assignOfficer}
          placeholder={t.chooseOfficer}
          value={personId}
          onChange={setPersonId}
          errors={problems.fields.get('personId')}
          include={(p) => p.roles.some((role) => role.role === 'case_officer')}
        />
        <div className="button-row">
          <Button type="submit" isPending={assign.isPending}>
            {t.assign}
          </Button>
          <Button variant="secondary" onPress={onDecline} aria-label={t.declineFor(c.title)}>
            {t.decline}
          </Button>
        </div>
      </form>
    </>
  );
}

function DeclineForm({
  c,
  onCancel,
  onDone,
}: {
  c: Received;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const r = c.asRecipient;
  const fields = {
    reason: { id: `skal-${r.id}`, label: t.reason },
    decidedBy: { id: `beslutad-av-${r.id}`, label: t.decidedBy },
  };
  const refresh = useRefreshReceived();
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const decline = useMutation({
    mutationFn: (body: { reason: string; decidedBy: string }) =>
      unwrap(api.POST('/api/v1/consultation-recipients/{id}/decline', { params: { path: { id: r.id } }, body })),
    onError: (error) => setProblems(formProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: (readonly [keyof typeof fields, string])[] = [
      ...(reason.trim() === '' ? ([['reason', t.reasonRequired]] as const) : []),
      ...(decidedBy === null ? ([['decidedBy', t.decidedByRequired]] as const) : []),
    ];
    if (missing.length > 0 || decidedBy === null) {
      setProblems(missingFields(fields, missing));
      return;
    }
    decline.mutate(
      { reason: reason.trim(), decidedBy },
      {
        onSuccess: () => {
          onDone(t.declined(c.title));
          void refresh();
        },
      },
    );
  };
  return (
    <>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label={t.declineFor(c.title)}>
        <h4>{t.declineHeading}</h4>
        <TextField
          id={fields.reason.id}
          label={t.reason}
          description={t.reasonHint}
          multiline
          rows={3}
          value={reason}
          onChange={setReason}
          errors={problems.fields.get('reason')}
        />
        <PersonSelect
          id={fields.decidedBy.id}
          label={t.decidedBy}
          placeholder={t.chooseDecider}
          value={decidedBy}
          onChange={setDecidedBy}
          errors={problems.fields.get('decidedBy')}
        />
        <div className="button-row">
          <Button type="submit" isPending={decline.isPending}>
            {t.confirmDecline}
          </Button>
          <Button variant="secondary" onPress={onCancel}>
            {t.cancel}
          </Button>
        </div>
      </form>
    </>
  );
}

function OtherRemisses({ received }: { received: readonly Received[] }) {
  return (
    <table className="stack-table">
      <thead>
        <tr>
          <th scope="col">{t.remiss}</th>
          <th scope="col">{t.sender}</th>
          <th scope="col">{t.diaryNumber}</th>
          <th scope="col">{t.deadline}</th>
          <th scope="col">{t.state}</th>
          <th scope="col">{t.officer}</th>
        </tr>
      </thead>
      <tbody>
        {received.map((c) => (
          <tr key={c.asRecipient.id}>
            <td data-label={t.remiss}>{c.title}</td>
            <td data-label={t.sender}>{senderOf(c)}</td>
            <td data-label={t.diaryNumber} className="nowrap">
              {c.asRecipient.diaryNumber ?? '–'}
            </td>
            <td data-label={t.deadline} className="nowrap">
              {formatIsoDate(c.asRecipient.responseDeadline)}
            </td>
            <td data-label={t.state}>{t.states[c.asRecipient.state]}</td>
            <td data-label={t.officer}>{c.asRecipient.assignedPerson?.name ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
