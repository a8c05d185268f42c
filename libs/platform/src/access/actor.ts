import { DomainError, ErrorKind } from '../errors/domain-error.js';
import { ROLE_LABEL, type Role } from './role.js';

/**
 * Who is acting: a logged-in person acting for one organisation, or the system itself (the
 * worker relaying and processing jobs). Services take it as their first argument.
 */
export type Actor = PersonActor | SystemActor;

export interface PersonActor {
  readonly kind: 'person';
  readonly personId: string;
  readonly organisationId: string;
  readonly roles: ReadonlySet<Role>;
}

export interface SystemActor {
  readonly kind: 'system';
  /** What the system is doing, recorded in the audit trail (`worker:distribution`). */
  readonly process: string;
}

export function personActor(personId: string, organisationId: string, roles: Iterable<Role>): PersonActor {
  return { kind: 'person', personId, organisationId, roles: new Set(roles) };
}

export function systemActor(process: string): SystemActor {
  return { kind: 'system', process };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'system' || roles.some((r) => actor.roles.has(r));
}

/** Throws 403 unless the actor holds one of the roles in the organisation it acts for. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw new DomainError(
      'access.role_required',
      ErrorKind.Forbidden,
      `Du behöver rollen ${roles.map((r) => ROLE_LABEL[r]).join(' eller ')} för att göra detta.`,
    );
  }
}

/**
 * Throws 403 unless a person acts. Approving, answering, deciding and the like are a person's
 * acts, recorded in their name; the system never takes them.
 */
export function requirePerson(actor: Actor): asserts actor is PersonActor {
  if (actor.kind !== 'person') {
    throw new DomainError(
      'access.person_required',
      ErrorKind.Forbidden,
      'Det här gör en inloggad person i sitt eget namn, inte systemet.',
    );
  }
}

/** The person's id, or null for the system. */
export function actorPersonId(actor: Actor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}
