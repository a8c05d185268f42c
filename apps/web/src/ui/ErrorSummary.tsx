import { useEffect, useRef } from 'react';

import { uiMessages } from './messages';

export interface SummaryItem {
  readonly message: string;
  /** The id of the field it concerns; the link moves focus there. */
  readonly fieldId?: string;
}

/**
 * The problems of a form at its top, as one list. It takes focus when it appears (and when its
 * problems are new) so that a screen reader reads them at once; each problem links to its field.
 */
export function ErrorSummary({
  items,
  heading = uiMessages.errorSummaryHeading,
}: {
  items: readonly SummaryItem[];
  heading?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // A new list (each failed submit makes one) takes focus again, even with the same problems.
  useEffect(() => {
    if (items.length > 0) {
      box.current?.focus();
    }
  }, [items]);
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading" className="error-summary__heading">
        {heading}
      </h2>
      <ul>
        {items.map((item) =>
          item.fieldId ? (
            <li key={`${item.fieldId}:${item.message}`}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.fieldId!)?.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ) : (
            <li key={item.message}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
