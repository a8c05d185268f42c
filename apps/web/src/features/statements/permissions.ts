import { useQuery } from '@tanstack/react-query';

import { hasRole, useMe } from '../../app/session';
import { caseQuery, coWorkersQuery } from '../cases/case/case-queries';
import { myWorkQuery } from '../desk/my-work/my-work-query';
import type { Statement } from './statement-queries';

/**
 * What this person may do with a statement, as the API's rules have it: its case's responsible
 * officer and co-workers write it and send it for approval while it is a draft; an approver is
 * offered the step that waits for them (their own text never: the work list leaves it out).
 */
export function useStatementActions(statement: Statement | undefined) {
  const me = useMe();
  const c = useQuery({ ...caseQuery(statement?.caseId ?? ''), enabled: statement !== undefined });
  const coWorkers = useQuery({ ...coWorkersQuery(statement?.caseId ?? ''), enabled: statement !== undefined });
  const work = useQuery(myWorkQuery);
  const personId = me.person?.id;
  const writer =
    personId !== undefined &&
    (c.data?.responsiblePersonId === personId || (coWorkers.data ?? []).some((w) => w.personId === personId));
  const drafting = statement?.status === 'drafting';
  return {
    canEdit: drafting && writer && hasRole(me, 'case_officer', 'head_of_department', 'director'),
    canSubmit: drafting && writer && hasRole(me, 'case_officer'),
    canReview:
      statement?.status === 'in_approval' &&
      (work.data ?? []).some((item) => item.kind === 'approve' && item.link.id === statement.id),
  };
}
