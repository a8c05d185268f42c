export * from './certificates/signing-certificate.service.js';
export { DOCUMENT_ENTITIES } from './document.entities.js';
export * from './document.module.js';
export * from './issued/document-issuer.service.js';
export * from './issued/draft-preview.service.js';
export { RenderPool } from './issued/render-pool.service.js';
export * from './render/index.js';
export * from './verify/verification.service.js';
