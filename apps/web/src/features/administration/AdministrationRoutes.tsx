import './admin.css';

import { Link, Route, Routes } from 'react-router';

import { hasRole, useMe } from '../../app/session';
import { NotFoundPage } from '../../app/NotFoundPage';
import { Page } from '../../ui/Page';
import { QUEUE_DASHBOARD_URL, useCityAdministrator } from './city';
import { CertificatePage } from './certificate/CertificatePage';
import { ApprovalChainPage } from './chain/ApprovalChainPage';
import { DepartmentPage } from './departments/DepartmentPage';
import { DepartmentsPage } from './departments/DepartmentsPage';
import { adminMessages as t } from './messages';
import { NewPersonPage } from './people/NewPersonPage';
import { PeoplePage } from './people/PeoplePage';
import { OrganisationPage, OrganisationsPage } from './organisations/OrganisationsPage';
import { PersonPage } from './people/PersonPage';
import { AdminSubstitutesPage } from './substitutes/AdminSubstitutesPage';

/** The administrator's screens, under /administration: a chunk of their own, loaded when opened. */
export default function AdministrationRoutes() {
  const me = useMe();
  if (!hasRole(me, 'administrator')) {
    return (
      <Page title={t.title}>
        <p>{t.forbidden}</p>
      </Page>
    );
  }
  return (
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="personer" element={<PeoplePage />} />
      <Route path="personer/ny" element={<NewPersonPage />} />
      <Route path="personer/:personId" element={<PersonPage />} />
      <Route path="avdelningar" element={<DepartmentsPage />} />
      <Route path="avdelningar/:departmentId" element={<DepartmentPage />} />
      <Route path="beslutsgang" element={<ApprovalChainPage />} />
      <Route path="ersattare" element={<AdminSubstitutesPage />} />
      <Route path="certifikat" element={<CertificatePage />} />
      <Route path="organisationer" element={<OrganisationsPage />} />
      <Route path="organisationer/:organisationId" element={<OrganisationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function OverviewPage() {
  const city = useCityAdministrator();
  const sections: readonly (readonly [string, string, string])[] = [
    ['personer', t.sections.people, t.sections.peopleText],
    ['avdelningar', t.sections.departments, t.sections.departmentsText],
    ['beslutsgang', t.sections.chain, t.sections.chainText],
    ['ersattare', t.sections.substitutes, t.sections.substitutesText],
    ['certifikat', t.sections.certificate, t.sections.certificateText],
  ];
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <ul className="plain-list admin-sections">
        {sections.map(([to, label, text]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
            <p className="muted">{text}</p>
          </li>
        ))}
        {city ? (
          <li>
            <Link to="organisationer">{t.sections.organisations}</Link>
            <p className="muted">{t.sections.organisationsText}</p>
          </li>
        ) : null}
        {city ? (
          <li>
            <a href={QUEUE_DASHBOARD_URL}>{t.sections.queues}</a>
            <p className="muted">{t.sections.queuesText}</p>
          </li>
        ) : null}
      </ul>
    </Page>
  );
}
