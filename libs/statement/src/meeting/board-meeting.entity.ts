import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A meeting in a board's calendar (sammanträdesplan), with the last day to add documents to its agenda. */
@Entity('board_meetings')
@Index('uq_board_meetings_organisation_date', ['organisationId', 'meetingDate'], { unique: true })
@Check('chk_board_meetings_deadline', 'agenda_deadline <= meeting_date')
export class BoardMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('date')
  meetingDate!: string;

  @Column('date')
  agendaDeadline!: string;

  @Column('boolean', { default: false })
  cancelled!: boolean;
}
