/**
 * Unit tests only (`*.spec.ts`): no database, no Redis, no build needed. `npm run test:unit`.
 * The full run (`npm test`) uses jest.config.js, which also runs these.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
