import { Link } from 'react-router';

import { adminMessages as t } from './messages';

/** The link back up, above a screen's content. */
export function BackLink({ to = '/administration', label = t.back }: { to?: string; label?: string }) {
  return (
    <p>
      <Link to={to}>{label}</Link>
    </p>
  );
}
