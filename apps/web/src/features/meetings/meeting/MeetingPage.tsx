import { parseMarkup, toPlainText } from '@app/markup';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { Link, useParams } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';
import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { type FormProblems, missingFields, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDate, formatIsoDate, todayInStockholm } from '../../../ui/format';
import { Markup } from '../../../ui/Markup';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { SelectField } from '../../../ui/SelectField';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { meetingState } from '../calendar/MeetingsPage';
import { agendaQuery, type Meeting, meetingProblems, meetingsQuery, type Statement } from '../meeting-queries';
import { meetingMessages as t } from '../messages';

type Decision = components['schemas']['DecisionResponse'];
type Outcome = Exclude<components['schemas']['DecisionOutcome'], 'declined'>;

/** What a decision, a confirmation or a move changes: the agenda, the statement, the work lists. */
function useRefresh() {
  const client = useQueryClient();
  return () => invalidatePaths(client, ['/api/v1/meetings', '/api/v1/statements', '/api/v1/my-work']);
}

/**
 * A meeting of the board: the tjänsteutlåtanden addressed to it, where the registrar records the
 * board's decision on each (and the confirmation of the minutes), or moves one to another meeting.
 */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const meetings = useQuery(meetingsQuery);
  return (
    <QueryState query={meetings}>
      {(all) => {
        const meeting = all.find((m) => m.id === meetingId);
        return meeting ? (
          <MeetingView meeting={meeting} meetings={all} />
        ) : (
          <Page title={t.title}>
            <p className="notice notice--error">{t.notFound}</p>
            <p>
              <Link to="/sammantraden">{t.back}</Link>
            </p>
          </Page>
        );
      }}
    </QueryState>
  );
}

function MeetingView({ meeting, meetings }: { meeting: Meeting; meetings: readonly Meeting[] }) {
  const agenda = useQuery(agendaQuery(meeting.id));
  const [status, setStatus] = useState('');
  return (
    <Page title={t.meetingOf(formatDate(meeting.meetingDate))} caption={t.caption}>
      <p>
        <Link to="/sammantraden">{t.back}</Link>
      </p>
      <Facts
        items={[
          [t.agendaDeadline, formatDate(meeting.agendaDeadline)],
          [t.state, meetingState(meeting)],
        ]}
      />
      <StatusMessage text={status} />
      <h2>{t.agenda}</h2>
      <QueryState query={agenda}>
        {(statements) =>
          statements.length === 0 ? (
            <p>{t.noAgenda}</p>
          ) : (
            statements.map((s) => (
              <AgendaItem key={s.id} s={s} meeting={meeting} meetings={meetings} onDone={setStatus} />
            ))
          )
        }
      </QueryState>
    </Page>
  );
}

function AgendaItem({
  s,
  meeting,
  meetings,
  onDone,
}: {
  s: Statement;
  meeting: Meeting;
  meetings: readonly Meeting[];
  onDone: (message: string) => void;
}) {
  const me = useMe();
  const registrar = hasRole(me, 'registrar');
  const title = s.revision.parts.title;
  const headingId = `arende-${s.id}`;
  const decision = s.decision?.meetingId === meeting.id ? s.decision : null;
  const held = !meeting.cancelled && meeting.meetingDate <= todayInStockholm();
  return (
    <article className="work-item" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <Facts
        items={[
          [t.diaryNumber, s.diaryNumber],
          [t.status, s.statusLabel],
        ]}
      />
      <p>
        <Link to={`/tjansteutlatanden/${s.id}`}>{t.open}</Link>
      </p>
      <h4>{t.proposal}</h4>
      <ol>
        {s.revision.parts.proposedDecision.map((point, i) => (
          <li key={i}>
            <Markup text={point} />
          </li>
        ))}
      </ol>
      {decision ? (
        <DecisionFacts decision={decision} title={title} registrar={registrar} onDone={onDone} />
      ) : registrar && s.status === 'approved' ? (
        <>
          {held ? <DecisionForm s={s} meeting={meeting} onDone={onDone} /> : <p className="muted">{t.notHeldYet}</p>}
          <MoveForm s={s} meeting={meeting} meetings={meetings} onDone={onDone} />
        </>
      ) : null}
    </article>
  );
}

function DecisionFacts({
  decision,
  title,
  registrar,
  onDone,
}: {
  decision: Decision;
  title: string;
  registrar: boolean;
  onDone: (message: string) => void;
}) {
  const confirmation = decision.confirmed
    ? decision.confirmedImmediately
      ? t.confirmedImmediately(formatIsoDate(decision.confirmationDate))
      : t.confirmed(formatIsoDate(decision.confirmationDate))
    : t.toBeConfirmed(formatIsoDate(decision.confirmationDate));
  return (
    <section aria-label={`${t.decision}: ${title}`}>
      <h4>{t.decision}</h4>
      <Facts
        items={[
          [t.paragraph, decision.paragraph],
          [t.outcome, t.outcomes[decision.outcome]],
          [t.decisionText, decision.amendedText ?? decision.decisionText],
          ...(decision.reservations ? ([[t.reservationsLabel, decision.reservations]] as const) : []),
          ...(decision.outcome === 'referred_back' ? [] : ([[t.confirmation, confirmation]] as const)),
        ]}
      />
      {registrar && !decision.confirmed && decision.outcome !== 'referred_back' ? (
        <ConfirmForm decision={decision} title={title} onDone={onDone} />
      ) : null}
    </section>
  );
}

function DecisionForm({ s, meeting, onDone }: { s: Statement; meeting: Meeting; onDone: (message: string) => void }) {
  const title = s.revision.parts.title;
  const fields = {
    paragraph: { id: `beslut-paragraf-${s.id}`, label: t.paragraph },
    decisionText: { id: `beslut-text-${s.id}`, label: t.decisionText },
    outcome: { id: `beslut-utfall-${s.id}`, label: t.outcome },
    amendedText: { id: `beslut-andrat-${s.id}`, label: t.amendedText },
    reservations: { id: `beslut-reservationer-${s.id}`, label: t.reservations },
    'confirmation.on': { id: `beslut-justering-${s.id}`, label: t.confirmationOn },
  };
  const refresh = useRefresh();
  const [paragraph, setParagraph] = useState('');
  const [decisionText, setDecisionText] = useState(() =>
    s.revision.parts.proposedDecision.map((p) => toPlainText(parseMarkup(p))).join('\n'),
  );
  const [outcome, setOutcome] = useState<Outcome>('adopted');
  const [amendedText, setAmendedText] = useState('');
  const [reservations, setReservations] = useState('');
  const [immediate, setImmediate] = useState(true);
  const [confirmationOn, setConfirmationOn] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const record = useMutation({
    mutationFn: (body: components['schemas']['DecisionDto']) =>
      unwrap(api.POST('/api/v1/statements/{id}/decision', { params: { path: { id: s.id } }, body })),
    onSuccess: async () => {
      onDone(t.recorded(title));
      await refresh();
    },
    onError: (error) => setProblems(meetingProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: (readonly [keyof typeof fields, string])[] = [
      ...(paragraph.trim() === '' ? ([['paragraph', t.paragraphRequired]] as const) : []),
      ...(outcome === 'adopted_with_amendments' && amendedText.trim() === ''
        ? ([['amendedText', t.amendedRequired]] as const)
        : []),
      ...(!immediate && confirmationOn === '' ? ([['confirmation.on', t.confirmationOnRequired]] as const) : []),
    ];
    if (missing.length > 0) {
      setProblems(missingFields(fields, missing));
      return;
    }
    record.mutate({
      meetingId: meeting.id,
      paragraph: paragraph.trim(),
      outcome,
      ...(decisionText.trim() ? { decisionText: decisionText.trim() } : {}),
      ...(outcome === 'adopted_with_amendments' ? { amendedText: amendedText.trim() } : {}),
      ...(reservations.trim() ? { reservations: reservations.trim() } : {}),
      confirmation: immediate ? { immediate: true } : { on: confirmationOn },
    });
  };
  const outcomeErrors = problems.fields.get('outcome');
  return (
    <section aria-label={t.recordFor(title)}>
      <h4>{t.record}</h4>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={fields.paragraph.id}
          label={t.paragraph}
          description={t.paragraphHint}
          width="short"
          value={paragraph}
          onChange={setParagraph}
          errors={problems.fields.get('paragraph')}
        />
        <TextField
          id={fields.decisionText.id}
          label={t.decisionText}
          description={t.decisionTextHint}
          multiline
          rows={4}
          value={decisionText}
          onChange={setDecisionText}
          errors={problems.fields.get('decisionText')}
        />
        <RadioGroup
          className="field"
          value={outcome}
          onChange={(value) => setOutcome(value as Outcome)}
          isInvalid={Boolean(outcomeErrors)}
        >
          <Label className="field__label">{t.outcome}</Label>
          {outcomeErrors ? (
            <Text slot="errorMessage" className="field__error">
              {outcomeErrors.join(' ')}
            </Text>
          ) : null}
          {(['adopted', 'adopted_with_amendments', 'referred_back'] as const).map((o, i) => (
            <Radio key={o} value={o} className="radio" id={i === 0 ? fields.outcome.id : undefined}>
              {t.outcomes[o]}
            </Radio>
          ))}
        </RadioGroup>
        {outcome === 'adopted_with_amendments' ? (
          <TextField
            id={fields.amendedText.id}
            label={t.amendedText}
            multiline
            rows={4}
            value={amendedText}
            onChange={setAmendedText}
            errors={problems.fields.get('amendedText')}
          />
        ) : null}
        <TextField
          id={fields.reservations.id}
          label={t.reservations}
          description={t.reservationsHint}
          multiline
          rows={2}
          value={reservations}
          onChange={setReservations}
          errors={problems.fields.get('reservations')}
        />
        <RadioGroup
          className="field"
          value={immediate ? 'immediate' : 'later'}
          onChange={(v) => setImmediate(v === 'immediate')}
        >
          <Label className="field__label">{t.confirmation}</Label>
          <Radio value="immediate" className="radio">
            {t.immediate}
          </Radio>
          <Radio value="later" className="radio">
            {t.later}
          </Radio>
        </RadioGroup>
        {immediate ? null : (
          <TextField
            id={fields['confirmation.on'].id}
            label={t.confirmationOn}
            description={t.confirmationOnHint}
            type="date"
            width="short"
            value={confirmationOn}
            onChange={setConfirmationOn}
            errors={problems.fields.get('confirmation.on')}
          />
        )}
        <Button type="submit" isPending={record.isPending}>
          {t.record}
        </Button>
      </form>
    </section>
  );
}

function ConfirmForm({
  decision,
  title,
  onDone,
}: {
  decision: Decision;
  title: string;
  onDone: (message: string) => void;
}) {
  const fields = { confirmedOn: { id: `justera-${decision.id}`, label: t.confirmedOn } };
  const refresh = useRefresh();
  const [confirmedOn, setConfirmedOn] = useState(todayInStockholm());
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/board-decisions/{id}/confirm', {
          params: { path: { id: decision.id } },
          body: { confirmedOn },
        }),
      ),
    onSuccess: async () => {
      onDone(t.confirmedMessage(title));
      await refresh();
    },
    onError: (error) => setProblems(meetingProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label={t.confirmFor(title)}>
        <TextField
          id={fields.confirmedOn.id}
          label={t.confirmedOn}
          description={t.confirmedOnHint}
          type="date"
          width="short"
          value={confirmedOn}
          onChange={setConfirmedOn}
          errors={problems.fields.get('confirmedOn')}
        />
        <Button type="submit" isPending={confirm.isPending}>
          {t.confirm}
        </Button>
      </form>
    </>
  );
}

function MoveForm({
  s,
  meeting,
  meetings,
  onDone,
}: {
  s: Statement;
  meeting: Meeting;
  meetings: readonly Meeting[];
  onDone: (message: string) => void;
}) {
  const title = s.revision.parts.title;
  const fields = { meetingId: { id: `flytta-${s.id}`, label: t.moveTo } };
  const refresh = useRefresh();
  const today = todayInStockholm();
  const targets = meetings.filter((m) => m.id !== meeting.id && !m.cancelled && m.meetingDate >= today);
  const [target, setTarget] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const move = useMutation({
    mutationFn: (meetingId: string) =>
      unwrap(api.POST('/api/v1/statements/{id}/meeting', { params: { path: { id: s.id } }, body: { meetingId } })),
    onSuccess: async (moved) => {
      onDone(t.moved(title, moved.meeting ? formatDate(moved.meeting.meetingDate) : ''));
      await refresh();
    },
    onError: (error) => setProblems(meetingProblems(error, fields)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblems(missingFields(fields, [['meetingId', t.moveRequired]]));
      return;
    }
    move.mutate(target);
  };
  return (
    <section aria-label={t.moveFor(title)}>
      <h4>{t.move}</h4>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          id={fields.meetingId.id}
          label={t.moveTo}
          placeholder={t.chooseMeeting}
          value={target}
          onChange={setTarget}
          errors={problems.fields.get('meetingId')}
          options={targets.map((m) => ({
            id: m.id,
            label: t.meetingOf(formatDate(m.meetingDate)),
            textValue: formatDate(m.meetingDate),
          }))}
        />
        <Button type="submit" variant="secondary" isPending={move.isPending}>
          {t.submitMove}
        </Button>
      </form>
    </section>
  );
}
