export * from './document-kind.js';
export { ISSUANCE_ENTITIES } from './issuance.entities.js';
export * from './issuance.module.js';
export * from './issuance.service.js';
