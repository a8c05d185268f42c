import { Outlet } from 'react-router';

import { shellMessages as t } from '../features/shell/messages';

/** The frame of the screens before login: the product's name and the page. */
export function PublicLayout() {
  return (
    <>
      <a className="skip-link" href="#innehall">
        {t.skipLink}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__brand">
            <span className="site-header__product">Remiss</span>
            <span className="site-header__organisation">{t.city}</span>
          </div>
        </div>
      </header>
      <main id="innehall" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
