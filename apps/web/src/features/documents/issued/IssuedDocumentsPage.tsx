import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { hasRole, useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { formatDateTime } from '../../../ui/format';
import { Page } from '../../../ui/Page';
import { problemText, QueryState } from '../../../ui/QueryState';
import { StatusMessage } from '../../../ui/StatusMessage';
import { IssuedDownload, IssuedState } from '../../statements/issued/IssuedDocumentParts';
import { issuedMessages } from '../../statements/issued/messages';
import { issuedListMessages as t } from '../messages';

/** The organisation's issued documents; the live stream refetches it as each one moves on. */
const organisationIssuedQuery = queryOptions({
  queryKey: ['/api/v1/issued-documents', 'organisation'],
  queryFn: () => unwrap(api.GET('/api/v1/issued-documents')),
});

/**
 * Utfärdade dokument: every signed PDF of the organisation with its state as it changes (queued,
 * rendering, signed, failed with its reason), its download, and "Försök igen" for a failed one.
 */
export function IssuedDocumentsPage() {
  const me = useMe();
  const query = useQuery(organisationIssuedQuery);
  const client = useQueryClient();
  const registrar = hasRole(me, 'registrar');
  const [status, setStatus] = useState('');
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/issued-documents/{id}/retry', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: organisationIssuedQuery.queryKey }),
  });
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <StatusMessage text={status} />
      {retry.error ? (
        <p role="alert" className="notice notice--error">
          {problemText(retry.error)}
        </p>
      ) : null}
      <QueryState query={query}>
        {(documents) =>
          documents.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{issuedMessages.document}</th>
                  <th scope="col">{t.diaryNumber}</th>
                  <th scope="col">{issuedMessages.version}</th>
                  <th scope="col">{issuedMessages.state}</th>
                  <th scope="col">{t.requestedAt}</th>
                  <th scope="col">{issuedMessages.download}</th>
                </tr>
              </thead>
              <tbody>
                {documents.map((d) => {
                  const kind = issuedMessages.kind[d.kind];
                  return (
                    <tr key={d.id}>
                      <td data-label={issuedMessages.document}>{kind}</td>
                      <td data-label={t.diaryNumber} className="nowrap">
                        {d.diaryNumber}
                      </td>
                      <td data-label={issuedMessages.version}>{issuedMessages.versionOf(d.revision, d.edition)}</td>
                      <td data-label={issuedMessages.state}>
                        <IssuedState document={d} />
                        {d.status === 'failed' && registrar ? (
                          <Button
                            variant="secondary"
                            aria-label={t.retryFor(kind, d.diaryNumber)}
                            isPending={retry.isPending && retry.variables === d.id}
                            onPress={() =>
                              retry.mutate(d.id, { onSuccess: () => setStatus(t.retried(kind, d.diaryNumber)) })
                            }
                          >
                            {t.retry}
                          </Button>
                        ) : null}
                      </td>
                      <td data-label={t.requestedAt}>{formatDateTime(d.requestedAt)}</td>
                      <td data-label={issuedMessages.download}>
                        <IssuedDownload document={d} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </Page>
  );
}
