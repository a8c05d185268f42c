import { statementMessages as t } from './messages';

/**
 * Opens a saved revision printed as it will look — the real layout, marked UTKAST and unsigned —
 * in a tab of its own, where the browser's PDF reader shows it.
 */
export function PreviewLink({ statementId, revision }: { statementId: string; revision: number }) {
  return (
    <a
      href={`/api/v1/statements/${encodeURIComponent(statementId)}/revisions/${revision}/preview`}
      target="_blank"
      rel="noopener"
    >
      {t.preview(revision)}
      <span className="visually-hidden">{t.opensInNewTab}</span>
    </a>
  );
}
