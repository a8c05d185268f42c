import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';

import { LoginPage } from '../features/auth/login/LoginPage';
import { SwitchOrganisationPage } from '../features/auth/switch-organisation/SwitchOrganisationPage';
import { CasePage } from '../features/cases/case/CasePage';
import { MyWorkPage } from '../features/desk/my-work/MyWorkPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
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
/** The administrator's screens, for few people: a chunk of their own too. */
const AdministrationRoutes = lazy(() => import('../features/administration/AdministrationRoutes'));

/** The registrar's desk and the document check: chunks of their own, kept out of the first load. */
const IncomingRemissesPage = lazy(() =>
  import('../features/incoming/list/IncomingRemissesPage').then((m) => ({ default: m.IncomingRemissesPage })),
);
const RegisterIncomingPage = lazy(() =>
  import('../features/incoming/register/RegisterIncomingPage').then((m) => ({ default: m.RegisterIncomingPage })),
);
const MeetingsPage = lazy(() =>
  import('../features/meetings/calendar/MeetingsPage').then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('../features/meetings/meeting/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const IssuedDocumentsPage = lazy(() =>
  import('../features/documents/issued/IssuedDocumentsPage').then((m) => ({ default: m.IssuedDocumentsPage })),
);
/** "Sök i diariet": a chunk of its own, the header's search field leads to it. */
const SearchPage = lazy(() => import('../features/registry/search/SearchPage'));
const DiarySettingsPage = lazy(() =>
  import('../features/registry/settings/DiarySettingsPage').then((m) => ({ default: m.DiarySettingsPage })),
);
const VerifyPage = lazy(() =>
  import('../features/documents/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })),
);

/** The sender's desk and Diariet: chunks of their own too. */
const SentRemissesPage = lazy(() =>
  import('../features/consultations/SentRemissesPage').then((m) => ({ default: m.SentRemissesPage })),
);
const NewRemissPage = lazy(() =>
  import('../features/consultations/new/NewRemissPage').then((m) => ({ default: m.NewRemissPage })),
);
const StatusBoardPage = lazy(() =>
  import('../features/consultations/status/StatusBoardPage').then((m) => ({ default: m.StatusBoardPage })),
);
const CompilationPage = lazy(() =>
  import('../features/consultations/compilation/CompilationPage').then((m) => ({ default: m.CompilationPage })),
);
const DiaryPage = lazy(() => import('../features/registry/diary/DiaryPage').then((m) => ({ default: m.DiaryPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

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
        {
          path: 'diariet',
          element: (
            <Deferred>
              <DiaryPage />
            </Deferred>
          ),
        },
        {
          path: 'sok',
          element: (
            <Deferred>
              <SearchPage />
            </Deferred>
          ),
        },
        {
          path: 'diariet/installningar',
          element: (
            <Deferred>
              <DiarySettingsPage />
            </Deferred>
          ),
        },
        { path: 'arenden/:caseId', element: <CasePage /> },
        { path: 'tjansteutlatanden/:statementId', element: <StatementPage /> },
        { path: 'tjansteutlatanden/:statementId/skicka', element: <SubmitPage /> },
        { path: 'tjansteutlatanden/:statementId/versioner', element: <RevisionsPage /> },
        { path: 'tjansteutlatanden/:statementId/granska', element: <ApprovePage /> },
        { path: 'ersattare', element: <SubstitutesPage /> },
        {
          path: 'remisser',
          element: (
            <Deferred>
              <SentRemissesPage />
            </Deferred>
          ),
        },
        {
          path: 'remisser/ny',
          element: (
            <Deferred>
              <NewRemissPage />
            </Deferred>
          ),
        },
        {
          path: 'remisser/:consultationId',
          element: (
            <Deferred>
              <StatusBoardPage />
            </Deferred>
          ),
        },
        {
          path: 'remisser/:consultationId/sammanstallning',
          element: (
            <Deferred>
              <CompilationPage />
            </Deferred>
          ),
        },
        { path: 'beredningsfragor/:requestId', element: <AnswerPage /> },
        {
          path: 'inkomna-remisser',
          element: (
            <Deferred>
              <IncomingRemissesPage />
            </Deferred>
          ),
        },
        {
          path: 'inkomna-remisser/registrera',
          element: (
            <Deferred>
              <RegisterIncomingPage />
            </Deferred>
          ),
        },
        {
          path: 'sammantraden',
          element: (
            <Deferred>
              <MeetingsPage />
            </Deferred>
          ),
        },
        {
          path: 'sammantraden/:meetingId',
          element: (
            <Deferred>
              <MeetingPage />
            </Deferred>
          ),
        },
        {
          path: 'utfardade-dokument',
          element: (
            <Deferred>
              <IssuedDocumentsPage />
            </Deferred>
          ),
        },
        {
          path: 'kontrollera',
          element: (
            <Deferred>
              <VerifyPage />
            </Deferred>
          ),
        },
        {
          path: 'tjansteutlatanden/:statementId/redigera',
          element: (
            <Suspense fallback={<Loading />}>
              <EditorPage />
            </Suspense>
          ),
        },
        {
          path: 'administration/*',
          element: (
            <Suspense fallback={<Loading />}>
              <AdministrationRoutes />
            </Suspense>
          ),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
