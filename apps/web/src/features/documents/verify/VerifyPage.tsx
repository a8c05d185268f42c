import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { DropZone, FileTrigger, Text } from 'react-aria-components';

import { api } from '../../../api/client';
import type { components } from '../../../api/openapi';
import { unwrap } from '../../../api/problem';
import { Button } from '../../../ui/Button';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Facts } from '../../../ui/Facts';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { problemText } from '../../../ui/QueryState';
import { verifyMessages as t } from '../messages';

type Facts = components['schemas']['IssuedDocumentFactsResponse'];

const FILE_ID = 'kontrollera-fil';

/**
 * Kontrollera ett dokument: anyone logged in drops or chooses a PDF and reads whether it is a
 * document issued here, unaltered since it was signed (with its diary number, signatories and
 * time), altered after signing, or not issued here.
 */
export function VerifyPage() {
  const result = useRef<HTMLElement>(null);
  const verify = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        api.POST('/api/v1/verification', {
          body: { file },
          bodySerializer: () => form,
        }),
      );
    },
  });
  // Each verdict takes the focus once it is on the page, so that it is read at once.
  useEffect(() => {
    if (verify.data) {
      result.current?.focus();
    }
  }, [verify.data]);
  const check = (file: File | undefined) => {
    if (file) {
      verify.mutate(file);
    }
  };
  const error = verify.error ? problemText(verify.error) : null;
  // A new list takes the focus: one per failed check, not one per render.
  const summary = useMemo(
    () => (verify.error ? [{ message: `${t.file}: ${problemText(verify.error)}`, fieldId: FILE_ID }] : []),
    [verify.error],
  );
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <ErrorSummary items={summary} />
      <DropZone
        className="drop-zone"
        aria-label={t.dropLabel}
        onDrop={(event) => {
          const item = event.items.find((i) => i.kind === 'file');
          if (item?.kind === 'file') {
            void item.getFile().then(check);
          }
        }}
      >
        <Text slot="label">{t.dropLabel}</Text>
        {error ? (
          <p className="field__error" id={`${FILE_ID}-fel`}>
            {t.file}: {error}
          </p>
        ) : null}
        <FileTrigger acceptedFileTypes={['application/pdf']} onSelect={(files) => check(files?.[0] ?? undefined)}>
          <Button variant="secondary" id={FILE_ID} aria-describedby={error ? `${FILE_ID}-fel` : undefined}>
            {t.choose}
          </Button>
        </FileTrigger>
      </DropZone>
      <p role="status" className={verify.isPending ? 'muted' : 'visually-hidden'}>
        {verify.isPending && verify.variables ? t.checking(verify.variables.name) : ''}
      </p>
      {verify.data && verify.variables ? (
        <section
          ref={result}
          tabIndex={-1}
          className={`verdict verdict--${verify.data.verdict}`}
          aria-labelledby="utlatande"
        >
          <p className="caption">{t.checked(verify.variables.name)}</p>
          <h2 id="utlatande">{t.verdicts[verify.data.verdict]}</h2>
          <p>{verify.data.message}</p>
          {verify.data.verdict !== 'not_issued' && verify.data.document ? (
            <DocumentFacts document={verify.data.document} />
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

function DocumentFacts({ document }: { document: Facts }) {
  return (
    <Facts
      items={[
        [t.kind, document.kindLabel],
        [t.organisation, document.organisation.name],
        [t.diaryNumber, document.diaryNumber],
        ...(document.documentNumber ? ([[t.documentNumber, document.documentNumber]] as const) : []),
        ...(document.signedAt ? ([[t.signedAt, formatDateTime(document.signedAt)]] as const) : []),
        ...(document.signatories.length > 0
          ? ([
              [
                t.signatories,
                <ul className="plain-list" key="signatories">
                  {document.signatories.map((s) => (
                    <li key={`${s.name}:${s.title}`}>{t.signatory(s.name, s.title, s.approvedAt)}</li>
                  ))}
                </ul>,
              ],
            ] as const)
          : []),
      ]}
    />
  );
}
