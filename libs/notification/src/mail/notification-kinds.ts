export type MailDelivery = 'immediate' | 'digest' | 'off';

/**
 * The kinds of notification a person can choose how to hear of by e-mail, with the choice of
 * someone who never chose: what waits for the person's own action at once, the rest in the
 * morning's digest.
 */
export const NOTIFICATION_KINDS: Readonly<Record<string, { readonly label: string; readonly default: MailDelivery }>> =
  {
    consultation_assigned: { label: 'En remiss tilldelas dig', default: 'immediate' },
    statement_awaiting_approval: { label: 'Ett tjänsteutlåtande väntar på ditt godkännande', default: 'immediate' },
    statement_changes_requested: { label: 'Ändringar begärs i din text', default: 'immediate' },
    preparation_requested: { label: 'En beredningsfråga till din avdelning', default: 'immediate' },
    consultation_reminder: { label: 'Påminnelse om svarsdatum', default: 'digest' },
    consultation_overdue: { label: 'En remiss är försenad', default: 'immediate' },
    consultation_received: { label: 'En ny remiss har kommit', default: 'digest' },
    consultation_corrected: { label: 'Remissunderlaget har rättats', default: 'digest' },
    consultation_declined: { label: 'En mottagare avstår', default: 'digest' },
    consultation_answered: { label: 'Ett remissvar har kommit', default: 'digest' },
    extension_requested: { label: 'Anstånd begärs', default: 'digest' },
    preparation_answered: { label: 'En beredningsfråga har besvarats', default: 'digest' },
    statement_approved: { label: 'Ett tjänsteutlåtande är godkänt', default: 'digest' },
    statement_moved: { label: 'Ett ärende har flyttats till ett annat sammanträde', default: 'digest' },
    extension_granted: { label: 'Anstånd beviljas', default: 'digest' },
    extension_refused: { label: 'Anstånd avslås', default: 'digest' },
    statement_adopted: { label: 'Nämnden har beslutat', default: 'digest' },
    statement_referred_back: { label: 'Ett ärende har återremitterats', default: 'digest' },
    role_granted: { label: 'Du har fått en roll', default: 'digest' },
  };

export const MAIL_DELIVERIES: readonly MailDelivery[] = ['immediate', 'digest', 'off'];

export function defaultDelivery(kind: string): MailDelivery {
  return NOTIFICATION_KINDS[kind]?.default ?? 'digest';
}
