import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** How a person wants to hear of one kind of notification by e-mail. */
@Entity('notification_preferences')
@Check('chk_notification_preferences_delivery', `delivery IN ('immediate', 'digest', 'off')`)
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('PersonEntity')
  personId!: string;

  @PrimaryColumn('text')
  kind!: string;

  @Column('text')
  delivery!: 'immediate' | 'digest' | 'off';
}
