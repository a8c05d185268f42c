import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';

import { useMe } from '../../../app/session';
import { ROLE_LABEL } from '../../../ui/labels';
import { Page } from '../../../ui/Page';
import { QueryState } from '../../../ui/QueryState';
import { departmentsQuery } from '../../directory/people-query';
import { allPeopleQuery } from '../admin-queries';
import { BackLink } from '../BackLink';
import { adminMessages } from '../messages';

const t = adminMessages.people;

/** Personer: everyone of the organisation, with their department, roles and whether they may log in. */
export function PeoplePage() {
  const me = useMe();
  const people = useQuery(allPeopleQuery);
  const departments = useQuery(departmentsQuery);
  const departmentName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  return (
    <Page title={t.title}>
      <BackLink />
      <p>
        <Link to="ny" className="button button--primary">
          {t.add}
        </Link>
      </p>
      <QueryState query={people}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.title_}</th>
                  <th scope="col">{t.email}</th>
                  <th scope="col">{t.department}</th>
                  <th scope="col">{t.roles}</th>
                  <th scope="col">{t.state}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t.name}>
                      <Link to={p.id}>{p.name}</Link>
                    </td>
                    <td data-label={t.title_}>{p.title ?? adminMessages.none}</td>
                    <td data-label={t.email} className="break-anywhere">
                      {p.email}
                    </td>
                    <td data-label={t.department}>
                      {(p.departmentId && departmentName.get(p.departmentId)) ?? adminMessages.none}
                    </td>
                    <td data-label={t.roles}>
                      {p.roles
                        .filter((r) => r.organisationId === me.organisation?.id)
                        .map((r) => ROLE_LABEL[r.role])
                        .join(', ') || adminMessages.none}
                    </td>
                    <td data-label={t.state}>{p.disabled ? t.disabled : t.active}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </Page>
  );
}
