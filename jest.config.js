/**
 * One jest run for every suite: unit (`*.spec.ts`), integration (`*.int-spec.ts`, real
 * PostgreSQL and Redis) and end-to-end (`*.e2e-spec.ts`, HTTP with API and worker). The code is
 * ES modules, so jest runs with --experimental-vm-modules (see package.json).
 */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/scripts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static (CommonJS) require()s content-disposition 3, which is ES-module only. Node
    // ≥ 20.19 loads that natively; jest's module loader does not, so the tests give it the
    // CommonJS build of the same API (content-disposition 2, a dev dependency).
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/dist/index.js',
  },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { swcrc: true }],
  },
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
