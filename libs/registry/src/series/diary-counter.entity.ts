import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * The last number given in an organisation's diary series for one year. Registering a case
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

  @Column('integer')
  lastNumber!: number;
}
