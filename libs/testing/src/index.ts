export * from './factories.js';
export * from './reference-case.js';
