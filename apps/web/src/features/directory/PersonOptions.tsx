import { useQuery } from '@tanstack/react-query';

import { peopleQuery } from './people-query';

/** The organisation's people who can still be chosen, as the options of a native select. */
export function PersonOptions() {
  const people = useQuery(peopleQuery);
  return (people.data ?? [])
    .filter((p) => !p.disabled)
    .map((p) => (
      <option key={p.id} value={p.id}>
        {p.name}
      </option>
    ));
}
