import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The domain libraries from the top layer down (README, Architecture). A library may import the
 * libraries of the layers below its own, never one beside or above it.
 */
export const LAYERS = [
  ['document'],
  ['statement'],
  ['consultation'],
  ['registry', 'notification'],
  ['issuance', 'directory'],
  ['pdf'],
  ['markup'],
  ['platform'],
];
const DOMAIN_LIBS = LAYERS.flat();
/** `schema` gathers every library's entities; `testing` serves tests, benchmarks and scripts. */
const LIBS = [...DOMAIN_LIBS, 'schema', 'testing'];
const APPS = ['api', 'worker'];

/** Who may import whom: every import of another part of the code base must be allowed here. */
const dependencyPolicies = [
  ...LAYERS.flatMap((layer, depth) =>
    layer.map((lib) => ({
      from: { element: { type: lib } },
      allow: { to: { element: { types: { anyOf: LAYERS.slice(depth + 1).flat() } } } },
    })),
  ),
  {
    from: { element: { type: 'schema' } },
    allow: { to: { element: { types: { anyOf: [...DOMAIN_LIBS, 'migrations'] } } } },
  },
  { from: { element: { type: 'testing' } }, allow: { to: { element: { types: { anyOf: DOMAIN_LIBS } } } } },
  { from: { element: { type: 'app' } }, allow: { to: { element: { types: { anyOf: [...DOMAIN_LIBS, 'schema'] } } } } },
  { from: { element: { type: 'migrations' } }, allow: { to: { element: { type: 'platform' } } } },
  // Tests, benchmarks and scripts compose everything, the applications included.
  {
    from: { element: { types: { anyOf: ['test', 'bench', 'scripts'] } } },
    allow: { to: { element: { types: { anyOf: [...LIBS, 'app', 'test', 'bench', 'scripts'] } } } },
  },
  // A library's own tests may use the test helpers.
  { from: { file: { categories: 'test' } }, allow: { to: { element: { type: 'testing' } } } },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      'out/**',
      '.bench-dist/**',
      'playwright-report/**',
      'test-results/**',
      '**/*.mjs',
      'jest.config.js',
      'jest.unit.config.js',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        ...LIBS.map((lib) => ({ type: lib, pattern: `libs/${lib}`, partialMatch: false })),
        ...APPS.map((app) => ({ type: 'app', pattern: `apps/${app}`, partialMatch: false })),
        ...['test', 'bench', 'scripts', 'migrations'].map((dir) => ({ type: dir, pattern: dir, partialMatch: false })),
      ],
      'boundaries/files': [{ category: 'test', pattern: '**/*.{spec,int-spec,e2e-spec}.ts' }],
    },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: dependencyPolicies }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSTypeReference.typeAnnotation[typeName.name='Tx']",
          message: 'Only Db.transaction makes a Tx: take the transaction it hands you.',
        },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (libs/platform/src/config).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import a library through its index (@app/<lib>), never its internals.' },
            {
              group: LIBS.map((lib) => `**/libs/${lib}/**`),
              message: 'Use the @app/<lib> alias, not a relative path into another library.',
            },
            { group: ['**/apps/**'], message: 'Libraries never import from apps/.' },
          ],
        },
      ],
    },
  },
  {
    // A value that may be missing is checked, not asserted: a row through mustExist (a named
    // not-found error), anything else by narrowing. An exception says in its comment why the
    // value cannot be missing.
    files: ['libs/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    files: ['libs/platform/src/database/db.service.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Applications and tests compose the libraries and may reach into apps/ (tests boot them).
    files: ['apps/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import a library through its index (@app/<lib>), never its internals.' },
          ],
        },
      ],
    },
  },
  {
    // The web application runs in the browser: no process, and React's rules of hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Its build and browser-test configuration run in Node, outside the server's AppConfig.
    files: ['apps/web/*.ts', 'apps/web/test/**/*.ts', 'bench/web/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'apps/web/test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  prettier,
);
