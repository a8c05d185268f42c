import { consultationErrors } from '../consultation.errors.js';
import type { ConsultationRecipientEntity } from './consultation-recipient.entity.js';

/** A recipient in the municipality: an organisation that answers through its own registry. */
export type InternalRecipient = ConsultationRecipientEntity & { organisationId: string };

/** A recipient outside the municipality, reached by e-mail; the sender registers its answer. */
export type ExternalRecipient = ConsultationRecipientEntity & {
  organisationId: null;
  externalName: string;
  externalEmail: string;
};

/**
 * For the flows of a recipient's own registry (assigning, declining, asking for more time). An
 * external recipient has none, so for it the recipient asked about is not there.
 */
export function assertInternal(recipient: ConsultationRecipientEntity): asserts recipient is InternalRecipient {
  if (recipient.organisationId === null) {
    throw consultationErrors.recipientNotFound();
  }
}

/** For the flows the sender does for an external recipient (a letter, an answer by post). */
export function assertExternal(recipient: ConsultationRecipientEntity): asserts recipient is ExternalRecipient {
  // The table's checks keep the name and the address together, and only where there is no organisation.
  if (recipient.organisationId !== null || recipient.externalName === null || recipient.externalEmail === null) {
    throw consultationErrors.notExternal();
  }
}
