import { formatDate } from '../../../ui/format';
import { POSITION_LABEL } from '../../../ui/labels';
import { Markup } from '../../../ui/Markup';
import { statementMessages as s } from '../messages';
import type { PartsInput, Statement } from '../statement-queries';
import type { PartKey } from './parts-form';

/** One part of a version, as a reader sees it: to compare two versions side by side. */
export function PartPreview({
  part,
  parts,
  statement,
  meetingDate,
}: {
  part: PartKey;
  parts: PartsInput;
  statement: Statement;
  meetingDate: (id: string) => string | undefined;
}) {
  switch (part) {
    case 'title':
    case 'heading':
      return <p>{parts[part] || s.noText}</p>;
    case 'summary':
    case 'background':
    case 'matter':
    case 'views':
      return parts[part].trim() ? <Markup text={parts[part]} /> : <p>{s.noText}</p>;
    case 'proposedDecision':
      return (
        <ol>
          {parts.proposedDecision.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
      );
    case 'preparation': {
      const consulted = statement.consultedDepartments.filter((d) =>
        parts.preparation.consultedDepartmentIds.includes(d.id),
      );
      return (
        <>
          {parts.preparation.text.trim() ? <Markup text={parts.preparation.text} /> : <p>{s.noText}</p>}
          <p>
            {s.consultedDepartments}: {consulted.map((d) => d.name).join(', ') || s.noConsulted}
          </p>
          <p>
            {s.unionsInformed}:{' '}
            {parts.preparation.unionsInformedOn
              ? s.unionsOn(formatDate(parts.preparation.unionsInformedOn), parts.preparation.unionForum ?? null)
              : s.unionsNotInformed}
          </p>
        </>
      );
    }
    case 'position':
      return <p>{parts.position ? POSITION_LABEL[parts.position] : s.noPosition}</p>;
    case 'sections':
      return (
        <dl>
          {statement.remissSections.map((section) => {
            const answer = parts.sections.find((a) => a.sectionId === section.id);
            return (
              <div key={section.id}>
                <dt>{section.title}</dt>
                <dd>
                  {answer?.position ? POSITION_LABEL[answer.position] : s.noPosition}
                  {answer?.comment.trim() ? <Markup text={answer.comment} /> : null}
                </dd>
              </div>
            );
          })}
        </dl>
      );
    case 'attachments':
      return parts.attachments.length ? (
        <ol>
          {parts.attachments.map((a, i) => (
            <li key={i}>{a.title}</li>
          ))}
        </ol>
      ) : (
        <p>{s.noText}</p>
      );
    case 'meetingId': {
      const date = parts.meetingId ? meetingDate(parts.meetingId) : undefined;
      return <p>{date ? s.meeting(formatDate(date)) : s.noMeeting}</p>;
    }
    case 'documentDate':
      return <p>{formatDate(parts.documentDate)}</p>;
  }
}
