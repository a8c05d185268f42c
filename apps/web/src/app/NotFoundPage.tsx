import { Link } from 'react-router';

import { uiMessages as t } from '../ui/messages';
import { Page } from '../ui/Page';

export function NotFoundPage() {
  return (
    <Page title={t.notFoundTitle}>
      <p>{t.notFoundText}</p>
      <p>
        <Link to="/">{t.toMyWork}</Link>
      </p>
    </Page>
  );
}
