import type { FormProblems } from '../../ui/form-problems';
import { TextField } from '../../ui/TextField';
import { substituteMessages as t } from './messages';

/** The period fields of naming a substitute, by their ids and labels for the problems of the API. */
export const PERIOD_FIELDS = {
  validFrom: { id: 'substitute-from', label: t.validFrom },
  validTo: { id: 'substitute-to', label: t.validTo },
};

/** From and to which day a substitute stands in, wherever a substitute is named. */
export function SubstitutePeriodFields({
  validFrom,
  validTo,
  onValidFrom,
  onValidTo,
  problems,
}: {
  validFrom: string;
  validTo: string;
  onValidFrom: (value: string) => void;
  onValidTo: (value: string) => void;
  problems: FormProblems;
}) {
  return (
    <>
      <TextField
        id={PERIOD_FIELDS.validFrom.id}
        label={t.validFrom}
        type="date"
        width="short"
        value={validFrom}
        onChange={onValidFrom}
        errors={problems.fields.get('validFrom')}
      />
      <TextField
        id={PERIOD_FIELDS.validTo.id}
        label={t.validTo}
        type="date"
        width="short"
        value={validTo}
        onChange={onValidTo}
        errors={problems.fields.get('validTo')}
      />
    </>
  );
}
