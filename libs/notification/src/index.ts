export * from './mail/compose-mail.js';
export type { MailAttachmentRef, MailMessageEntity, MailStatus } from './mail/mail-message.entity.js';
export { MailRefused } from './mail/mail-transport.js';
export * from './mail/mail.service.js';
export * from './mail/notification-kinds.js';
export * from './mail/staff-mail.service.js';
export { NOTIFICATION_ENTITIES } from './notification.entities.js';
export * from './notification.module.js';
export * from './notification.service.js';
