export * from './markup.js';
