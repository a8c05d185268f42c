import { useQuery } from '@tanstack/react-query';
import type { ChangeEvent, ReactNode } from 'react';

import { Button } from '../../../ui/Button';
import { Facts } from '../../../ui/Facts';
import { FileField } from '../../../ui/FileField';
import type { FormProblems } from '../../../ui/form-problems';
import { formatBytes } from '../../../ui/labels';
import { formatDate } from '../../../ui/format';
import { TextField } from '../../../ui/TextField';
import { recipientCandidatesQuery } from '../consultation-queries';
import { consultationMessages } from '../messages';
import { newRemissMessages as t } from './messages';
import {
  FIELD_IDS,
  FILE_ACCEPT,
  fileTitleId,
  fileTypeAllowed,
  type RemissDraft,
  sectionTitleId,
  type Step,
  titleOfFile,
} from './remiss-draft';

export interface StepProps {
  readonly draft: RemissDraft;
  readonly change: (next: Partial<RemissDraft>) => void;
  readonly errorsOf: (fieldId: string) => readonly string[] | undefined;
}

/** Keys for rows added in the browser (sections, external recipients, files). */
let nextKey = 1;
export const newKey = () => nextKey++;

export function BasicsStep({ draft, change, errorsOf }: StepProps) {
  return (
    <>
      <TextField
        id={FIELD_IDS.title}
        label={t.remissTitle}
        description={t.remissTitleHint}
        value={draft.title}
        onChange={(title) => change({ title })}
        errors={errorsOf(FIELD_IDS.title)}
      />
      <TextField
        id={FIELD_IDS.description}
        label={t.description}
        description={t.descriptionHint}
        multiline
        rows={8}
        value={draft.description}
        onChange={(description) => change({ description })}
      />
    </>
  );
}

export function SectionsStep({ draft, change, errorsOf }: StepProps) {
  const sections = draft.sections;
  const update = (i: number, next: Partial<RemissDraft['sections'][number]>) =>
    change({ sections: sections.map((s, j) => (j === i ? { ...s, ...next } : s)) });
  return (
    <>
      <p>{t.sectionsIntro}</p>
      {sections.length === 0 ? <p className="muted">{t.noSections}</p> : null}
      {sections.map((s, i) => (
        <fieldset key={s.key} className="fieldset">
          <legend>{t.sectionLegend(i + 1)}</legend>
          <TextField
            id={sectionTitleId(i)}
            label={t.sectionTitle}
            value={s.title}
            onChange={(title) => update(i, { title })}
            errors={errorsOf(sectionTitleId(i))}
          />
          <TextField
            label={t.sectionDescription}
            multiline
            rows={3}
            value={s.description}
            onChange={(description) => update(i, { description })}
          />
          <Button variant="secondary" onPress={() => change({ sections: sections.filter((_, j) => j !== i) })}>
            {t.removeSection(i + 1)}
          </Button>
        </fieldset>
      ))}
      <p>
        <Button
          variant="secondary"
          onPress={() => change({ sections: [...sections, { key: newKey(), title: '', description: '' }] })}
        >
          {t.addSection}
        </Button>
      </p>
    </>
  );
}

export function DeadlineStep({ draft, change, errorsOf }: StepProps) {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(draft.responseDeadline);
  return (
    <>
      <TextField
        id={FIELD_IDS.responseDeadline}
        label={t.deadline}
        description={t.deadlineHint}
        type="date"
        width="short"
        value={draft.responseDeadline}
        onChange={(responseDeadline) => change({ responseDeadline })}
        errors={errorsOf(FIELD_IDS.responseDeadline)}
      />
      <p aria-live="polite" className="deadline-reading">
        {valid ? consultationMessages.answerBy(formatDate(draft.responseDeadline)) : ''}
      </p>
    </>
  );
}

export function AttachmentsStep({
  draft,
  change,
  errorsOf,
  onProblems,
}: StepProps & { onProblems: (problems: FormProblems) => void }) {
  const files = draft.files;
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    const refused = chosen.filter((f) => !fileTypeAllowed(f.name) || f.size === 0);
    const messages = refused.map((f) => (f.size === 0 ? t.fileEmpty(f.name) : t.fileTypeNotAllowed(f.name)));
    onProblems({
      summary: messages.map((message) => ({ message, fieldId: FIELD_IDS.files })),
      fields: messages.length > 0 ? new Map([[FIELD_IDS.files, messages]]) : new Map(),
    });
    const accepted = chosen.filter((f) => !refused.includes(f));
    if (accepted.length > 0) {
      change({
        files: [...files, ...accepted.map((file) => ({ key: newKey(), file, title: titleOfFile(file.name) }))],
      });
    }
    event.target.value = '';
  };
  return (
    <>
      <FileField
        id={FIELD_IDS.files}
        label={t.files}
        hint={t.filesHint}
        errors={errorsOf(FIELD_IDS.files)}
        multiple
        accept={FILE_ACCEPT}
        onChange={choose}
      />
      <h3>{t.chosenFiles}</h3>
      {files.length === 0 ? <p className="muted">{t.noFiles}</p> : null}
      <ul className="plain-list">
        {files.map((f, i) => (
          <li key={f.key} className="chosen-file">
            <TextField
              id={fileTitleId(i)}
              label={t.fileTitle(f.file.name)}
              description={formatBytes(f.file.size)}
              value={f.title}
              onChange={(title) => change({ files: files.map((g, j) => (j === i ? { ...g, title } : g)) })}
              errors={errorsOf(fileTitleId(i))}
            />
            <Button variant="secondary" onPress={() => change({ files: files.filter((_, j) => j !== i) })}>
              {t.removeFile(f.file.name)}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReviewStep({ draft, onChange }: { draft: RemissDraft; onChange: (step: Step) => void }) {
  const candidates = useQuery(recipientCandidatesQuery);
  const named = (candidates.data ?? []).filter((o) => draft.organisationIds.includes(o.id)).map((o) => o.name);
  const recipients = [
    ...draft.groups.map((g) => consultationMessages.groups[g]),
    ...named,
    ...draft.external.map((e) => `${e.name} (${e.email})`),
  ];
  const withChange = (value: ReactNode, step: Step, what: string) => (
    <div className="review-value">
      <div>{value}</div>
      <Button id={`andra-${step}`} variant="link" onPress={() => onChange(step)} aria-label={t.changeOf(what)}>
        {t.change}
      </Button>
    </div>
  );
  const list = (items: readonly string[]) =>
    items.length === 0 ? (
      t.none
    ) : (
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  return (
    <>
      <p>{t.reviewIntro}</p>
      <Facts
        items={[
          [t.remissTitle, withChange(draft.title.trim(), 'basics', t.steps.basics)],
          [
            t.description,
            draft.description.trim() ? <span className="pre-line">{draft.description}</span> : t.noDescription,
          ],
          [
            t.steps.sections,
            withChange(list(draft.sections.map((s, i) => `${i + 1}. ${s.title.trim()}`)), 'sections', t.steps.sections),
          ],
          [
            t.deadline,
            withChange(consultationMessages.answerBy(formatDate(draft.responseDeadline)), 'deadline', t.steps.deadline),
          ],
          [t.steps.recipients, withChange(list(recipients), 'recipients', t.steps.recipients)],
          [
            t.steps.attachments,
            withChange(
              list(draft.files.map((f) => `${f.title.trim()} (${f.file.name})`)),
              'attachments',
              t.steps.attachments,
            ),
          ],
        ]}
      />
    </>
  );
}
