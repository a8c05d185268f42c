import type { OutsideSenderView } from '../consultation.views.js';
import type { ConsultationEntity } from './consultation.entity.js';

/** The sender outside the directory of a remiss recorded by its receiver, if it is one. */
export function outsideSenderOf(row: ConsultationEntity): OutsideSenderView | null {
  if (row.outsideSenderName === null) {
    return null;
  }
  return {
    name: row.outsideSenderName,
    email: row.outsideSenderEmail ?? '',
    postalAddress: (row.outsideSenderAddress ?? '').split('\n').filter((line) => line.trim() !== ''),
    reference: row.outsideSenderReference,
  };
}
