import { useQuery } from '@tanstack/react-query';
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';

import type { components } from '../../../api/openapi';
import { useMe } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { QueryState } from '../../../ui/QueryState';
import { TextField } from '../../../ui/TextField';
import { recipientCandidatesQuery } from '../consultation-queries';
import { consultationMessages } from '../messages';
import { newRemissMessages as t } from './messages';
import { externalEmailId, externalNameId, FIELD_IDS, type RecipientGroup, type RemissDraft } from './remiss-draft';
import { newKey, type StepProps } from './steps';

type Kind = components['schemas']['OrganisationKind'];

/** The directory's bodies by kind, each kind a group of its own. */
const KINDS: readonly { readonly kind: Kind; readonly label: string }[] = [
  { kind: 'district_board', label: 'Stadsdelsnämnder' },
  { kind: 'specialist_board', label: 'Facknämnder' },
  { kind: 'company_board', label: 'Bolagsstyrelser' },
];

const GROUPS: readonly RecipientGroup[] = ['district_boards', 'specialist_boards', 'company_boards'];

/** Who gets the remiss: whole groups, bodies one by one, and external bodies by name and e-mail. */
export function RecipientsStep({ draft, change, errorsOf }: StepProps) {
  const me = useMe();
  const candidates = useQuery(recipientCandidatesQuery);
  const missing = errorsOf(FIELD_IDS.recipients);
  const external = draft.external;
  const updateExternal = (i: number, next: Partial<RemissDraft['external'][number]>) =>
    change({ external: external.map((e, j) => (j === i ? { ...e, ...next } : e)) });
  return (
    <>
      <CheckboxGroup
        className="field"
        value={[...draft.groups]}
        onChange={(groups) => change({ groups: groups as RecipientGroup[] })}
        isInvalid={Boolean(missing)}
        validationBehavior="aria"
      >
        <Label className="field__label">{t.groupsLabel}</Label>
        <Text slot="description" className="field__hint">
          {t.groupsHint}
        </Text>
        {missing ? (
          <Text slot="errorMessage" className="field__error">
            {missing.join(' ')}
          </Text>
        ) : null}
        {GROUPS.map((g, i) => (
          <Checkbox key={g} value={g} className="checkbox" id={i === 0 ? FIELD_IDS.recipients : undefined}>
            {consultationMessages.groups[g]}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <h3>{t.oneByOne}</h3>
      <QueryState query={candidates}>
        {(organisations) =>
          KINDS.map(({ kind, label }) => {
            const ofKind = organisations.filter((o) => o.kind === kind && o.active && o.id !== me.organisation?.id);
            if (ofKind.length === 0) {
              return null;
            }
            const ids = new Set(ofKind.map((o) => o.id));
            return (
              <CheckboxGroup
                key={kind}
                className="field"
                value={draft.organisationIds.filter((id) => ids.has(id))}
                onChange={(chosen) =>
                  change({ organisationIds: [...draft.organisationIds.filter((id) => !ids.has(id)), ...chosen] })
                }
              >
                <Label className="field__label">{label}</Label>
                {ofKind.map((o) => (
                  <Checkbox key={o.id} value={o.id} className="checkbox">
                    {o.name}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            );
          })
        }
      </QueryState>
      <h3>{t.externalLegend}</h3>
      <p>{t.externalIntro}</p>
      {external.map((e, i) => (
        <fieldset key={e.key} className="fieldset">
          <legend>{t.externalLegendOf(i + 1)}</legend>
          <TextField
            id={externalNameId(i)}
            label={t.externalName}
            width="medium"
            value={e.name}
            onChange={(name) => updateExternal(i, { name })}
            errors={errorsOf(externalNameId(i))}
          />
          <TextField
            id={externalEmailId(i)}
            label={t.externalEmail}
            type="email"
            width="medium"
            value={e.email}
            onChange={(email) => updateExternal(i, { email })}
            errors={errorsOf(externalEmailId(i))}
          />
          <Button variant="secondary" onPress={() => change({ external: external.filter((_, j) => j !== i) })}>
            {t.removeExternal(i + 1)}
          </Button>
        </fieldset>
      ))}
      <p>
        <Button
          variant="secondary"
          onPress={() => change({ external: [...external, { key: newKey(), name: '', email: '' }] })}
        >
          {t.addExternal}
        </Button>
      </p>
    </>
  );
}
