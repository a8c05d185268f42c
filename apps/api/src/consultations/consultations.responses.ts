import {
  type Compilation,
  type CompiledAnswer,
  type ConsultationDocumentView,
  type ConsultationView,
  type DeclineDecisionView,
  type ExtensionRequestView,
  type MailDeliveryView,
  type OutsideSenderView,
  Position,
  type RecipientView,
  RecipientState,
  type SectionView,
  type StatusBoard,
} from '@app/consultation';
import type { MailStatus } from '@app/notification';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

import { NamedReferenceResponse } from '../docs/common.responses.js';
import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';

@Describes<SectionView>()
export class ConsultationSectionResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ type: 'integer', description: 'Delens ordning, från 1.' })
  readonly position!: number;

  @ApiProperty({ example: 'Kunskap och information' })
  readonly title!: string;

  @ApiProperty()
  readonly description!: string;
}

@Describes<ConsultationDocumentView>()
export class ConsultationDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ type: 'integer', description: 'Remissunderlagets version då filen lades till.' })
  readonly version!: number;

  @ApiProperty({ description: 'Maskerad när handlingen är sekretessmarkerad för läsaren.' })
  readonly title!: string;

  @ApiProperty()
  readonly fileName!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Storlek i byte; null när filen hålls inne.' })
  readonly size!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'application/pdf', description: 'Null när filen hålls inne.' })
  readonly mediaType!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 av filen, hex; null när filen hålls inne.' })
  readonly sha256!: string | null;

  @ApiProperty({ description: 'Titel och fil hålls inne för den som läser.' })
  readonly masked!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Rättelsens anteckning, för filer från en rättelse.' })
  readonly note!: string | null;
}

type AdministrationDecline = Extract<DeclineDecisionView, { by: 'administration' }>;
type BoardDecline = Extract<DeclineDecisionView, { by: 'board' }>;

@Describes<AdministrationDecline['person']>()
export class DecliningPersonResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'Lee Orberson' })
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Stadsdelsdirektör' })
  readonly title!: string | null;
}

@Describes<AdministrationDecline>()
export class DeclineByAdministrationResponse {
  @ApiProperty({ enum: ['administration'], description: 'Förvaltningen avstod på nämndens vägnar.' })
  readonly by!: 'administration';

  @ApiProperty({ type: DecliningPersonResponse, description: 'Den som beslutade, med sin titel.' })
  readonly person!: DecliningPersonResponse;
}

@Describes<BoardDecline>()
export class DeclineByBoardResponse {
  @ApiProperty({ enum: ['board'], description: 'Nämnden beslutade själv att avstå.' })
  readonly by!: 'board';

  @ApiProperty({ format: 'uuid', description: 'Nämndens beslut (sammanträde och paragraf).' })
  readonly decisionId!: string;
}

@Describes<NonNullable<RecipientView['pendingExtension']>>()
export class PendingExtensionResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'date' })
  readonly requestedDeadline!: string;

  @ApiProperty()
  readonly reason!: string;
}

@Describes<RecipientView>()
@ApiExtraModels(DeclineByAdministrationResponse, DeclineByBoardResponse)
export class RecipientResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly consultationId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Saknas för en extern remissinstans.' })
  readonly organisationId!: string | null;

  @ApiProperty({ example: 'Hägersten-Älvsjö stadsdelsnämnd' })
  readonly name!: string;

  @ApiProperty()
  readonly external!: boolean;

  @ApiProperty({ type: String, nullable: true })
  readonly email!: string | null;

  @ApiProperty({ enum: RecipientState, enumName: 'RecipientState' })
  readonly state!: RecipientState;

  @ApiProperty({ example: 'Registrerad' })
  readonly stateLabel!: string;

  @ApiProperty({ format: 'date' })
  readonly responseDeadline!: string;

  @ApiProperty({ description: 'Svarsdatum passerat utan svar eller avstående.' })
  readonly overdue!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Ärendets diarienummer hos remissinstansen.' })
  readonly diaryNumber!: string | null;

  @ApiProperty({ type: NamedReferenceResponse, nullable: true })
  readonly assignedPerson!: NamedReferenceResponse | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly assignedDepartmentId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly answeredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly declinedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly declineReason!: string | null;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(DeclineByAdministrationResponse) }, { $ref: getSchemaPath(DeclineByBoardResponse) }],
    nullable: true,
    description: 'Vem som beslutade att avstå: förvaltningen på nämndens vägnar eller nämnden själv.',
  })
  readonly declineDecision!: DeclineDecisionView | null;

  @ApiProperty({ type: PendingExtensionResponse, nullable: true })
  readonly pendingExtension!: PendingExtensionResponse | null;
}

@Describes<ConsultationView['recipients'][number]>()
export class ConsultationRecipientSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty()
  readonly name!: string;

  @ApiProperty()
  readonly external!: boolean;
}

@Describes<OutsideSenderView>()
export class OutsideSenderResponse {
  @ApiProperty({ example: 'Kulturdepartementet' })
  readonly name!: string;

  @ApiProperty({ example: 'ku.registrator@regeringskansliet.se' })
  readonly email!: string;

  @ApiProperty({ type: [String], example: ['103 33 Stockholm'], description: 'Postadressen, rad för rad.' })
  readonly postalAddress!: readonly string[];

  @ApiProperty({ type: String, nullable: true, example: 'Ku2025/01234', description: 'Avsändarens diarienummer.' })
  readonly reference!: string | null;
}

@Describes<ConsultationView>()
export class ConsultationResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ example: 'Kommunstyrelsen' })
  readonly senderName!: string;

  @ApiProperty({ format: 'uuid' })
  readonly caseId!: string;

  @ApiProperty({
    example: 'KS 2025/1234',
    description: 'Avsändarens diarienummer; för en remiss utifrån deras referens (tom om ingen).',
  })
  readonly senderDiaryNumber!: string;

  @ApiProperty({
    type: OutsideSenderResponse,
    nullable: true,
    description: 'Avsändaren utanför katalogen, för en remiss som kom utifrån och registrerades här.',
  })
  readonly outsideSender!: OutsideSenderResponse | null;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty()
  readonly description!: string;

  @ApiProperty({ format: 'date' })
  readonly responseDeadline!: string;

  @ApiProperty({
    enum: literalValues<ConsultationView['status']>({ draft: true, sent: true }),
    enumName: 'ConsultationStatus',
  })
  readonly status!: ConsultationView['status'];

  @ApiProperty({ type: 'integer', description: 'Remissunderlagets version; en rättelse ökar den.' })
  readonly documentsVersion!: number;

  @ApiProperty({ type: [ConsultationSectionResponse] })
  readonly sections!: readonly ConsultationSectionResponse[];

  @ApiProperty({ type: [ConsultationDocumentResponse] })
  readonly documents!: readonly ConsultationDocumentResponse[];

  @ApiProperty({ type: [ConsultationRecipientSummaryResponse] })
  readonly recipients!: readonly ConsultationRecipientSummaryResponse[];

  @ApiProperty({ format: 'uuid' })
  readonly createdBy!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly sentAt!: string | null;

  @ApiProperty({
    type: RecipientResponse,
    nullable: true,
    description: 'Läsarens organisations egen post, när den är remissinstans.',
  })
  readonly asRecipient!: RecipientResponse | null;
}

@Describes<StatusBoard['counts']>()
export class RecipientStateCountsResponse {
  @ApiProperty({ type: 'integer' })
  readonly sent!: number;

  @ApiProperty({ type: 'integer' })
  readonly registered!: number;

  @ApiProperty({ type: 'integer' })
  readonly assigned!: number;

  @ApiProperty({ type: 'integer' })
  readonly drafting!: number;

  @ApiProperty({ type: 'integer' })
  readonly in_approval!: number;

  @ApiProperty({ type: 'integer' })
  readonly decided!: number;

  @ApiProperty({ type: 'integer' })
  readonly answered!: number;

  @ApiProperty({ type: 'integer' })
  readonly declined!: number;

  @ApiProperty({ type: 'integer', description: 'Försenade (inte ett läge: räknas också i sitt läge).' })
  readonly overdue!: number;
}

@Describes<MailDeliveryView>()
export class MailDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  readonly recipientId!: string;

  @ApiProperty({ description: 'Vad meddelandet gäller (consultation_sent: remissen med missiv och remissunderlag).' })
  readonly kind!: string;

  @ApiProperty({ description: 'Adressen meddelandet skickas till.' })
  readonly address!: string;

  @ApiProperty({ enum: ['pending', 'sent', 'failed'] })
  readonly status!: MailStatus;

  @ApiProperty()
  readonly statusLabel!: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'E-postserverns svar när leveransen misslyckades.' })
  readonly error!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  readonly sentAt!: string | null;
}

@Describes<StatusBoard>()
export class StatusBoardResponse {
  @ApiProperty({ format: 'uuid' })
  readonly consultationId!: string;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty()
  readonly senderDiaryNumber!: string;

  @ApiProperty({ format: 'date' })
  readonly responseDeadline!: string;

  @ApiProperty({ type: 'integer', description: 'Antalet remissinstanser som filtren (q, state, overdue) väljer.' })
  readonly total!: number;

  @ApiProperty({ type: RecipientStateCountsResponse, description: 'Antal per status för hela remissen, ofiltrerat.' })
  readonly counts!: RecipientStateCountsResponse;

  @ApiProperty({ type: [RecipientResponse] })
  readonly recipients!: readonly RecipientResponse[];

  @ApiProperty({ type: [MailDeliveryResponse], description: 'E-posten till de visade externa remissinstanserna.' })
  readonly deliveries!: readonly MailDeliveryResponse[];
}

@Describes<ExtensionRequestView>()
export class ExtensionRequestResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly recipientId!: string;

  @ApiProperty({ format: 'date' })
  readonly requestedDeadline!: string;

  @ApiProperty()
  readonly reason!: string;

  @ApiProperty({
    enum: literalValues<ExtensionRequestView['status']>({ pending: true, granted: true, refused: true }),
    enumName: 'ExtensionRequestStatus',
  })
  readonly status!: ExtensionRequestView['status'];

  @ApiProperty({ type: String, nullable: true })
  readonly comment!: string | null;
}

@Describes<Compilation['sections'][number]['counts']>()
export class PositionCountsResponse {
  @ApiProperty({ type: 'integer' })
  readonly supports!: number;

  @ApiProperty({ type: 'integer' })
  readonly supports_in_part!: number;

  @ApiProperty({ type: 'integer' })
  readonly opposes!: number;

  @ApiProperty({ type: 'integer' })
  readonly no_comment!: number;
}

@Describes<Compilation['counts']>()
export class CompilationCountsResponse extends PositionCountsResponse {
  @ApiProperty({ type: 'integer' })
  readonly declined!: number;

  @ApiProperty({ type: 'integer' })
  readonly notAnswered!: number;
}

@Describes<CompiledAnswer>()
export class CompiledAnswerResponse {
  @ApiProperty({ format: 'uuid' })
  readonly recipientId!: string;

  @ApiProperty()
  readonly name!: string;

  @ApiProperty({ enum: Position, enumName: 'Position', nullable: true })
  readonly position!: Position | null;

  @ApiProperty({ example: 'Tillstyrker' })
  readonly positionLabel!: string;

  @ApiProperty()
  readonly comment!: string;
}

@Describes<Compilation['overall'][number]>()
export class CompiledOverallAnswerResponse extends CompiledAnswerResponse {
  @ApiProperty({ format: 'date' })
  readonly answeredOn!: string;
}

@Describes<Compilation['sections'][number]>()
export class CompiledSectionResponse {
  @ApiProperty({ format: 'uuid' })
  readonly sectionId!: string;

  @ApiProperty({ type: 'integer' })
  readonly position!: number;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty({ type: PositionCountsResponse })
  readonly counts!: PositionCountsResponse;

  @ApiProperty({ type: [CompiledAnswerResponse] })
  readonly answers!: readonly CompiledAnswerResponse[];
}

@Describes<Compilation['declined'][number]>()
export class CompiledDeclineResponse {
  @ApiProperty()
  readonly name!: string;

  @ApiProperty()
  readonly reason!: string;

  @ApiProperty({ format: 'date-time' })
  readonly declinedAt!: string;
}

@Describes<Compilation['notAnswered'][number]>()
export class CompiledMissingAnswerResponse {
  @ApiProperty()
  readonly name!: string;

  @ApiProperty({ description: 'Läget, i ord.', example: 'Under beredning' })
  readonly state!: string;

  @ApiProperty({ format: 'date' })
  readonly responseDeadline!: string;

  @ApiProperty()
  readonly overdue!: boolean;
}

@Describes<Compilation>()
export class CompilationResponse {
  @ApiProperty({ format: 'uuid' })
  readonly consultationId!: string;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty()
  readonly senderName!: string;

  @ApiProperty()
  readonly senderDiaryNumber!: string;

  @ApiProperty({ format: 'date' })
  readonly responseDeadline!: string;

  @ApiProperty({ type: 'integer', description: 'Remissinstanser totalt.' })
  readonly recipients!: number;

  @ApiProperty({ type: CompilationCountsResponse })
  readonly counts!: CompilationCountsResponse;

  @ApiProperty({ type: [CompiledOverallAnswerResponse], description: 'Svaren på remissen som helhet.' })
  readonly overall!: readonly CompiledOverallAnswerResponse[];

  @ApiProperty({ type: [CompiledSectionResponse] })
  readonly sections!: readonly CompiledSectionResponse[];

  @ApiProperty({ type: [CompiledDeclineResponse] })
  readonly declined!: readonly CompiledDeclineResponse[];

  @ApiProperty({ type: [CompiledMissingAnswerResponse] })
  readonly notAnswered!: readonly CompiledMissingAnswerResponse[];
}
