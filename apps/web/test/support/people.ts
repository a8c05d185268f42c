/** The seed's demo people the browser tests act as (README: Demo accounts). */
export const PASSWORD = 'remiss-demo-2025';

export const JENS = { email: 'jens.westlund@stockholm.se', name: 'Jens Westlund' } as const;
export const ALEXANDER = { email: 'alexander.baena@stockholm.se', name: 'Alexander Baena' } as const;
export const LEE = { email: 'lee.orberson@stockholm.se', name: 'Lee Orberson' } as const;
export const MAJA = { email: 'maja.lindqvist@stockholm.se', name: 'Maja Lindqvist' } as const;
export const SARA = { email: 'sara.ekstrom@stockholm.se', name: 'Sara Ekström' } as const;
export const KIM = { email: 'kim.nordin@stockholm.se', name: 'Kim Nordin' } as const;

export type Person = { readonly email: string; readonly name: string };

/** People logged in once, before the tests, whose browser state the tests reuse. */
export const LOGGED_IN: readonly Person[] = [JENS, ALEXANDER, LEE, MAJA];

export const HAGERSTEN_ALVSJO = 'Hägersten-Älvsjö stadsdelsnämnd';
