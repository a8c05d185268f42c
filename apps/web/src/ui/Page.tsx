import { type ReactNode, useEffect, useRef } from 'react';

import { uiMessages } from './messages';

let firstPage = true;

/**
 * A screen: its title says where the person is (in the tab too), and after moving within the
 * app the focus goes to it, so a screen reader starts reading the new page from the top.
 */
export function Page({
  title,
  caption,
  children,
  aside,
}: {
  title: string;
  /** What kind of thing the page shows, above its title: "Ärende HÄ 2026/12". */
  caption?: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${caption ? `${title} (${caption})` : title} – ${uiMessages.appName}`;
  }, [title, caption]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
    } else {
      heading.current?.focus();
    }
  }, []);
  return (
    <>
      <div className="page-heading">
        <div>
          {caption ? <p className="caption">{caption}</p> : null}
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
        </div>
        {aside}
      </div>
      {children}
    </>
  );
}
