import { MailMessageEntity } from './mail/mail-message.entity.js';
import { NotificationPreferenceEntity } from './mail/notification-preference.entity.js';
import { NotificationMessageEntity } from './notification-message.entity.js';
import { NotificationEntity } from './notification.entity.js';

/** The tables this library owns, for the schema registry only. */
export const NOTIFICATION_ENTITIES = [
  NotificationMessageEntity,
  NotificationEntity,
  MailMessageEntity,
  NotificationPreferenceEntity,
];
