import { useQuery } from '@tanstack/react-query';

import { POSITION_LABEL } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { compareMessages as t, PART_LABEL } from './messages';
import { compareQuery, type PartChange, type Statement } from './statement-queries';
import { wordDiff } from './word-diff';

/** A part's value as text to compare: what a reader would read, field by field. */
function asText(value: PartChange['from'], statement: Statement): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'string') {
    return (POSITION_LABEL as Readonly<Record<string, string>>)[value] ?? value;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'string') {
          return item;
        }
        if ('sectionId' in item) {
          const title = statement.remissSections.find((s) => s.id === item.sectionId)?.title ?? '';
          return `${title}: ${item.position ? POSITION_LABEL[item.position] : ''} ${item.comment}`;
        }
        return item.title;
      })
      .join('\n');
  }
  const consulted = statement.consultedDepartments
    .filter((d) => value.consultedDepartmentIds.includes(d.id))
    .map((d) => d.name);
  return [value.text, consulted.join(', '), value.unionsInformedOn ?? '', value.unionForum ?? ''].join('\n');
}

/** Part by part, what changed between two revisions: insertions and deletions marked. */
export function CompareView({ statement, from, to }: { statement: Statement; from: number; to: number }) {
  const query = useQuery(compareQuery(statement.id, from, to));
  return (
    <QueryState query={query}>
      {(changes) => {
        const changed = changes.filter((c) => c.changed);
        return changed.length === 0 ? (
          <p>{t.nothing(from, to)}</p>
        ) : (
          <>
            <p className="muted">{t.legend}</p>
            {changed.map((change) => (
              <section key={change.part} className="compare__part" aria-labelledby={`andrat-${change.part}`}>
                <h3 id={`andrat-${change.part}`}>{PART_LABEL[change.part]}</h3>
                <p className="compare__text">
                  {wordDiff(asText(change.from, statement), asText(change.to, statement)).map((piece, i) =>
                    piece.kind === 'same' ? (
                      <span key={i}>{piece.text}</span>
                    ) : piece.kind === 'inserted' ? (
                      <ins key={i}>
                        <span className="visually-hidden">{t.insertedStart}</span>
                        {piece.text}
                        <span className="visually-hidden">{t.insertedEnd}</span>
                      </ins>
                    ) : (
                      <del key={i}>
                        <span className="visually-hidden">{t.deletedStart}</span>
                        {piece.text}
                        <span className="visually-hidden">{t.deletedEnd}</span>
                      </del>
                    ),
                  )}
                </p>
              </section>
            ))}
          </>
        );
      }}
    </QueryState>
  );
}
