import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { invalidatePaths } from '../../../app/query-client';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { FileField } from '../../../ui/FileField';
import { formProblems, type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { FILE_ACCEPT } from '../new/remiss-draft';
import { statusMessages as t } from './messages';

const FIELDS = {
  note: { id: 'rattelse-note', label: t.correctionNote },
  file: { id: 'rattelse-files', label: t.correctionFiles },
};

/** A correction of the sent remissunderlag: a note and the corrected files, sent to every recipient. */
export function CorrectionForm({ consultationId }: { consultationId: string }) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<readonly File[]>([]);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const correct = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('note', note.trim());
      for (const file of files) {
        form.append('file', file, file.name);
      }
      return unwrap(
        api.POST('/api/v1/consultations/{id}/corrections', {
          params: { path: { id: consultationId } },
          body: { note: note.trim(), file: [...files] },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: async (corrected) => {
      setProblems(NO_PROBLEMS);
      setNote('');
      setFiles([]);
      if (input.current) {
        input.current.value = '';
      }
      setStatus(t.correctionSent(corrected.documentsVersion));
      await invalidatePaths(client, ['/api/v1/consultations']);
    },
    onError: (error) => setProblems(formProblems(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const summary = [
      ...(note.trim().length < 3 ? [{ message: t.noteMissing, fieldId: FIELDS.note.id }] : []),
      ...(files.length === 0 ? [{ message: t.filesMissing, fieldId: FIELDS.file.id }] : []),
    ];
    if (summary.length > 0) {
      setProblems({
        summary,
        fields: new Map(summary.map((s) => [s.fieldId === FIELDS.note.id ? 'note' : 'file', [s.message]])),
      });
      return;
    }
    correct.mutate();
  };
  return (
    <section aria-labelledby="rattelse-rubrik">
      <h2 id="rattelse-rubrik">{t.correctionTitle}</h2>
      <p>{t.correctionIntro}</p>
      <StatusMessage text={status} />
      <ErrorSummary items={problems.summary} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.note.id}
          label={t.correctionNote}
          multiline
          rows={3}
          value={note}
          onChange={setNote}
          errors={problems.fields.get('note')}
        />
        <FileField
          id={FIELDS.file.id}
          label={t.correctionFiles}
          hint={t.correctionFilesHint}
          errors={problems.fields.get('file')}
          multiple
          accept={FILE_ACCEPT}
          inputRef={input}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <Button type="submit" isPending={correct.isPending}>
          {t.sendCorrection}
        </Button>
      </form>
    </section>
  );
}
