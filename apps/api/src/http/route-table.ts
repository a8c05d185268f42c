import type { FastifyInstance } from 'fastify';

import type { AccessConfig, AccessRule } from '../auth/access-rule.js';

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule | undefined;
}

/** Routes added by plugins rather than controllers, and the rule each prefix gets. */
export interface PluginRouteRule {
  readonly prefix: string;
  readonly access: AccessRule;
}

/**
 * Records every route as Fastify registers it (the server's own route table), and gives the
 * routes that plugins add (documentation, dashboard) the access rule of their prefix.
 */
export function recordRoutes(fastify: FastifyInstance, pluginRules: readonly PluginRouteRule[]): RouteEntry[] {
  const table: RouteEntry[] = [];
  fastify.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as AccessConfig & Record<string, unknown>;
    if (!config.access) {
      const rule = pluginRules.find((r) => route.url === r.prefix || route.url.startsWith(`${r.prefix}/`));
      if (rule) {
        route.config = { ...config, access: rule.access };
      }
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      table.push({ method, url: route.url, access: route.config?.access });
    }
  });
  return table;
}
