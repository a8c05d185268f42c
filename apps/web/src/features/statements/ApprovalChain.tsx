import { useQuery } from '@tanstack/react-query';

import { formatDate, formatDateTime } from '../../ui/format';
import { ROLE_LABEL } from '../../ui/labels';
import { peopleQuery } from '../directory/people-query';
import { statementMessages as t } from './messages';
import type { Statement } from './statement-queries';

/**
 * The approval chain of a statement: each step in order, who holds it (in the officer's own
 * department when the step asks), and what has been decided in the round under way.
 */
export function ApprovalChain({ statement, officerId }: { statement: Statement; officerId: string }) {
  const people = useQuery(peopleQuery);
  const officer = people.data?.find((p) => p.id === officerId);
  return (
    <ol className="chain">
      {statement.chain.map((step) => {
        const holders = (people.data ?? []).filter(
          (p) =>
            !p.disabled &&
            p.roles.some((r) => r.organisationId === statement.organisationId && r.role === step.role) &&
            (!step.sameDepartment ||
              ((officer?.departmentId ?? null) !== null && p.departmentId === officer?.departmentId)),
        );
        const decided = statement.approvals.filter((a) => a.step === step.step);
        const waiting = statement.nextStep?.step === step.step;
        return (
          <li key={step.step} className={`chain__step${waiting ? ' chain__step--waiting' : ''}`}>
            <p className="chain__role">
              {t.step(step.step, ROLE_LABEL[step.role])}
              {step.sameDepartment ? <span className="muted"> {t.sameDepartment}</span> : null}
            </p>
            {holders.length ? (
              <p className="chain__holders">
                {holders.map((p) => `${p.name}${p.title ? `, ${p.title}` : ''}`).join('; ')}
              </p>
            ) : null}
            {decided.map((a) => (
              <p key={`${a.approver.id}${a.decidedAt}`} className={`chain__decision chain__decision--${a.decision}`}>
                {a.decision === 'approved'
                  ? t.approvedBy(a.approver.name, formatDateTime(a.decidedAt))
                  : t.changesRequestedBy(a.approver.name, formatDateTime(a.decidedAt))}
                {a.onBehalfOf ? ` ${t.onBehalfOf(a.onBehalfOf.name)}` : ''}
                {a.comment ? <q className="chain__comment">{a.comment}</q> : null}
              </p>
            ))}
            {waiting ? <p className="chain__waiting">{t.waiting}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function meetingText(statement: Statement): string {
  return statement.meeting ? t.meeting(formatDate(statement.meeting.meetingDate)) : t.noMeeting;
}
