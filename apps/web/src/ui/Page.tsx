import { type ReactNode, useEffect, useRef } from 'react';

import { uiMessages } from './messages';

let firstPage = true;

/**
 * A screen: its title says where the person is (in the tab too), and after moving within the
 * app the focus goes to it, so a screen reader starts reading the new page from the top.
 */
export function Page({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${uiMessages.appName}`;
  }, [title]);
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
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {aside}
      </div>
      {children}
    </>
  );
}
