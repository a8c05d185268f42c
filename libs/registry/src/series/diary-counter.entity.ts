import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * The last number given in an organisation's diary series for one year (and classification). Registering a case
 * increments it inside the registering transaction, so numbers are gapless: a rolled-back
 * registration gives its number back (a sequence would not).
 */
@Entity('diary_counters')
@Check('chk_diary_counters_last_number', 'last_number >= 0')
export class DiaryCounterEntity {
  @PrimaryColumn('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @PrimaryColumn('integer')
  year!: number;

  /**
   * The classification code the numbers run within, when the series' format holds one
   * (`1.5.1-135-2012`); empty when they run for the whole year.
   */
  @PrimaryColumn('text', { default: '' })
  classification!: string;

  @Column('integer')
  lastNumber!: number;
}
