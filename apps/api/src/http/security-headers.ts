import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The policy of the web application and of every API answer: scripts, styles, fonts and data
 * only from the server itself, no inline script or style, no plugins, never in a frame. Text a
 * person typed can then not run even where it reaches the page as markup.
 */
export const STRICT_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
} as const;

/**
 * The tools served by libraries of their own (Swagger UI, the queue dashboard) write inline
 * scripts and styles; they alone get a policy that allows them.
 */
const TOOLS_CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
  },
};

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: STRICT_CONTENT_SECURITY_POLICY,
  xFrameOptions: { action: 'deny' },
};

/** Gives the routes under the tools' prefixes, as they are registered, the tools' policy. */
export function relaxPolicyFor(fastify: FastifyInstance, prefixes: readonly string[]): void {
  fastify.addHook('onRoute', (route) => {
    if (prefixes.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) {
      route.config = {
        ...(route.config ?? {}),
        helmet: { contentSecurityPolicy: TOOLS_CONTENT_SECURITY_POLICY },
      } as typeof route.config;
    }
  });
}
