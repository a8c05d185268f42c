import type { Role } from '@app/platform';

/**
 * Who may call a route. Every route of the server carries one in its Fastify route config
 * (`config.access`); the access hook enforces it and a test fails if any route lacks it.
 */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] }
  /** Administrators acting for the municipality itself: deployment-wide tools (the queue dashboard). */
  | { readonly kind: 'operators' };

export const PUBLIC: AccessRule = { kind: 'public' };
export const AUTHENTICATED: AccessRule = { kind: 'authenticated' };

export const OPERATORS: AccessRule = { kind: 'operators' };

export function rolesRule(...roles: Role[]): AccessRule {
  return { kind: 'roles', roles };
}

export interface AccessConfig {
  readonly access?: AccessRule;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's access rule (see AccessRule). */
    access?: AccessRule;
  }
}
