import { useQuery } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, useId, useMemo, useRef, useState } from 'react';

import { Button } from '../../../ui/Button';
import { ErrorSummary, type SummaryItem } from '../../../ui/ErrorSummary';
import { type FormField, formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { problemText } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { peopleQuery } from '../../directory/people-query';
import { PersonOptions } from '../../directory/PersonOptions';
import { recordsPlanQuery } from '../../registry/registry-queries';
import {
  type Case,
  type RegisteredDocument,
  useCaseChange,
  useDocumentChange,
  useRegisterDocument,
} from './case-queries';
import { ACCEPTED_EXTENSIONS, checkFile, mediaTypeOf } from './file-check';
import { registrarMessages as t } from './registrar-messages';

/** The registrar's work on the case itself: its classification, its responsible officer, closing and reopening. */
export function CaseRegistry({ c }: { c: Case }) {
  const id = useId();
  const plan = useQuery(recordsPlanQuery);
  const people = useQuery(peopleQuery);
  const change = useCaseChange(c.id);
  const [done, setDone] = useState('');
  const [classification, setClassification] = useState(c.classificationCode ?? '');
  const [person, setPerson] = useState(c.responsiblePersonId ?? '');
  const run = (what: Parameters<typeof change.mutate>[0], message: string) => {
    setDone('');
    change.mutate(what, { onSuccess: () => setDone(message) });
  };
  // One list per answer: the summary takes focus whenever its list is new.
  const problems = useMemo<SummaryItem[]>(
    () => (change.error ? [{ message: problemText(change.error) }] : []),
    [change.error],
  );
  return (
    <section aria-labelledby={`${id}-rubrik`}>
      <h2 id={`${id}-rubrik`}>{t.registry}</h2>
      <ErrorSummary items={problems} />
      <StatusMessage text={done} />
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          run({ kind: 'classify', classificationCode: classification || null }, t.classified(classification));
        }}
      >
        <div className="field field--medium">
          <label className="field__label" htmlFor={`${id}-klass`}>
            {t.classification}
          </label>
          <select
            id={`${id}-klass`}
            className="field__input"
            value={classification}
            onChange={(e) => setClassification(e.target.value)}
          >
            <option value="">{t.noClassification}</option>
            {(plan.data ?? [])
              .filter((p) => p.active || p.code === c.classificationCode)
              .map((p) => (
                <option key={p.id} value={p.code}>
                  {p.code} {p.title}
                </option>
              ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t.classify}
        </Button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = people.data?.find((p) => p.id === person);
          if (chosen) {
            run({ kind: 'assign', personId: chosen.id }, t.assigned(chosen.name));
          }
        }}
      >
        <div className="field field--medium">
          <label className="field__label" htmlFor={`${id}-ansvarig`}>
            {t.responsible}
          </label>
          <select
            id={`${id}-ansvarig`}
            className="field__input"
            value={person}
            onChange={(e) => setPerson(e.target.value)}
          >
            <option value="">{t.choosePerson}</option>
            <PersonOptions />
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t.assign}
        </Button>
      </form>
      <div className="button-row">
        {c.status === 'open' ? (
          <Button variant="secondary" onPress={() => run({ kind: 'close' }, t.closedNow)}>
            {t.close}
          </Button>
        ) : (
          <Button variant="secondary" onPress={() => run({ kind: 'reopen' }, t.reopenedNow)}>
            {t.reopen}
          </Button>
        )}
      </div>
    </section>
  );
}

interface ChosenFile {
  readonly key: string;
  readonly file: File;
  title: string;
  /** The browser's check of its content: undefined while reading, null when it is what its name says. */
  problem: string | null | undefined;
  /** The API's answer for this file. */
  answer?: string;
}

const FIELDS: Readonly<Record<string, FormField>> = {
  direction: { id: 'registrera-riktning', label: t.direction },
  kind: { id: 'registrera-typ', label: t.kind },
  documentDate: { id: 'registrera-datum', label: t.documentDate },
  counterpart: { id: 'registrera-motpart', label: t.counterpart },
  file: { id: 'registrera-filer', label: t.files },
};

/** Registers incoming or outgoing documents in the case, one per file, dropped or chosen several at once. */
export function RegisterDocuments({ c }: { c: Case }) {
  const register = useRegisterDocument(c.id);
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming');
  const [kind, setKind] = useState('skrivelse');
  const [documentDate, setDocumentDate] = useState('');
  const [counterpart, setCounterpart] = useState(c.counterpart ?? '');
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [done, setDone] = useState('');
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const update = (key: string, patch: Partial<ChosenFile>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const add = (chosen: readonly File[]) => {
    setDone('');
    const added = chosen.map((file) => ({
      key: `${counter.current++}`,
      file,
      title: file.name.replace(/\.[^.]+$/, ''),
      problem: undefined,
    }));
    setFiles((list) => [...list, ...added]);
    for (const f of added) {
      void checkFile(f.file).then((problem) => update(f.key, { problem }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (files.length === 0) {
      setProblems({
        summary: [{ message: t.needFiles, fieldId: FIELDS.file!.id }],
        fields: new Map([['file', [t.needFiles]]]),
      });
      return;
    }
    if (files.some((f) => f.problem !== null)) {
      setProblems({
        summary: [{ message: t.fixFiles, fieldId: FIELDS.file!.id }],
        fields: new Map([['file', [t.fixFiles]]]),
      });
      return;
    }
    setProblems(NO_PROBLEMS);
    const registered: string[] = [];
    for (const f of files) {
      try {
        const document = await register.mutateAsync({
          direction,
          kind,
          title: f.title,
          documentDate,
          counterpart,
          file: f.file,
          mediaType: mediaTypeOf(f.file.name),
        });
        registered.push(f.key);
        setDone((before) => `${before} ${f.file.name}: ${t.registeredAs(document.documentNumber)}`.trim());
      } catch (error) {
        const placed = formProblems(error, FIELDS);
        // A problem with the file (its type, its size) stands by the file; others by their fields.
        const fileMessages = placed.fields.get('file') ?? placed.fields.get('title');
        update(f.key, { answer: fileMessages?.join(' ') ?? placed.summary.map((s) => s.message).join(' ') });
        setProblems(placed.fields.has('file') || placed.fields.has('title') ? NO_PROBLEMS : placed);
        break;
      }
    }
    setFiles((list) => list.filter((f) => !registered.includes(f.key)));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  };
  const fileErrors = problems.fields.get('file');
  return (
    <section aria-labelledby="registrera">
      <h2 id="registrera">{t.register}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary items={problems.summary} heading={t.errorHeading} />
        <StatusMessage text={done} />
        <fieldset className="field">
          <legend className="field__label">{t.direction}</legend>
          {(['incoming', 'outgoing'] as const).map((d) => (
            <div key={d} className="checkbox-field">
              <input
                type="radio"
                id={d === 'incoming' ? FIELDS.direction!.id : `${FIELDS.direction!.id}-${d}`}
                name="riktning"
                value={d}
                checked={direction === d}
                onChange={() => setDirection(d)}
              />
              <label htmlFor={d === 'incoming' ? FIELDS.direction!.id : `${FIELDS.direction!.id}-${d}`}>
                {d === 'incoming' ? t.incoming : t.outgoing}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={FIELDS.kind!.id}
          label={t.kind}
          description={t.kindHint}
          width="medium"
          value={kind}
          onChange={setKind}
          errors={problems.fields.get('kind')}
        />
        <TextField
          id={FIELDS.documentDate!.id}
          label={t.documentDate}
          description={t.documentDateHint}
          width="short"
          value={documentDate}
          onChange={setDocumentDate}
          errors={problems.fields.get('documentDate')}
        />
        <TextField
          id={FIELDS.counterpart!.id}
          label={t.counterpart}
          width="medium"
          value={counterpart}
          onChange={setCounterpart}
          errors={problems.fields.get('counterpart')}
        />
        <div
          className={`field file-drop${dragging ? ' file-drop--active' : ''}`}
          data-invalid={fileErrors ? true : undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label className="field__label" htmlFor={FIELDS.file!.id}>
            {t.files}
          </label>
          <span className="field__hint" id="registrera-filer-hint">
            {dragging ? t.dropHere : t.registerHint}
          </span>
          {fileErrors ? (
            <span className="field__error" id="registrera-filer-fel">
              {fileErrors.join(' ')}
            </span>
          ) : null}
          <input
            ref={input}
            id={FIELDS.file!.id}
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS}
            className="file-input"
            aria-describedby={`registrera-filer-hint${fileErrors ? ' registrera-filer-fel' : ''}`}
            aria-invalid={fileErrors ? true : undefined}
            onChange={(e) => {
              add([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
        {files.length === 0 ? (
          <p className="muted">{t.noFiles}</p>
        ) : (
          <ul className="upload-list">
            {files.map((f) => (
              <ChosenFileRow
                key={f.key}
                chosen={f}
                onTitle={(title) => update(f.key, { title, answer: undefined })}
                onRemove={() => setFiles((list) => list.filter((x) => x.key !== f.key))}
              />
            ))}
          </ul>
        )}
        <Button type="submit" isPending={register.isPending}>
          {t.registerButton}
        </Button>
      </form>
    </section>
  );
}

function ChosenFileRow({
  chosen,
  onTitle,
  onRemove,
}: {
  chosen: ChosenFile;
  onTitle: (title: string) => void;
  onRemove: () => void;
}) {
  const errors = [chosen.problem, chosen.answer].filter((m): m is string => Boolean(m));
  return (
    <li className="upload-list__item">
      <TextField
        label={t.fileTitle(chosen.file.name)}
        value={chosen.title}
        onChange={onTitle}
        errors={errors}
        description={chosen.problem === undefined ? t.checking : undefined}
      />
      <Button variant="link" onPress={onRemove}>
        {t.removeFile(chosen.file.name)}
      </Button>
    </li>
  );
}

type DocumentForm = 'secret' | 'lift' | 'annul';

/** A registered document's actions for the registrar: mark secret (with its ground), lift secrecy, annul. */
export function DocumentActions({ document }: { document: RegisteredDocument }) {
  const [open, setOpen] = useState<DocumentForm | null>(null);
  if (document.annulled) {
    return null;
  }
  return (
    <div className="document-actions">
      {open ? (
        <DocumentActionForm document={document} form={open} onClose={() => setOpen(null)} />
      ) : (
        <div className="button-row">
          {document.secrecy ? (
            <Button variant="secondary" aria-label={t.liftOf(document.documentNumber)} onPress={() => setOpen('lift')}>
              {t.lift}
            </Button>
          ) : (
            <Button
              variant="secondary"
              aria-label={t.markSecretOf(document.documentNumber)}
              onPress={() => setOpen('secret')}
            >
              {t.markSecret}
            </Button>
          )}
          <Button variant="secondary" aria-label={t.annulOf(document.documentNumber)} onPress={() => setOpen('annul')}>
            {t.annul}
          </Button>
        </div>
      )}
    </div>
  );
}

function DocumentActionForm({
  document,
  form,
  onClose,
}: {
  document: RegisteredDocument;
  form: DocumentForm;
  onClose: () => void;
}) {
  const id = useId();
  const change = useDocumentChange();
  const [text, setText] = useState('');
  const fields: Readonly<Record<string, FormField>> = useMemo(
    () => ({
      ground: { id: `${id}-grund`, label: t.ground },
      reason: { id: `${id}-skal`, label: form === 'annul' ? t.annulReason : t.liftReason },
    }),
    [id, form],
  );
  // One list per answer: the summary takes focus whenever its list is new.
  const problems = useMemo(
    () => (change.error ? formProblems(change.error, fields) : NO_PROBLEMS),
    [change.error, fields],
  );
  const heading = {
    secret: t.markSecretOf(document.documentNumber),
    lift: t.liftOf(document.documentNumber),
    annul: t.annulOf(document.documentNumber),
  }[form];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const change$ =
      form === 'secret'
        ? ({ kind: 'secret', id: document.id, ground: text } as const)
        : form === 'lift'
          ? ({ kind: 'lift', id: document.id, reason: text } as const)
          : ({ kind: 'annul', id: document.id, reason: text } as const);
    change.mutate(change$, { onSuccess: onClose });
  };
  const field = form === 'secret' ? 'ground' : 'reason';
  return (
    <form className="form document-action-form" aria-label={heading} onSubmit={submit} noValidate>
      <ErrorSummary items={problems.summary} />
      <TextField
        id={fields[field]!.id}
        label={fields[field]!.label}
        description={form === 'secret' ? t.groundHint : form === 'annul' ? t.annulHint : undefined}
        value={text}
        onChange={setText}
        errors={problems.fields.get(field)}
        autoFocus
      />
      <div className="button-row">
        <Button type="submit" variant={form === 'annul' ? 'warning' : 'primary'} isPending={change.isPending}>
          {form === 'secret' ? t.save : form === 'lift' ? t.lift : t.annul}
        </Button>
        <Button variant="secondary" onPress={onClose}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
