export { NOTIFICATION_ENTITIES } from './notification.entities.js';
export * from './notification.module.js';
export * from './notification.service.js';
