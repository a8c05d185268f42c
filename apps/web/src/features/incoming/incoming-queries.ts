import { queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type Consultation = components['schemas']['ConsultationResponse'];
export type Recipient = components['schemas']['RecipientResponse'];

/** The remisses the organisation received, each with its own entry (`asRecipient`). */
export const receivedQuery = queryOptions({
  queryKey: ['/api/v1/consultations', 'received'],
  queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { role: 'received' } } })),
});

/** Not yet assigned and not declined: waiting for the registrar. */
export function waitsForAssignment(recipient: Recipient): boolean {
  return recipient.state === 'sent' || recipient.state === 'registered';
}
