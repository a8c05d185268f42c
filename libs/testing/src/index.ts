export * from './factories.js';
