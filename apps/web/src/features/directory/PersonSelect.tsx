import { useQuery } from '@tanstack/react-query';

import type { components } from '../../api/openapi';
import { SelectField } from '../../ui/SelectField';
import { peopleQuery } from './people-query';

type Person = components['schemas']['PersonResponse'];

/** A person of the organisation (not disabled), chosen by name and title. */
export function PersonSelect({
  include = () => true,
  ...props
}: {
  /** The button's id, which the error summary links to. */
  id: string;
  label: string;
  placeholder: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  errors?: readonly string[];
  include?: (person: Person) => boolean;
}) {
  const people = useQuery(peopleQuery);
  const options = (people.data ?? [])
    .filter((p) => !p.disabled && include(p))
    .map((p) => ({ id: p.id, label: p.title ? `${p.name}, ${p.title}` : p.name, textValue: p.name }));
  return <SelectField {...props} options={options} />;
}
