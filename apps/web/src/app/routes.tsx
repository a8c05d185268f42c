import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';

import { LoginPage } from '../features/auth/login/LoginPage';
import { SwitchOrganisationPage } from '../features/auth/switch-organisation/SwitchOrganisationPage';
import { CasePage } from '../features/cases/case/CasePage';
import { MyWorkPage } from '../features/desk/my-work/MyWorkPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { DiaryPage } from '../features/registry/diary/DiaryPage';
import { ApprovePage } from '../features/statements/approve/ApprovePage';
import { StatementPage } from '../features/statements/overview/StatementPage';
import { AnswerPage } from '../features/statements/preparation/AnswerPage';
import { RevisionsPage } from '../features/statements/revisions/RevisionsPage';
import { SubmitPage } from '../features/statements/submit/SubmitPage';
import { SubstitutesPage } from '../features/substitutes/SubstitutesPage';
import { uiMessages } from '../ui/messages';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { SessionRoute } from './SessionRoute';

/** The editor brings the text editor with it: a chunk of its own, loaded when opened. */
const EditorPage = lazy(() => import('../features/statements/editor/EditorPage'));

function Loading() {
  return (
    <p className="muted" role="status">
      {uiMessages.loading}
    </p>
  );
}

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
        { path: 'byt-organisation', element: <SwitchOrganisationPage /> },
        { path: 'diariet', element: <DiaryPage /> },
        { path: 'arenden/:caseId', element: <CasePage /> },
        { path: 'tjansteutlatanden/:statementId', element: <StatementPage /> },
        { path: 'tjansteutlatanden/:statementId/skicka', element: <SubmitPage /> },
        { path: 'tjansteutlatanden/:statementId/versioner', element: <RevisionsPage /> },
        { path: 'tjansteutlatanden/:statementId/granska', element: <ApprovePage /> },
        { path: 'ersattare', element: <SubstitutesPage /> },
        { path: 'beredningsfragor/:requestId', element: <AnswerPage /> },
        {
          path: 'tjansteutlatanden/:statementId/redigera',
          element: (
            <Suspense fallback={<Loading />}>
              <EditorPage />
            </Suspense>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
