import { useQuery } from '@tanstack/react-query';

import { QueryState } from '../../../ui/QueryState';
import { issuedDocumentsQuery } from '../statement-queries';
import { IssuedDownload, IssuedState } from './IssuedDocumentParts';
import { issuedMessages as t } from './messages';

/**
 * The PDFs issued from a statement with the state of each as it changes (queued, rendering,
 * signed, failed with the reason), and the download of each signed one.
 */
export function IssuedDocuments({ subjectId }: { subjectId: string }) {
  const query = useQuery(issuedDocumentsQuery(subjectId));
  return (
    <section aria-labelledby="utfardade">
      <h2 id="utfardade">{t.title}</h2>
      <QueryState query={query}>
        {(documents) =>
          documents.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t.document}</th>
                  <th scope="col">{t.version}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">{t.download}</th>
                </tr>
              </thead>
              <tbody aria-live="polite">
                {documents.map((d) => (
                  <tr key={d.id}>
                    <td data-label={t.document}>{t.kind[d.kind]}</td>
                    <td data-label={t.version}>{t.versionOf(d.revision, d.edition)}</td>
                    <td data-label={t.state}>
                      <IssuedState document={d} />
                    </td>
                    <td data-label={t.download}>
                      <IssuedDownload document={d} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
