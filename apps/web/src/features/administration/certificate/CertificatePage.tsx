import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { type FormProblems, NO_PROBLEMS } from '../../../ui/form-problems';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { TextField } from '../../../ui/TextField';
import { BackLink } from '../BackLink';
import { problemsOf } from '../field-problems';
import { adminMessages } from '../messages';

const t = adminMessages.certificate;

const certificateQuery = queryOptions({
  queryKey: ['/api/v1/signing-certificate'],
  queryFn: () => unwrap(api.GET('/api/v1/signing-certificate')),
});

const FIELDS = {
  file: { id: 'certificate-file', label: t.file },
  passphrase: { id: 'certificate-passphrase', label: t.passphrase },
};

/** A file that cannot be read, or a wrong passphrase, is one answer: it belongs beside the passphrase. */
const CODES = { 'document.certificate_invalid': 'passphrase', 'document.certificate_expired': 'file' };

/** Signeringscertifikat: what the organisation signs with (never the key), and a new one installed. */
export function CertificatePage() {
  const query = useQuery(certificateQuery);
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [status, setStatus] = useState('');
  const install = useMutation({
    mutationFn: (chosen: File) => {
      // The passphrase goes first: the API reads the fields before the file.
      const form = new FormData();
      form.append('passphrase', passphrase);
      form.append('file', chosen, chosen.name);
      return unwrap(
        api.PUT('/api/v1/signing-certificate', {
          body: { passphrase, file: chosen },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: (installed) => {
      setProblems(NO_PROBLEMS);
      setPassphrase('');
      setStatus(t.installed);
      client.setQueryData(certificateQuery.queryKey, installed);
    },
    onError: (error) => setProblems(problemsOf(error, FIELDS, CODES)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblems({
        summary: [{ message: t.chooseFile, fieldId: FIELDS.file.id }],
        fields: new Map([['file', [t.chooseFile]]]),
      });
      return;
    }
    install.mutate(file);
  };
  const fileErrors = problems.fields.get('file') ?? [];
  return (
    <Page title={t.title}>
      <BackLink />
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      <h2>{t.current}</h2>
      <QueryState query={query}>
        {(certificate) =>
          certificate ? (
            <Facts
              items={[
                [t.kind, certificate.kind === 'configured' ? t.kindConfigured : t.kindDevelopment],
                [t.subject, certificate.subject],
                [t.fingerprint, <code className="break-anywhere">{certificate.fingerprintSha256}</code>],
                [t.validFrom, formatDateTime(certificate.validFrom)],
                [t.validTo, formatDateTime(certificate.validTo)],
              ]}
            />
          ) : (
            <p>{t.none}</p>
          )
        }
      </QueryState>
      <section aria-labelledby="installera">
        <h2 id="installera">{t.install}</h2>
        <ErrorSummary items={problems.summary} />
        <form className="form" onSubmit={submit} noValidate>
          <div className="field field--medium">
            <label className="field__label" htmlFor={FIELDS.file.id}>
              {t.file}
            </label>
            {fileErrors.length > 0 ? (
              <p className="field__error" id="certificate-file-error">
                {fileErrors.join(' ')}
              </p>
            ) : null}
            <input
              id={FIELDS.file.id}
              className="field__input"
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              aria-invalid={fileErrors.length > 0 || undefined}
              aria-describedby={fileErrors.length > 0 ? 'certificate-file-error' : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <TextField
            id={FIELDS.passphrase.id}
            label={t.passphrase}
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            errors={problems.fields.get('passphrase')}
            width="medium"
            autoComplete="off"
          />
          <Button type="submit" isPending={install.isPending}>
            {t.submit}
          </Button>
        </form>
      </section>
    </Page>
  );
}
