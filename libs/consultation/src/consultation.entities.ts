import { ConsultationAnswerSectionEntity } from './answer/consultation-answer-section.entity.js';
import { ConsultationAnswerEntity } from './answer/consultation-answer.entity.js';
import { ConsultationDocumentEntity } from './consultation/consultation-document.entity.js';
import { ConsultationSectionEntity } from './consultation/consultation-section.entity.js';
import { ConsultationEntity } from './consultation/consultation.entity.js';
import { ConsultationRecipientEntity } from './recipient/consultation-recipient.entity.js';
import { ExtensionRequestEntity } from './recipient/extension-request.entity.js';
import { ReminderEntity } from './reminder/reminder.entity.js';

/** The tables this library owns, for the schema registry only. */
export const CONSULTATION_ENTITIES = [
  ConsultationEntity,
  ConsultationSectionEntity,
  ConsultationDocumentEntity,
  ConsultationRecipientEntity,
  ExtensionRequestEntity,
  ReminderEntity,
  ConsultationAnswerEntity,
  ConsultationAnswerSectionEntity,
];
