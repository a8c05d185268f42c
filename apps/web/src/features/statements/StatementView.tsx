import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { Facts } from '../../ui/Facts';
import { formatDate } from '../../ui/format';
import { POSITION_LABEL } from '../../ui/labels';
import { Markup } from '../../ui/Markup';
import { peopleQuery } from '../directory/people-query';
import { PART_LABEL, statementMessages as t } from './messages';
import type { Parts, Statement } from './statement-queries';

/**
 * A revision of the tjänsteutlåtande as a reader meets it: every part in the order of the printed
 * document, the text parts in their markup rendered as text.
 */
export function StatementView({ statement, parts }: { statement: Statement; parts: Parts }) {
  const people = useQuery(peopleQuery);
  const officer = people.data?.find((p) => p.id === parts.officerId);
  const consulted = statement.consultedDepartments.filter((d) =>
    parts.preparation.consultedDepartmentIds.includes(d.id),
  );
  return (
    <article className="statement" aria-label={parts.title}>
      <Facts
        items={[
          [PART_LABEL.officerId, officer ? `${officer.name}${officer.title ? `, ${officer.title}` : ''}` : '…'],
          [PART_LABEL.documentDate, formatDate(parts.documentDate)],
          [
            PART_LABEL.meetingId,
            statement.meeting
              ? `${t.meeting(formatDate(statement.meeting.meetingDate))}${statement.meeting.cancelled ? ` ${t.cancelled}` : ''}`
              : t.noMeeting,
          ],
        ]}
      />
      <p className="statement__title">{parts.title}</p>
      <p className="statement__heading">{parts.heading}</p>
      <Part label={PART_LABEL.proposedDecision}>
        <ol>
          {parts.proposedDecision.map((point, i) => (
            <li key={i}>{point}</li>
          ))}
        </ol>
      </Part>
      <TextPart label={PART_LABEL.summary} text={parts.summary} />
      <TextPart label={PART_LABEL.background} text={parts.background} />
      <TextPart label={PART_LABEL.matter} text={parts.matter} />
      <Part label={PART_LABEL.preparation}>
        <Text text={parts.preparation.text} />
        <Facts
          items={[
            [t.consultedDepartments, consulted.length ? consulted.map((d) => d.name).join(', ') : t.noConsulted],
            [
              t.unionsInformed,
              parts.preparation.unionsInformedOn
                ? t.unionsOn(formatDate(parts.preparation.unionsInformedOn), parts.preparation.unionForum)
                : t.unionsNotInformed,
            ],
          ]}
        />
      </Part>
      <TextPart label={PART_LABEL.views} text={parts.views} />
      <Part label={PART_LABEL.position}>
        <p>{parts.position ? POSITION_LABEL[parts.position] : t.noPosition}</p>
      </Part>
      {statement.remissSections.map((section) => {
        const answer = parts.sections.find((s) => s.sectionId === section.id);
        return (
          <Part key={section.id} label={section.title} level={3}>
            <Facts items={[[t.sectionPosition, answer?.position ? POSITION_LABEL[answer.position] : t.noPosition]]} />
            <Text text={answer?.comment ?? ''} />
          </Part>
        );
      })}
      <Part label={PART_LABEL.attachments}>
        {parts.attachments.length ? (
          <ol>
            {parts.attachments.map((a, i) => (
              <li key={i}>{a.title}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t.noText}</p>
        )}
      </Part>
    </article>
  );
}

function Part({ label, level = 2, children }: { label: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="statement__part">
      <Heading>{label}</Heading>
      {children}
    </section>
  );
}

function TextPart({ label, text }: { label: string; text: string }) {
  return (
    <Part label={label}>
      <Text text={text} />
    </Part>
  );
}

function Text({ text }: { text: string }) {
  return text.trim() ? <Markup text={text} /> : <p className="muted">{t.noText}</p>;
}
