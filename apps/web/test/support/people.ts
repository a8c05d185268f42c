/** The seed's demo people the browser tests act as (README: Demo accounts). */
export const PASSWORD = 'remiss-demo-2025';

export const JENS = { email: 'jens.westlund@stockholm.se', name: 'Jens Westlund' } as const;
export const ALEXANDER = { email: 'alexander.baena@stockholm.se', name: 'Alexander Baena' } as const;
export const LEE = { email: 'lee.orberson@stockholm.se', name: 'Lee Orberson' } as const;
export const MAJA = { email: 'maja.lindqvist@stockholm.se', name: 'Maja Lindqvist' } as const;
export const SARA = { email: 'sara.ekstrom@stockholm.se', name: 'Sara Ekström' } as const;
/** The sender's side: Kommunstyrelsen's case officer and registrar. */
export const PER = { email: 'per.holm@stockholm.se', name: 'Per Holm' } as const;
export const KIM = { email: 'kim.nordin@stockholm.se', name: 'Kim Nordin' } as const;

/** Other districts, so that a test's notifications are its own. */
export const AMIRA = { email: 'amira.hassan@stockholm.se', name: 'Amira Hassan' } as const;
export const NILS = { email: 'nils.ekholm@stockholm.se', name: 'Nils Ekholm' } as const;
export const LINA = { email: 'lina.aberg@stockholm.se', name: 'Lina Åberg' } as const;
export const OSKAR = { email: 'oskar.wallin@stockholm.se', name: 'Oskar Wallin' } as const;
/** Only ever fails to log in (the test of too many attempts). */
export const IDA = { email: 'ida.nordqvist@stockholm.se', name: 'Ida Nordqvist' } as const;

export type Person = { readonly email: string; readonly name: string };

/** People logged in once, before the tests, whose browser state the tests reuse. */
export const LOGGED_IN: readonly Person[] = [JENS, ALEXANDER, LEE, MAJA, AMIRA, LINA, SARA, PER];

export const HAGERSTEN_ALVSJO = 'Hägersten-Älvsjö stadsdelsnämnd';

/** A recipient board and its registrar. */
export interface Board {
  readonly name: string;
  readonly registrar: Person;
}

export const HA_BOARD: Board = { name: HAGERSTEN_ALVSJO, registrar: MAJA };
export const JARVA_BOARD: Board = { name: 'Järva stadsdelsnämnd', registrar: NILS };
export const HASSELBY_BOARD: Board = { name: 'Hässelby-Vällingby stadsdelsnämnd', registrar: OSKAR };
export const BROMMA_BOARD: Board = {
  name: 'Bromma stadsdelsnämnd',
  registrar: { email: 'emil.dahl@stockholm.se', name: 'Emil Dahl' },
};
