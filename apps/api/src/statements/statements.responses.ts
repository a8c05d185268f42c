import { Position } from '@app/consultation';
import { Role } from '@app/platform';
import {
  type ApprovalView,
  type ChainStep,
  type DecisionView,
  type MeetingView,
  type PartChange,
  type PreparationRequestView,
  type RevisionView,
  type ScheduleView,
  type StatementParts,
  StatementStatus,
  type StatementView,
  type SubstituteView,
  type WorkItem,
} from '@app/statement';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

import { NamedReferenceResponse, RecordLinkResponse } from '../docs/common.responses.js';
import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';

export const DECISION_OUTCOMES = literalValues<DecisionView['outcome']>({
  adopted: true,
  adopted_with_amendments: true,
  referred_back: true,
  declined: true,
});

const STATEMENT_PARTS = literalValues<keyof StatementParts>({
  title: true,
  heading: true,
  proposedDecision: true,
  summary: true,
  background: true,
  matter: true,
  preparation: true,
  views: true,
  position: true,
  sections: true,
  attachments: true,
  officerId: true,
  meetingId: true,
  documentDate: true,
});

@Describes<StatementParts['preparation']>()
export class PreparationPartResponse {
  @ApiProperty({ description: 'Ärendets beredning.' })
  readonly text!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Avdelningarna som har hörts.' })
  readonly consultedDepartmentIds!: readonly string[];

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Dagen de fackliga informerades.' })
  readonly unionsInformedOn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'förvaltningsgruppen' })
  readonly unionForum!: string | null;
}

@Describes<StatementParts['sections'][number]>()
export class SectionPositionResponse {
  @ApiProperty({ format: 'uuid', description: 'Remissens del.' })
  readonly sectionId!: string;

  @ApiProperty({ enum: Position, enumName: 'Position', nullable: true })
  readonly position!: Position | null;

  @ApiProperty()
  readonly comment!: string;
}

@Describes<StatementParts['attachments'][number]>()
export class AttachmentResponse {
  @ApiProperty()
  readonly title!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Handlingen i ärendet, när det är en.' })
  readonly registeredDocumentId!: string | null;
}

@Describes<StatementParts>()
export class StatementPartsResponse {
  @ApiProperty()
  readonly title!: string;

  @ApiProperty({ example: 'Yttrande till kommunstyrelsen' })
  readonly heading!: string;

  @ApiProperty({ type: [String], description: 'Förvaltningens förslag till beslut, en post per beslutspunkt.' })
  readonly proposedDecision!: readonly string[];

  @ApiProperty()
  readonly summary!: string;

  @ApiProperty()
  readonly background!: string;

  @ApiProperty({ description: 'Ärendet.' })
  readonly matter!: string;

  @ApiProperty({ type: PreparationPartResponse })
  readonly preparation!: PreparationPartResponse;

  @ApiProperty({ description: 'Förvaltningens synpunkter och förslag.' })
  readonly views!: string;

  @ApiProperty({ enum: Position, enumName: 'Position', nullable: true, description: 'Ställningstagandet i stort.' })
  readonly position!: Position | null;

  @ApiProperty({ type: [SectionPositionResponse] })
  readonly sections!: readonly SectionPositionResponse[];

  @ApiProperty({ type: [AttachmentResponse], description: 'Bilagor.' })
  readonly attachments!: readonly AttachmentResponse[];

  @ApiProperty({ format: 'uuid' })
  readonly officerId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Nämndens sammanträde.' })
  readonly meetingId!: string | null;

  @ApiProperty({ format: 'date' })
  readonly documentDate!: string;
}

@Describes<RevisionView>()
export class RevisionResponse {
  @ApiProperty({ type: 'integer' })
  readonly number!: number;

  @ApiProperty({ type: StatementPartsResponse })
  readonly parts!: StatementPartsResponse;

  @ApiProperty({ description: 'SHA-256 av delarna.' })
  readonly contentHash!: string;

  @ApiProperty({ format: 'uuid' })
  readonly authorId!: string;

  @ApiProperty({ format: 'date-time' })
  readonly savedAt!: string;
}

@Describes<ChainStep>()
export class ChainStepResponse {
  @ApiProperty({ type: 'integer' })
  readonly step!: number;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  readonly role!: Role;

  @ApiProperty({ description: 'Godkännaren måste höra till handläggarens egen avdelning.' })
  readonly sameDepartment!: boolean;
}

@Describes<ApprovalView['approver']>()
export class ApproverResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty()
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly title!: string | null;
}

@Describes<ApprovalView>()
export class ApprovalResponse {
  @ApiProperty({ type: 'integer' })
  readonly step!: number;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  readonly role!: Role;

  @ApiProperty({ type: ApproverResponse })
  readonly approver!: ApproverResponse;

  @ApiProperty({ type: ApproverResponse, nullable: true, description: 'Den ersättaren agerade för.' })
  readonly onBehalfOf!: ApproverResponse | null;

  @ApiProperty({
    enum: literalValues<ApprovalView['decision']>({ approved: true, changes_requested: true }),
    enumName: 'ApprovalDecision',
  })
  readonly decision!: ApprovalView['decision'];

  @ApiProperty()
  readonly comment!: string;

  @ApiProperty({ format: 'date-time' })
  readonly decidedAt!: string;

  @ApiProperty({ type: 'integer' })
  readonly revisionNumber!: number;
}

@Describes<MeetingView>()
export class MeetingResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ format: 'date' })
  readonly meetingDate!: string;

  @ApiProperty({ format: 'date', description: 'Sista dag för handlingar till föredragningslistan.' })
  readonly agendaDeadline!: string;

  @ApiProperty()
  readonly cancelled!: boolean;
}

@Describes<ScheduleView['options'][number]>()
export class ScheduleOptionResponse {
  @ApiProperty({
    enum: literalValues<ScheduleView['options'][number]['action']>({
      request_extension: true,
      answer_from_administration: true,
    }),
    enumName: 'ScheduleAction',
  })
  readonly action!: ScheduleView['options'][number]['action'];

  @ApiProperty()
  readonly label!: string;
}

@Describes<ScheduleView>()
export class ScheduleResponse {
  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly responseDeadline!: string | null;

  @ApiProperty({
    type: MeetingResponse,
    nullable: true,
    description: 'Nästa sammanträde vars föredragningslista är öppen.',
  })
  readonly nextUsableMeeting!: MeetingResponse | null;

  @ApiProperty({ type: MeetingResponse, nullable: true, description: 'Sista öppna sammanträdet före svarsdatum.' })
  readonly meetingWithinDeadline!: MeetingResponse | null;

  @ApiProperty({ description: 'Svarsdatum infaller före nämndens nästa användbara sammanträde.' })
  readonly deadlineBeforeNextMeeting!: boolean;

  @ApiProperty({ type: [ScheduleOptionResponse] })
  readonly options!: readonly ScheduleOptionResponse[];
}

@Describes<DecisionView>()
export class DecisionResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Tjänsteutlåtandet beslutet gäller; null för ett beslut att avstå.',
  })
  readonly statementId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly revisionNumber!: number | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Remissen nämnden beslutade att avstå från (utfall `declined`).',
  })
  readonly recipientId!: string | null;

  @ApiProperty({ format: 'uuid', description: 'Sammanträdet i nämndens sammanträdesplan.' })
  readonly meetingId!: string;

  @ApiProperty({ format: 'date' })
  readonly meetingDate!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Paragrafens nummer: 12 för § 12.', example: 12 })
  readonly paragraphNumber!: number;

  @ApiProperty({ example: '§ 12', description: 'Paragrafen som den trycks.' })
  readonly paragraph!: string;

  @ApiProperty()
  readonly decisionText!: string;

  @ApiProperty({ enum: DECISION_OUTCOMES, enumName: 'DecisionOutcome' })
  readonly outcome!: DecisionView['outcome'];

  @ApiProperty({ type: String, nullable: true })
  readonly amendedText!: string | null;

  @ApiProperty()
  readonly reservations!: string;

  @ApiProperty()
  readonly memberStatements!: string;

  @ApiProperty()
  readonly confirmedImmediately!: boolean;

  @ApiProperty({ format: 'date', description: 'Dagen protokollet justeras (eller justerades).' })
  readonly confirmationDate!: string;

  @ApiProperty()
  readonly confirmed!: boolean;

  @ApiProperty({ format: 'uuid' })
  readonly recordedBy!: string;

  @ApiProperty({ format: 'date-time' })
  readonly recordedAt!: string;
}

@Describes<StatementView['signatories'][number]>()
export class SignatoryResponse {
  @ApiProperty()
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly title!: string | null;

  @ApiProperty()
  readonly organisation!: string;

  @ApiProperty({
    type: ApproverResponse,
    nullable: true,
    description: 'Den en ersättare skrev under för; dokumentet trycker det under titeln (”för …”).',
  })
  readonly onBehalfOf!: ApproverResponse | null;
}

@Describes<StatementView['remissSections'][number]>()
export class RemissSectionResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ type: 'integer' })
  readonly position!: number;

  @ApiProperty()
  readonly title!: string;
}

@Describes<StatementView>()
export class StatementResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ format: 'uuid' })
  readonly caseId!: string;

  @ApiProperty({ example: 'HÄ 2025/578' })
  readonly diaryNumber!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Remissinstansen, när ärendet är en remiss.',
  })
  readonly recipientId!: string | null;

  @ApiProperty({ enum: StatementStatus, enumName: 'StatementStatus' })
  readonly status!: StatementStatus;

  @ApiProperty({ example: 'under arbete' })
  readonly statusLabel!: string;

  @ApiProperty({ type: 'integer' })
  readonly currentRevision!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly approvedRevision!: number | null;

  @ApiProperty({ type: RevisionResponse, description: 'Den senaste versionen.' })
  readonly revision!: RevisionResponse;

  @ApiProperty({ type: [ChainStepResponse] })
  readonly chain!: readonly ChainStepResponse[];

  @ApiProperty({ type: [ApprovalResponse], description: 'Godkännandena i den pågående (eller godkända) omgången.' })
  readonly approvals!: readonly ApprovalResponse[];

  @ApiProperty({ type: ChainStepResponse, nullable: true, description: 'Steget som väntar, under godkännande.' })
  readonly nextStep!: ChainStepResponse | null;

  @ApiProperty({ type: [SignatoryResponse], description: 'Undertecknarna som de trycks: den sista godkännaren först.' })
  readonly signatories!: readonly SignatoryResponse[];

  @ApiProperty({ type: [RemissSectionResponse] })
  readonly remissSections!: readonly RemissSectionResponse[];

  @ApiProperty({
    type: MeetingResponse,
    nullable: true,
    description:
      'Sammanträdet tjänsteutlåtandet går till: under arbetet det den senaste revisionen anger, när det är godkänt det som godkändes eller som det flyttats till.',
  })
  readonly meeting!: MeetingResponse | null;

  @ApiProperty({ type: ScheduleResponse, nullable: true })
  readonly schedule!: ScheduleResponse | null;

  @ApiProperty({ type: DecisionResponse, nullable: true })
  readonly decision!: DecisionResponse | null;

  @ApiProperty({ type: [NamedReferenceResponse] })
  readonly consultedDepartments!: readonly NamedReferenceResponse[];
}

/** One part's value as it is stored in a revision: text, a list, the preparation, a position, or nothing. */
const PART_VALUE = {
  anyOf: [
    { type: 'string' },
    { type: 'array', items: { type: 'string' } },
    { $ref: getSchemaPath(PreparationPartResponse) },
    { type: 'array', items: { $ref: getSchemaPath(SectionPositionResponse) } },
    { type: 'array', items: { $ref: getSchemaPath(AttachmentResponse) } },
  ],
  nullable: true,
};

@Describes<PartChange>()
export class PartChangeResponse {
  @ApiProperty({ enum: STATEMENT_PARTS, enumName: 'StatementPart' })
  readonly part!: string;

  @ApiProperty()
  readonly changed!: boolean;

  @ApiProperty({ ...PART_VALUE, description: 'Delen i den första versionen.' })
  readonly from!: unknown;

  @ApiProperty({ ...PART_VALUE, description: 'Delen i den andra versionen.' })
  readonly to!: unknown;
}

@Describes<PreparationRequestView>()
export class PreparationRequestResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly statementId!: string;

  @ApiProperty({ type: NamedReferenceResponse })
  readonly department!: NamedReferenceResponse;

  @ApiProperty()
  readonly question!: string;

  @ApiProperty({ format: 'date' })
  readonly deadline!: string;

  @ApiProperty({ format: 'uuid' })
  readonly askedBy!: string;

  @ApiProperty({ format: 'date-time' })
  readonly askedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly answer!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly answeredBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly answeredAt!: string | null;
}

@Describes<SubstituteView>()
export class SubstituteResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid', description: 'Den som ersätts.' })
  readonly personId!: string;

  @ApiProperty({ type: NamedReferenceResponse })
  readonly substitute!: NamedReferenceResponse;

  @ApiProperty({ format: 'date' })
  readonly validFrom!: string;

  @ApiProperty({ format: 'date' })
  readonly validTo!: string;

  @ApiProperty()
  readonly revoked!: boolean;
}

@Describes<WorkItem>()
export class WorkItemResponse {
  @ApiProperty({
    enum: literalValues<WorkItem['kind']>({
      assign_remiss: true,
      start_statement: true,
      finish_draft: true,
      approve: true,
      record_decision: true,
      move_to_meeting: true,
      confirm_minutes: true,
      answer_preparation: true,
      decide_extension: true,
      overdue: true,
    }),
    enumName: 'WorkItemKind',
  })
  readonly kind!: WorkItem['kind'];

  @ApiProperty()
  readonly title!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly diaryNumber!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly deadline!: string | null;

  @ApiProperty({ type: RecordLinkResponse })
  readonly link!: RecordLinkResponse;
}
