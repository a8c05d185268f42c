import type { components } from '../../../api/openapi';

export type WorkItem = components['schemas']['WorkItemResponse'];
export type WorkItemKind = components['schemas']['WorkItemKind'];
export type WorkGroup = 'overdue' | 'write' | 'approve' | 'decide' | 'assign' | 'answer';

/** What each kind of work asks of the person, in the order the page shows the groups. */
export const GROUP_OF: Readonly<Record<WorkItemKind, WorkGroup>> = {
  overdue: 'overdue',
  start_statement: 'write',
  finish_draft: 'write',
  approve: 'approve',
  record_decision: 'decide',
  move_to_meeting: 'decide',
  confirm_minutes: 'decide',
  decide_extension: 'decide',
  assign_remiss: 'assign',
  answer_preparation: 'answer',
};

export const GROUP_ORDER: readonly WorkGroup[] = ['overdue', 'write', 'approve', 'decide', 'assign', 'answer'];

export function groupWork(items: readonly WorkItem[]): [WorkGroup, WorkItem[]][] {
  return GROUP_ORDER.map((group): [WorkGroup, WorkItem[]] => [
    group,
    items.filter((item) => GROUP_OF[item.kind] === group),
  ]).filter(([, list]) => list.length > 0);
}

/** The screen where the work is done, straight to the action. */
export function actionPathOf(item: WorkItem): string | null {
  const { type, id } = item.link;
  switch (item.kind) {
    case 'start_statement':
      return type === 'case' ? `/arenden/${id}` : null;
    case 'finish_draft':
      return `/tjansteutlatanden/${id}/redigera`;
    case 'approve':
      return `/tjansteutlatanden/${id}/granska`;
    case 'record_decision':
    case 'move_to_meeting':
      return `/tjansteutlatanden/${id}`;
    case 'answer_preparation':
      return type === 'preparation_request' ? `/beredningsfragor/${id}` : null;
    default:
      return null;
  }
}
