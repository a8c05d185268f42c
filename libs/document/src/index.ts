export * from './render/index.js';
export * from './signing/index.js';
