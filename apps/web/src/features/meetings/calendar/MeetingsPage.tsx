import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDate, formatIsoDate, todayInStockholm } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { type Meeting, meetingProblems, meetingsQuery } from '../meeting-queries';
import { meetingMessages as t } from '../messages';

const FIELDS = {
  meetingDate: { id: 'meeting-date', label: t.meetingDate },
  agendaDeadline: { id: 'agenda-deadline', label: t.agendaDeadline },
};

export function meetingState(m: Meeting, today = todayInStockholm()): string {
  return m.cancelled ? t.cancelled : m.meetingDate < today ? t.held : m.meetingDate === today ? t.today : t.coming;
}

/** Sammanträden: the board's calendar; the registrar adds meetings and cancels them. */
export function MeetingsPage() {
  const me = useMe();
  const query = useQuery(meetingsQuery);
  const client = useQueryClient();
  const registrar = hasRole(me, 'registrar');
  const [status, setStatus] = useState('');
  const cancel = useMutation({
    mutationFn: (m: Meeting) => unwrap(api.POST('/api/v1/meetings/{id}/cancel', { params: { path: { id: m.id } } })),
    onSuccess: (m) => {
      setStatus(t.cancelledMessage(formatDate(m.meetingDate)));
      return client.invalidateQueries({ queryKey: ['/api/v1/meetings'] });
    },
  });
  const today = todayInStockholm();
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      <section aria-labelledby="plan">
        <h2 id="plan">{t.calendar}</h2>
        <QueryState query={query}>
          {(meetings) =>
            meetings.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <table className="stack-table">
                <thead>
                  <tr>
                    <th scope="col">{t.meeting}</th>
                    <th scope="col">{t.agendaDeadline}</th>
                    <th scope="col">{t.state}</th>
                    {registrar ? (
                      <th scope="col">
                        <span className="visually-hidden">{t.cancel}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {meetings.map((m) => (
                    <tr key={m.id}>
                      <td data-label={t.meeting}>
                        <Link to={`/sammantraden/${m.id}`}>{t.meetingOf(formatDate(m.meetingDate))}</Link>
                      </td>
                      <td data-label={t.agendaDeadline} className="nowrap">
                        {formatIsoDate(m.agendaDeadline)}
                      </td>
                      <td data-label={t.state}>{meetingState(m, today)}</td>
                      {registrar ? (
                        <td data-label={t.cancel}>
                          {!m.cancelled && m.meetingDate >= today ? (
                            <Button
                              variant="secondary"
                              aria-label={t.cancelFor(formatDate(m.meetingDate))}
                              isPending={cancel.isPending && cancel.variables.id === m.id}
                              onPress={() => cancel.mutate(m)}
                            >
                              {t.cancel}
                            </Button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>
      {registrar ? <AddMeeting onAdded={setStatus} /> : null}
    </Page>
  );
}

function AddMeeting({ onAdded }: { onAdded: (message: string) => void }) {
  const client = useQueryClient();
  const [meetingDate, setMeetingDate] = useState('');
  const [agendaDeadline, setAgendaDeadline] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const add = useMutation({
    mutationFn: (body: { meetingDate: string; agendaDeadline: string }) =>
      unwrap(api.POST('/api/v1/meetings', { body })),
    onSuccess: (m) => {
      setProblems(NO_PROBLEMS);
      setMeetingDate('');
      setAgendaDeadline('');
      onAdded(t.added(formatDate(m.meetingDate)));
      return client.invalidateQueries({ queryKey: ['/api/v1/meetings'] });
    },
    onError: (error) => setProblems(meetingProblems(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ meetingDate, agendaDeadline });
  };
  return (
    <section aria-labelledby="lagg-till">
      <h2 id="lagg-till">{t.add}</h2>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.meetingDate.id}
          label={t.meetingDate}
          type="date"
          width="short"
          value={meetingDate}
          onChange={setMeetingDate}
          errors={problems.fields.get('meetingDate')}
        />
        <TextField
          id={FIELDS.agendaDeadline.id}
          label={t.agendaDeadline}
          type="date"
          width="short"
          value={agendaDeadline}
          onChange={setAgendaDeadline}
          errors={problems.fields.get('agendaDeadline')}
        />
        <Button type="submit" isPending={add.isPending}>
          {t.submitAdd}
        </Button>
      </form>
    </section>
  );
}
