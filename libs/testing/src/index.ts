export * from './factories.js';
export * from './long-report.js';
export * from './pdf-inspection.js';
export * from './reference-case.js';
export * from './reference-report.js';
