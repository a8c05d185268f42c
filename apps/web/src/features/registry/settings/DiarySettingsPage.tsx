import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { type FormProblems, missingFields, NO_PROBLEMS } from '../../../ui/form-problems';
import { Facts } from '../../../ui/Facts';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { problemsOf } from '../../administration/field-problems';
import { type RecordsPlanEntry, recordsPlanQuery } from '../registry-queries';
import { diarySettingsMessages as t } from './messages';

type DiarySeries = components['schemas']['DiarySeriesResponse'];

const seriesQuery = {
  queryKey: ['/api/v1/registry/series'],
  queryFn: () => unwrap(api.GET('/api/v1/registry/series')),
} as const;

const SERIES_FIELDS = { nextNumber: { id: 'series-next-number', label: t.series.number } };
const FORMAT_FIELDS = {
  template: { id: 'format-template', label: t.format.template },
  documentSeparator: { id: 'format-separator', label: t.format.separator },
};
const PLAN_FIELDS = {
  code: { id: 'plan-code', label: t.plan.code },
  title: { id: 'plan-title', label: t.plan.title },
};
const EDIT_FIELDS = { title: { id: 'plan-edit-title', label: t.plan.title } };

/** Inställningar för diariet: the registrar's series, its number format and the records plan. */
export function DiarySettingsPage() {
  const series = useQuery(seriesQuery);
  const [status, setStatus] = useState('');
  return (
    <Page title={t.title}>
      <p>
        <Link to="/diariet">{t.back}</Link>
      </p>
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      <QueryState query={series}>
        {(current) => (
          <>
            <SeriesSection series={current} onSaved={setStatus} />
            <FormatSection series={current} onSaved={setStatus} />
          </>
        )}
      </QueryState>
      <RecordsPlanSection onSaved={setStatus} />
    </Page>
  );
}

function SeriesSection({ series, onSaved }: { series: DiarySeries; onSaved: (message: string) => void }) {
  const client = useQueryClient();
  const [nextNumber, setNextNumber] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const save = useMutation({
    mutationFn: (next: number) =>
      unwrap(
        api.PUT('/api/v1/registry/series/{year}', {
          params: { path: { year: series.year } },
          body: { nextNumber: next },
        }),
      ),
    onSuccess: (saved) => {
      setProblems(NO_PROBLEMS);
      setNextNumber('');
      client.setQueryData(seriesQuery.queryKey, saved);
      onSaved(t.series.saved(saved.nextDiaryNumber ?? String(saved.nextNumber)));
    },
    onError: (error) =>
      setProblems(problemsOf(error, SERIES_FIELDS, { 'registry.series_start_too_low': 'nextNumber' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = nextNumber.trim();
    if (!/^[1-9][0-9]{0,8}$/.test(value)) {
      setProblems(missingFields(SERIES_FIELDS, [['nextNumber', t.series.notANumber]]));
      return;
    }
    save.mutate(Number(value));
  };
  return (
    <section aria-labelledby="diarieserie">
      <h2 id="diarieserie">{t.series.heading}</h2>
      <Facts
        items={[
          [t.series.facts(series.prefix, series.year), series.nextDiaryNumber ?? t.series.unknown],
          [t.series.nextNumber, String(series.nextNumber)],
        ]}
      />
      <h3>{t.series.continueHeading}</h3>
      <p>{t.series.continueHint}</p>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label={t.series.continueHeading}>
        <TextField
          id={SERIES_FIELDS.nextNumber.id}
          label={t.series.number}
          description={t.series.numberHint}
          inputMode="numeric"
          value={nextNumber}
          onChange={setNextNumber}
          errors={problems.fields.get('nextNumber')}
          width="short"
        />
        <Button type="submit" isPending={save.isPending}>
          {t.series.save}
        </Button>
      </form>
    </section>
  );
}

function FormatSection({ series, onSaved }: { series: DiarySeries; onSaved: (message: string) => void }) {
  const client = useQueryClient();
  const [template, setTemplate] = useState(series.template);
  const [separator, setSeparator] = useState(series.documentSeparator);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/registry/series/format', {
          body: { template: template.trim(), documentSeparator: separator.trim() || '-' },
        }),
      ),
    onSuccess: (saved) => {
      setProblems(NO_PROBLEMS);
      setTemplate(saved.template);
      setSeparator(saved.documentSeparator);
      client.setQueryData(seriesQuery.queryKey, saved);
      onSaved(t.format.saved(saved.nextDiaryNumber));
    },
    onError: (error) => setProblems(problemsOf(error, FORMAT_FIELDS, { 'registry.diary_format_fixed': 'template' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!template.trim()) {
      setProblems(missingFields(FORMAT_FIELDS, [['template', t.format.missingTemplate]]));
      return;
    }
    save.mutate();
  };
  return (
    <section aria-labelledby="nummerformat">
      <h2 id="nummerformat">{t.format.heading}</h2>
      <p>{t.format.hint}</p>
      <Facts items={[[t.format.example, series.nextDiaryNumber ?? t.format.exampleUnknown]]} />
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label={t.format.heading}>
        <TextField
          id={FORMAT_FIELDS.template.id}
          label={t.format.template}
          value={template}
          onChange={setTemplate}
          errors={problems.fields.get('template')}
          width="medium"
        />
        <TextField
          id={FORMAT_FIELDS.documentSeparator.id}
          label={t.format.separator}
          description={t.format.separatorHint}
          value={separator}
          onChange={setSeparator}
          errors={problems.fields.get('documentSeparator')}
          width="short"
        />
        <Button type="submit" isPending={save.isPending}>
          {t.format.save}
        </Button>
      </form>
    </section>
  );
}

function RecordsPlanSection({ onSaved }: { onSaved: (message: string) => void }) {
  const plan = useQuery(recordsPlanQuery);
  const [editing, setEditing] = useState<RecordsPlanEntry | null>(null);
  return (
    <section aria-labelledby="dokumenthanteringsplan">
      <h2 id="dokumenthanteringsplan">{t.plan.heading}</h2>
      <QueryState query={plan}>
        {(entries) =>
          entries.length === 0 ? (
            <p>{t.plan.none}</p>
          ) : (
            <table className="stack-table">
              <caption className="visually-hidden">{t.plan.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.plan.code}</th>
                  <th scope="col">{t.plan.title}</th>
                  <th scope="col">{t.plan.state}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.plan.edit}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td data-label={t.plan.code} className="nowrap">
                      {entry.code}
                    </td>
                    <td data-label={t.plan.title}>{entry.title}</td>
                    <td data-label={t.plan.state}>{entry.active ? t.plan.active : t.plan.inactive}</td>
                    <td data-label={t.plan.edit}>
                      <Button variant="link" aria-label={t.plan.editOf(entry.code)} onPress={() => setEditing(entry)}>
                        {t.plan.edit}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
      {editing ? (
        <EditEntry
          key={editing.id}
          entry={editing}
          onDone={(message) => {
            setEditing(null);
            if (message) {
              onSaved(message);
            }
          }}
        />
      ) : (
        <NewEntry onSaved={onSaved} />
      )}
    </section>
  );
}

function NewEntry({ onSaved }: { onSaved: (message: string) => void }) {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const add = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/registry/records-plan', { body: { code: code.trim(), title: title.trim() } })),
    onSuccess: async (created) => {
      setProblems(NO_PROBLEMS);
      setCode('');
      setTitle('');
      onSaved(t.plan.added(created.code));
      await client.invalidateQueries(recordsPlanQuery);
    },
    onError: (error) => setProblems(problemsOf(error, PLAN_FIELDS, { 'registry.classification_taken': 'code' })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(PLAN_FIELDS, [
      ...(code.trim() ? [] : [['code', t.plan.missingCode] as const]),
      ...(title.trim() ? [] : [['title', t.plan.missingTitle] as const]),
    ]);
    if (missing !== NO_PROBLEMS) {
      setProblems(missing);
      return;
    }
    add.mutate();
  };
  return (
    <>
      <h3 id="ny-klassificering">{t.plan.addHeading}</h3>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="ny-klassificering">
        <TextField
          id={PLAN_FIELDS.code.id}
          label={t.plan.code}
          description={t.plan.codeHint}
          value={code}
          onChange={setCode}
          errors={problems.fields.get('code')}
          width="short"
        />
        <TextField
          id={PLAN_FIELDS.title.id}
          label={t.plan.title}
          value={title}
          onChange={setTitle}
          errors={problems.fields.get('title')}
          width="medium"
        />
        <Button type="submit" isPending={add.isPending}>
          {t.plan.add}
        </Button>
      </form>
    </>
  );
}

function EditEntry({ entry, onDone }: { entry: RecordsPlanEntry; onDone: (message?: string) => void }) {
  const client = useQueryClient();
  const [title, setTitle] = useState(entry.title);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const update = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/registry/records-plan/{id}', {
          params: { path: { id: entry.id } },
          body: { title: title.trim() },
        }),
      ),
    onSuccess: async (updated) => {
      await client.invalidateQueries(recordsPlanQuery);
      onDone(t.plan.updated(updated.code));
    },
    onError: (error) => setProblems(problemsOf(error, EDIT_FIELDS, {})),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setProblems(missingFields(EDIT_FIELDS, [['title', t.plan.missingTitle]]));
      return;
    }
    update.mutate();
  };
  return (
    <>
      <h3 id="andra-klassificering">{t.plan.editOf(entry.code)}</h3>
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="andra-klassificering">
        <TextField
          id={EDIT_FIELDS.title.id}
          label={t.plan.title}
          value={title}
          onChange={setTitle}
          errors={problems.fields.get('title')}
          width="medium"
          autoFocus
        />
        <div className="button-row">
          <Button type="submit" isPending={update.isPending}>
            {t.plan.save}
          </Button>
          <Button variant="secondary" onPress={() => onDone()}>
            {t.plan.cancel}
          </Button>
        </div>
      </form>
    </>
  );
}
