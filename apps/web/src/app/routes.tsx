import { createBrowserRouter } from 'react-router';

import { LoginPage } from '../features/auth/login/LoginPage';
import { MyWorkPage } from '../features/desk/my-work/MyWorkPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { SessionRoute } from './SessionRoute';

/** Every screen, by its Swedish address. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      children: [{ path: '/logga-in', element: <LoginPage /> }],
    },
    {
      element: <SessionRoute />,
      children: [
        { index: true, element: <MyWorkPage /> },
        { path: 'notiser', element: <NotificationsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
