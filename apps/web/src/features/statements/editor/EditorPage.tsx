import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { Link, useParams } from 'react-router';

import { ApiError } from '../../../api/problem';
import { readDraft, removeDraft, type StoredDraft, writeDraft } from '../../../app/drafts';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormField, type FormProblems, formProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDate, formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { caseDocumentsQuery } from '../../cases/case/case-queries';
import { departmentsQuery, peopleQuery } from '../../directory/people-query';
import { PART_LABEL } from '../messages';
import { PreviewLink } from '../PreviewLink';
import { type PartsInput, revisionQuery, type Statement, statementQuery, useSaveStatement } from '../statement-queries';
import { ConflictView } from './ConflictView';
import { comingMeetingsQuery } from './meetings-query';
import { editorMessages as t } from './messages';
import { conflictsOf, type PartConflict, toInput } from './parts-form';
import { RichTextField } from './RichTextField';
import './editor.css';

/** Tjänsteutlåtande editor: loaded only when opened (its own chunk, with the text editor). */
export default function EditorPage() {
  const { statementId = '' } = useParams();
  const query = useQuery(statementQuery(statementId));
  return (
    <QueryState query={query}>
      {(statement) =>
        statement.status === 'drafting' ? (
          <Editor key={statement.id} statement={statement} />
        ) : (
          <Page title={t.title} caption={t.caption(statement.diaryNumber)}>
            <p className="notice">{t.notDraft}</p>
            <p>
              <Link to={`/tjansteutlatanden/${statement.id}`}>{t.toStatement}</Link>
            </p>
          </Page>
        )
      }
    </QueryState>
  );
}

interface Conflict {
  readonly theirs: Statement;
  readonly base: PartsInput;
  readonly conflicts: readonly PartConflict[];
}

function fieldsOf(statement: Statement, parts: PartsInput): Record<string, FormField> {
  const fields: Record<string, FormField> = {
    'parts.title': { id: 'part-title', label: PART_LABEL.title },
    'parts.heading': { id: 'part-heading', label: PART_LABEL.heading },
    'parts.proposedDecision': { id: 'part-decision-0', label: PART_LABEL.proposedDecision },
    'parts.summary': { id: 'part-summary', label: PART_LABEL.summary },
    'parts.background': { id: 'part-background', label: PART_LABEL.background },
    'parts.matter': { id: 'part-matter', label: PART_LABEL.matter },
    'parts.preparation': { id: 'part-preparation-text', label: t.preparationText },
    'parts.preparation.consultedDepartmentIds': { id: 'part-consulted', label: t.consulted },
    'parts.preparation.unionsInformedOn': { id: 'part-unions-on', label: t.unionsInformedOn },
    'parts.preparation.unionForum': { id: 'part-union-forum', label: t.unionForum },
    'parts.views': { id: 'part-views', label: PART_LABEL.views },
    'parts.position': { id: 'part-position', label: t.position },
    'parts.sections': { id: 'part-section-0-comment', label: PART_LABEL.sections },
    'parts.attachments': { id: 'part-attachments', label: t.attachments },
    'parts.meetingId': { id: 'part-meeting', label: t.meeting },
    'parts.documentDate': { id: 'part-document-date', label: t.documentDate },
  };
  parts.proposedDecision.forEach((_, i) => {
    fields[`parts.proposedDecision.${i}`] = { id: `part-decision-${i}`, label: t.decisionPoint(i + 1) };
  });
  parts.sections.forEach((answer, i) => {
    const title = statement.remissSections.find((s) => s.id === answer.sectionId)?.title ?? String(i + 1);
    fields[`parts.sections.${i}.comment`] = { id: `part-section-${i}-comment`, label: t.sectionComment(title) };
    fields[`parts.sections.${i}.position`] = { id: `part-section-${i}-position`, label: t.sectionPosition(title) };
  });
  return fields;
}

function Editor({ statement }: { statement: Statement }) {
  const me = useMe();
  const personId = me.person!.id;
  const client = useQueryClient();
  const save = useSaveStatement(statement.id);
  const [base, setBase] = useState(statement.currentRevision);
  const [form, setForm] = useState<PartsInput>(() => toInput(statement.revision.parts));
  const [dirty, setDirty] = useState(false);
  const [offer, setOffer] = useState<StoredDraft<PartsInput> | null>(() => {
    const draft = readDraft<PartsInput>(personId, statement.id);
    return draft && JSON.stringify(draft.value) !== JSON.stringify(toInput(statement.revision.parts)) ? draft : null;
  });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const meetings = useQuery(comingMeetingsQuery);
  const people = useQuery(peopleQuery);

  // Every keystroke is kept in the browser until it is saved: a reload or an expired session
  // loses nothing.
  useEffect(() => {
    if (dirty) {
      writeDraft(personId, statement.id, base, form);
    }
  }, [dirty, form, base, personId, statement.id]);

  const change = useCallback((update: (parts: PartsInput) => PartsInput) => {
    setForm((parts) => update(parts));
    setDirty(true);
    setOffer(null);
  }, []);

  const fields = useMemo(() => fieldsOf(statement, form), [statement, form]);

  /** Someone saved since this text's base: compare it, part by part, with what they saved. */
  const openConflict = useCallback(
    async (parts: PartsInput, baseRevision: number) => {
      try {
        const theirs = await client.fetchQuery({ ...statementQuery(statement.id), staleTime: 0 });
        const started = toInput((await client.fetchQuery(revisionQuery(statement.id, baseRevision))).parts);
        setConflict({ theirs, base: started, conflicts: conflictsOf(started, parts, toInput(theirs.revision.parts)) });
        setProblems(NO_PROBLEMS);
      } catch (error) {
        setProblems(formProblems(error, {}));
      }
    },
    [client, statement.id],
  );

  const submit = useCallback(
    (parts: PartsInput, baseRevision: number) => {
      setStatus(t.saving);
      save.mutate(
        { baseRevision, parts },
        {
          onSuccess: (saved) => {
            removeDraft(personId, statement.id);
            setBase(saved.currentRevision);
            setForm(parts);
            setDirty(false);
            setConflict(null);
            setProblems(NO_PROBLEMS);
            setStatus(t.savedAs(saved.currentRevision));
          },
          onError: (error) => {
            setStatus('');
            if (error instanceof ApiError && error.code === 'statement.stale_revision') {
              void openConflict(parts, baseRevision);
              return;
            }
            setProblems(formProblems(error, fieldsOf(statement, parts)));
          },
        },
      );
    },
    [openConflict, personId, save, statement],
  );

  // Ctrl+S (⌘S) saves wherever the focus is.
  const saveNow = useEffectEvent(() => submit(form, base));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const meetingDate = (id: string) =>
    meetings.data?.find((m) => m.id === id)?.meetingDate ??
    (statement.meeting?.id === id ? statement.meeting.meetingDate : undefined);

  if (conflict) {
    const theirRevision = conflict.theirs.currentRevision;
    const author = people.data?.find((p) => p.id === conflict.theirs.revision.authorId)?.name;
    const resolve = (merged: PartsInput) => {
      setBase(theirRevision);
      setForm(merged);
      setDirty(true);
      setConflict(null);
      return merged;
    };
    return (
      <Page title={t.title} caption={t.caption(statement.diaryNumber)}>
        <ConflictView
          statement={statement}
          mine={form}
          theirs={toInput(conflict.theirs.revision.parts)}
          theirRevision={theirRevision}
          theirAuthor={author ?? '…'}
          conflicts={conflict.conflicts}
          meetingDate={meetingDate}
          isSaving={save.isPending}
          onSave={(merged) => submit(resolve(merged), theirRevision)}
          onEdit={(merged) => void resolve(merged)}
        />
      </Page>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(form, base);
  };
  const errorsOf = (name: string) => problems.fields.get(name);

  return (
    <Page title={t.title} caption={t.caption(statement.diaryNumber)}>
      <p>{t.intro}</p>
      {offer ? (
        <div className="notice notice--warning" role="region" aria-label={t.unsaved}>
          <p>{t.unsavedSince(formatDateTime(offer.savedAt))}</p>
          <div className="button-row">
            <Button
              onPress={() => {
                setForm(offer.value);
                setBase(offer.baseRevision);
                setDirty(true);
                setOffer(null);
                setStatus(t.restored);
              }}
            >
              {t.restore}
            </Button>
            <Button
              variant="secondary"
              onPress={() => {
                removeDraft(personId, statement.id);
                setOffer(null);
              }}
            >
              {t.discard}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorSummary items={problems.summary} heading={t.errorHeading} />
      <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t.title}>
        <TextField
          id={fields['parts.title']!.id}
          label={PART_LABEL.title}
          value={form.title}
          onChange={(title) => change((p) => ({ ...p, title }))}
          errors={errorsOf('parts.title')}
        />
        <TextField
          id={fields['parts.heading']!.id}
          label={PART_LABEL.heading}
          value={form.heading}
          onChange={(heading) => change((p) => ({ ...p, heading }))}
          errors={errorsOf('parts.heading')}
        />
        <DecisionPoints form={form} change={change} errorsOf={errorsOf} />
        <RichTextField
          id={fields['parts.summary']!.id}
          label={PART_LABEL.summary}
          description={t.richHint}
          value={form.summary}
          onChange={(summary) => change((p) => ({ ...p, summary }))}
          errors={errorsOf('parts.summary')}
        />
        <RichTextField
          id={fields['parts.background']!.id}
          label={PART_LABEL.background}
          value={form.background}
          onChange={(background) => change((p) => ({ ...p, background }))}
          errors={errorsOf('parts.background')}
        />
        <RichTextField
          id={fields['parts.matter']!.id}
          label={PART_LABEL.matter}
          value={form.matter}
          onChange={(matter) => change((p) => ({ ...p, matter }))}
          errors={errorsOf('parts.matter')}
        />
        <Preparation form={form} change={change} errorsOf={errorsOf} />
        <RichTextField
          id={fields['parts.views']!.id}
          label={PART_LABEL.views}
          value={form.views}
          onChange={(views) => change((p) => ({ ...p, views }))}
          errors={errorsOf('parts.views')}
        />
        <PositionField
          id={fields['parts.position']!.id}
          label={t.position}
          value={form.position ?? null}
          onChange={(position) => change((p) => ({ ...p, position }))}
          errors={errorsOf('parts.position')}
        />
        {form.sections.map((answer, i) => {
          const title = statement.remissSections.find((s) => s.id === answer.sectionId)?.title ?? String(i + 1);
          const setAnswer = (next: Partial<typeof answer>) =>
            change((p) => ({ ...p, sections: p.sections.map((a, j) => (j === i ? { ...a, ...next } : a)) }));
          return (
            <fieldset key={answer.sectionId} className="fieldset">
              <legend>{title}</legend>
              <PositionField
                id={`part-section-${i}-position`}
                label={t.sectionPosition(title)}
                value={answer.position ?? null}
                onChange={(position) => setAnswer({ position })}
                errors={errorsOf(`parts.sections.${i}.position`)}
              />
              <RichTextField
                id={`part-section-${i}-comment`}
                label={t.sectionComment(title)}
                value={answer.comment}
                onChange={(comment) => setAnswer({ comment })}
                errors={errorsOf(`parts.sections.${i}.comment`) ?? (i === 0 ? errorsOf('parts.sections') : undefined)}
              />
            </fieldset>
          );
        })}
        <Attachments statement={statement} form={form} change={change} errors={errorsOf('parts.attachments')} />
        <MeetingField
          statement={statement}
          value={form.meetingId ?? null}
          onChange={(meetingId) => change((p) => ({ ...p, meetingId }))}
          errors={errorsOf('parts.meetingId')}
        />
        <TextField
          id={fields['parts.documentDate']!.id}
          label={t.documentDate}
          type="date"
          width="short"
          value={form.documentDate}
          onChange={(documentDate) => change((p) => ({ ...p, documentDate }))}
          errors={errorsOf('parts.documentDate')}
        />
        <div className="save-bar">
          <Button type="submit" isPending={save.isPending}>
            {t.save}
          </Button>
          <p role="status" className="save-bar__status">
            {status}
          </p>
          <Link to={`/tjansteutlatanden/${statement.id}`}>{t.toStatement}</Link>
          <PreviewLink statementId={statement.id} revision={base} />
        </div>
      </form>
    </Page>
  );
}

type Change = (update: (parts: PartsInput) => PartsInput) => void;
type ErrorsOf = (name: string) => readonly string[] | undefined;

function DecisionPoints({ form, change, errorsOf }: { form: PartsInput; change: Change; errorsOf: ErrorsOf }) {
  return (
    <fieldset className="fieldset">
      <legend>{t.decisionPoints}</legend>
      <ol className="decision-points">
        {form.proposedDecision.map((point, i) => (
          <li key={i}>
            <TextField
              id={`part-decision-${i}`}
              label={t.decisionPoint(i + 1)}
              multiline
              rows={2}
              value={point}
              onChange={(text) =>
                change((p) => ({ ...p, proposedDecision: p.proposedDecision.map((x, j) => (j === i ? text : x)) }))
              }
              errors={
                errorsOf(`parts.proposedDecision.${i}`) ?? (i === 0 ? errorsOf('parts.proposedDecision') : undefined)
              }
            />
            {form.proposedDecision.length > 1 ? (
              <Button
                variant="link"
                onPress={() =>
                  change((p) => ({ ...p, proposedDecision: p.proposedDecision.filter((_, j) => j !== i) }))
                }
              >
                {t.removeDecisionPoint(i + 1)}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onPress={() => change((p) => ({ ...p, proposedDecision: [...p.proposedDecision, ''] }))}
      >
        {t.addDecisionPoint}
      </Button>
    </fieldset>
  );
}

function Preparation({ form, change, errorsOf }: { form: PartsInput; change: Change; errorsOf: ErrorsOf }) {
  const departments = useQuery(departmentsQuery);
  const setPreparation = (next: Partial<PartsInput['preparation']>) =>
    change((p) => ({ ...p, preparation: { ...p.preparation, ...next } }));
  const consultedErrors = errorsOf('parts.preparation.consultedDepartmentIds');
  return (
    <fieldset className="fieldset">
      <legend>{t.preparation}</legend>
      <RichTextField
        id="part-preparation-text"
        label={t.preparationText}
        value={form.preparation.text}
        onChange={(text) => setPreparation({ text })}
        errors={errorsOf('parts.preparation.text') ?? errorsOf('parts.preparation')}
      />
      <CheckboxGroup
        className="field"
        value={form.preparation.consultedDepartmentIds}
        onChange={(consultedDepartmentIds) => setPreparation({ consultedDepartmentIds })}
        isInvalid={Boolean(consultedErrors)}
        validationBehavior="aria"
      >
        <Label className="field__label">{t.consulted}</Label>
        {consultedErrors ? (
          <Text slot="errorMessage" className="field__error">
            {consultedErrors.join(' ')}
          </Text>
        ) : null}
        {(departments.data ?? []).map((d, i) => (
          <Checkbox key={d.id} value={d.id} className="checkbox" id={i === 0 ? 'part-consulted' : undefined}>
            {d.name}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <TextField
        id="part-unions-on"
        label={t.unionsInformedOn}
        type="date"
        width="short"
        value={form.preparation.unionsInformedOn ?? ''}
        onChange={(value) => setPreparation({ unionsInformedOn: value || null })}
        errors={errorsOf('parts.preparation.unionsInformedOn')}
      />
      <TextField
        id="part-union-forum"
        label={t.unionForum}
        description={t.unionForumHint}
        width="medium"
        value={form.preparation.unionForum ?? ''}
        onChange={(value) => setPreparation({ unionForum: value || null })}
        errors={errorsOf('parts.preparation.unionForum')}
      />
    </fieldset>
  );
}

function PositionField({
  id,
  label,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  value: PartsInput['position'];
  onChange: (position: PartsInput['position']) => void;
  errors?: readonly string[];
}) {
  return (
    <RadioGroup
      className="field"
      value={value ?? 'none'}
      onChange={(next) => onChange(next === 'none' ? null : (next as NonNullable<PartsInput['position']>))}
      isInvalid={Boolean(errors)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {errors ? (
        <Text slot="errorMessage" className="field__error">
          {errors.join(' ')}
        </Text>
      ) : null}
      <div className="radios radios--inline">
        {(Object.keys(t.positions) as (keyof typeof t.positions)[]).map((position, i) => (
          <Radio key={position} value={position} className="radio" id={i === 0 ? id : undefined}>
            {t.positions[position]}
          </Radio>
        ))}
        <Radio value="none" className="radio">
          {t.noPosition}
        </Radio>
      </div>
    </RadioGroup>
  );
}

function Attachments({
  statement,
  form,
  change,
  errors,
}: {
  statement: Statement;
  form: PartsInput;
  change: Change;
  errors?: readonly string[];
}) {
  const documents = useQuery(caseDocumentsQuery(statement.caseId));
  const usable = (documents.data ?? []).filter((d) => !d.annulled);
  const chosen = form.attachments.filter((a) => a.registeredDocumentId).map((a) => a.registeredDocumentId!);
  const others = form.attachments.filter((a) => !a.registeredDocumentId);
  return (
    <div className="fieldset">
      <CheckboxGroup
        className="field"
        value={chosen}
        onChange={(ids) =>
          change((p) => ({
            ...p,
            attachments: [
              // In the order of the case's documents, then those that are not documents of the case.
              ...usable.filter((d) => ids.includes(d.id)).map((d) => ({ title: d.title, registeredDocumentId: d.id })),
              ...p.attachments.filter((a) => !a.registeredDocumentId),
            ],
          }))
        }
        isInvalid={Boolean(errors)}
        validationBehavior="aria"
      >
        <Label className="field__label">{t.attachments}</Label>
        <Text slot="description" className="field__hint">
          {t.attachmentsHint}
        </Text>
        {errors ? (
          <Text slot="errorMessage" className="field__error">
            {errors.join(' ')}
          </Text>
        ) : null}
        {usable.map((d, i) => (
          <Checkbox key={d.id} value={d.id} className="checkbox" id={i === 0 ? 'part-attachments' : undefined}>
            {d.documentNumber} {d.title}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {others.length ? (
        <ul className="attachment-list">
          {others.map((a) => (
            <li key={a.title}>
              {t.otherAttachment(a.title)}{' '}
              <Button
                variant="link"
                onPress={() => change((p) => ({ ...p, attachments: p.attachments.filter((x) => x !== a) }))}
              >
                {t.removeAttachment(a.title)}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function MeetingField({
  statement,
  value,
  onChange,
  errors,
}: {
  statement: Statement;
  value: string | null;
  onChange: (meetingId: string | null) => void;
  errors?: readonly string[];
}) {
  const meetings = useQuery(comingMeetingsQuery);
  const open = (meetings.data ?? []).filter((m) => !m.cancelled);
  const schedule = statement.schedule;
  return (
    <RadioGroup
      className="field"
      value={value ?? 'none'}
      onChange={(next) => onChange(next === 'none' ? null : next)}
      isInvalid={Boolean(errors)}
      validationBehavior="aria"
    >
      <Label className="field__label">{t.meeting}</Label>
      {schedule?.deadlineBeforeNextMeeting && schedule.responseDeadline ? (
        <Text slot="description" className="field__warning">
          {t.deadlineWarning(formatDate(schedule.responseDeadline))} {schedule.options.map((o) => o.label).join(' ')}
        </Text>
      ) : null}
      {errors ? (
        <Text slot="errorMessage" className="field__error">
          {errors.join(' ')}
        </Text>
      ) : null}
      {open.length === 0 ? <p className="muted">{t.noMeetings}</p> : null}
      {open.map((m, i) => (
        <Radio key={m.id} value={m.id} className="radio" id={i === 0 ? 'part-meeting' : undefined}>
          {t.meetingOption(formatDate(m.meetingDate), formatDate(m.agendaDeadline))}
        </Radio>
      ))}
      <Radio value="none" className="radio" id={open.length === 0 ? 'part-meeting' : undefined}>
        {t.noMeetingChosen}
      </Radio>
    </RadioGroup>
  );
}
