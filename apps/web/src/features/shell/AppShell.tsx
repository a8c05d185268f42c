import { Link, NavLink, Outlet } from 'react-router';

import { useLiveUpdates } from '../../app/live-updates';
import { hasRole, type Role, useMe } from '../../app/session';
import { switchMessages } from '../auth/switch-organisation/messages';
import { NotificationsButton } from '../notifications/NotificationsButton';
import { searchMessages } from '../registry/search/messages';
import { SearchForm } from '../registry/search/SearchForm';
import { LogoutButton } from './LogoutButton';
import { shellMessages as t } from './messages';

interface Section {
  readonly to: string;
  readonly label: string;
  /** Roles that see the section; none: everyone. */
  readonly roles?: readonly Role[];
}

/** The main sections, each shown to the roles that work in it. */
const SECTIONS: readonly Section[] = [
  { to: '/', label: t.myWork },
  { to: '/remisser', label: t.remisses, roles: ['case_officer', 'registrar'] },
  { to: '/diariet', label: t.diary, roles: ['registrar'] },
  { to: '/ersattare', label: t.substitutes, roles: ['head_of_department', 'director'] },
  { to: '/inkomna-remisser', label: t.incoming, roles: ['registrar'] },
  { to: '/sammantraden', label: t.meetings, roles: ['registrar'] },
  { to: '/utfardade-dokument', label: t.issued, roles: ['registrar'] },
  { to: '/kontrollera', label: t.verify },
  { to: '/administration', label: t.administration, roles: ['administrator'] },
];

/**
 * The frame of every logged-in screen: a skip link, the header with the organisation and the
 * person, the search of the registry, the main navigation by role, the notifications button and the
 * live-update state.
 */
export function AppShell() {
  const me = useMe();
  const mode = useLiveUpdates();
  return (
    <>
      <a className="skip-link" href="#innehall">
        {t.skipLink}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__brand">
            <span className="site-header__product">Remiss</span>
            <span className="site-header__organisation">
              <span className="visually-hidden">{t.organisation}: </span>
              {me.organisation?.name ?? t.city}
              {me.organisations.length > 1 ? (
                <>
                  {' '}
                  <Link to="/byt-organisation" className="site-header__switch">
                    {switchMessages.link}
                  </Link>
                </>
              ) : null}
            </span>
          </div>
          {me.organisation ? <SearchForm label={searchMessages.title} className="site-header__search" /> : null}
          <div className="site-header__person">
            <span>
              <span className="visually-hidden">{t.signedInAs} </span>
              {me.person?.name}
              {me.person?.title ? <span className="muted">, {me.person.title}</span> : null}
            </span>
            <NotificationsButton />
            <LogoutButton />
          </div>
        </div>
        <nav className="main-nav" aria-label={t.mainNavigation}>
          <ul>
            {SECTIONS.filter((s) => !s.roles || hasRole(me, ...s.roles)).map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} end={s.to === '/'}>
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {mode === 'polling' ? (
        <div className="band">
          <p className="live-notice" role="status">
            {t.polling}
          </p>
        </div>
      ) : null}
      <main id="innehall" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
