import { type Actor, hasRole, Role } from '@app/platform';

/** What the rule needs to know of a registered document and its case. */
export interface SecrecySubject {
  readonly organisationId: string;
  readonly secrecyGround: string | null;
  readonly responsiblePersonId: string | null;
}

/**
 * The registry's one secrecy rule (offentlighets- och sekretesslagen): a document marked secret
 * shows its title, counterpart and file only to the system, the registrars of the organisation
 * that holds it and the officer responsible for its case. Everyone else, anyone in another
 * organisation included, is kept from them.
 */
export function isWithheldFrom(actor: Actor, document: SecrecySubject): boolean {
  if (document.secrecyGround === null || actor.kind === 'system') {
    return false;
  }
  if (actor.organisationId !== document.organisationId) {
    return true;
  }
  return !hasRole(actor, Role.Registrar) && actor.personId !== document.responsiblePersonId;
}

/**
 * How a secret document's title reads where it is withheld, and in every document the system
 * prints or pre-fills (a printed document becomes a public record, whoever reads it later).
 */
export function secretTitle(ground: string): string {
  return `Sekretessmarkerad handling (${ground})`;
}

/** A secret document's counterpart where it is withheld: often the very identity the secrecy protects. */
export const SECRET_COUNTERPART = 'Sekretessmarkerad uppgift';

/** A secret document's file name where it is withheld (the name often repeats the title); the extension stays. */
export function secretFileName(fileName: string): string {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  return `Sekretessmarkerad handling${extension}`;
}
