export * from './database.module.js';
export * from './schema.js';
