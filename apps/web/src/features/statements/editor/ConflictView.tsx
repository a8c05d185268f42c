import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';

import { Button } from '../../../ui/Button';
import { PART_LABEL } from '../messages';
import type { PartsInput, Statement } from '../statement-queries';
import { conflictMessages as t } from './messages';
import { type PartConflict, type PartKey, merge } from './parts-form';
import { PartPreview } from './PartPreview';

export interface ConflictViewProps {
  readonly statement: Statement;
  readonly mine: PartsInput;
  readonly theirs: PartsInput;
  readonly theirRevision: number;
  readonly theirAuthor: string;
  readonly conflicts: readonly PartConflict[];
  readonly meetingDate: (id: string) => string | undefined;
  readonly isSaving: boolean;
  /** Saves the chosen text on the newer version. */
  readonly onSave: (merged: PartsInput) => void;
  /** Goes back to the editor with the chosen text, on the newer version. */
  readonly onEdit: (merged: PartsInput) => void;
}

/**
 * A stale save: the person's text and the newer saved version, part by part where they differ.
 * The person takes either for each part (a part only the other changed starts as theirs) and
 * saves on the new base, or goes back to edit; nothing typed is lost.
 */
export function ConflictView(props: ConflictViewProps) {
  const { statement, mine, theirs, theirRevision, theirAuthor, conflicts, meetingDate } = props;
  const [takeTheirs, setTakeTheirs] = useState<ReadonlySet<PartKey>>(
    () => new Set(conflicts.filter((c) => !c.both).map((c) => c.key)),
  );
  const merged = merge(mine, theirs, takeTheirs);
  const labelOf = (key: PartKey) => (key === 'proposedDecision' ? PART_LABEL.proposedDecision : PART_LABEL[key]);
  return (
    <section className="conflict" aria-labelledby="konflikt">
      <h2 id="konflikt">{t.title}</h2>
      <p>{t.intro(theirRevision, theirAuthor)}</p>
      {conflicts.map(({ key, both }) => (
        <div key={key} className="conflict__part">
          <h3>{labelOf(key)}</h3>
          <p className="muted">{both ? t.both : t.onlyTheirs}</p>
          <div className="conflict__versions">
            <div className="conflict__version">
              <h4>{t.mine}</h4>
              <PartPreview part={key} parts={mine} statement={statement} meetingDate={meetingDate} />
            </div>
            <div className="conflict__version">
              <h4>{t.theirs(theirRevision)}</h4>
              <PartPreview part={key} parts={theirs} statement={statement} meetingDate={meetingDate} />
            </div>
          </div>
          <RadioGroup
            className="field"
            value={takeTheirs.has(key) ? 'theirs' : 'mine'}
            onChange={(value) => {
              const next = new Set(takeTheirs);
              if (value === 'theirs') {
                next.add(key);
              } else {
                next.delete(key);
              }
              setTakeTheirs(next);
            }}
          >
            <Label className="field__label">{labelOf(key)}</Label>
            <Radio value="mine" className="radio">
              {t.takeMine(labelOf(key))}
            </Radio>
            <Radio value="theirs" className="radio">
              {t.takeTheirs(`${theirRevision}: ${labelOf(key)}`)}
            </Radio>
          </RadioGroup>
        </div>
      ))}
      <div className="button-row">
        <Button isPending={props.isSaving} onPress={() => props.onSave(merged)}>
          {t.saveOnNew(theirRevision)}
        </Button>
        <Button variant="secondary" onPress={() => props.onEdit(merged)}>
          {t.edit}
        </Button>
      </div>
    </section>
  );
}
