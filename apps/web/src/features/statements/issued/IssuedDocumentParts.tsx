import type { components } from '../../../api/openapi';
import { formatDateTime } from '../../../ui/format';
import { issuedMessages as t } from './messages';

type Issued = components['schemas']['IssuedDocumentResponse'];

/** An issued document's state as it stands: signed when, or failed and why. */
export function IssuedState({ document: d }: { document: Issued }) {
  return (
    <>
      <span className={`state state--${d.status}`}>{t.status[d.status]}</span>
      {d.status === 'signed' && d.signedAt ? (
        <span className="muted"> ({t.signedAt(formatDateTime(d.signedAt))})</span>
      ) : null}
      {d.status === 'failed' && d.failureReason ? (
        <span className="state__reason">{t.reason(d.failureReason)}</span>
      ) : null}
    </>
  );
}

/** The download of a signed document's file; a dash until it is signed. */
export function IssuedDownload({ document: d }: { document: Issued }) {
  return d.status === 'signed' && d.fileName ? (
    <a href={`/api/v1/issued-documents/${d.id}/file`} download={d.fileName}>
      {t.downloadOf(d.fileName)}
    </a>
  ) : (
    <span className="muted">–</span>
  );
}
