import { Position, RecipientGroup, RecipientState } from '@app/consultation';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsoDate } from '../http/iso-date.validator.js';
import { QueryBoolean } from '../http/params.js';
import { ConfirmationDto } from '../statements/statements.dto.js';

export class SectionDto {
  @ApiProperty({ example: 'Kunskap och information' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ description: 'Målen för delen.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;
}

export class ExternalRecipientDto {
  @ApiProperty({ example: 'Romska rådet i Stockholm' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'kansli@romskaradet.example' })
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

export class RecipientSelectionDto {
  @ApiPropertyOptional({ type: [String], description: 'Remissinstanser ur katalogen, en och en.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  organisationIds?: string[];

  @ApiPropertyOptional({
    enum: RecipientGroup,
    enumName: 'RecipientGroup',
    isArray: true,
    description: 'Hela grupper: alla stadsdelsnämnder, facknämnder eller bolagsstyrelser.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(RecipientGroup, { each: true })
  groups?: RecipientGroup[];

  @ApiPropertyOptional({
    type: [ExternalRecipientDto],
    description: 'Externa remissinstanser (förening, företag, departement).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ExternalRecipientDto)
  external?: ExternalRecipientDto[];
}

export class CreateConsultationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Ärendet remissen handläggs i; ett nytt registreras om det utelämnas.',
  })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiProperty({ example: 'Handlingsplan för romsk inkludering' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: 'Beskrivning (stycken, punktlistor med "- ", *betoning*).' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  description?: string;

  @ApiProperty({ example: '2025-11-06' })
  @Validate(IsoDate)
  responseDeadline!: string;

  @ApiPropertyOptional({ type: [SectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections?: SectionDto[];

  @ApiPropertyOptional({ type: RecipientSelectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientSelectionDto)
  recipients?: RecipientSelectionDto;
}

export class UpdateConsultationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Validate(IsoDate)
  responseDeadline?: string;

  @ApiPropertyOptional({ type: [SectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections?: SectionDto[];

  @ApiPropertyOptional({ type: RecipientSelectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientSelectionDto)
  recipients?: RecipientSelectionDto;
}

export class ConsultationListQuery {
  @ApiPropertyOptional({ enum: ['sent', 'received'], enumName: 'ConsultationListRole', default: 'sent' })
  @IsOptional()
  @IsIn(['sent', 'received'])
  role?: 'sent' | 'received';
}

export class DocumentTitleFields {
  @ApiProperty({ example: 'Remissunderlag Handlingsplan för romska inkludering 2030' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title!: string;
}

/** The multipart form that adds a file to the remissunderlag: `title` first, then `file`. */
export class ConsultationDocumentUpload extends DocumentTitleFields {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Filen (sist i formuläret).' })
  file!: unknown;
}

export class CorrectionFields {
  @ApiProperty({ example: 'Bilaga 2 hade fel årtal; rättad version bifogas.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note!: string;
}

/** The multipart form of a correction: `note`, then each file, optionally after its own `title`. */
export class CorrectionUpload extends CorrectionFields {
  @ApiPropertyOptional({
    type: [String],
    description: 'Titeln på filen som följer närmast efter; filnamnet utan ändelse om den utelämnas.',
  })
  title?: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    minItems: 1,
    description: 'De rättade filerna, en eller flera (fältnamnet spelar ingen roll).',
  })
  file!: unknown[];
}

export class StatusBoardQuery {
  @ApiPropertyOptional({ enum: RecipientState, enumName: 'RecipientState' })
  @IsOptional()
  @IsEnum(RecipientState)
  state?: RecipientState;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Del av remissinstansens namn.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CorrectAddressDto {
  @ApiProperty({ format: 'email', description: 'Remissinstansens rättade e-postadress.' })
  @IsEmail({}, { message: 'måste vara en e-postadress' })
  @MaxLength(254)
  email!: string;
}

export class BoardDeclineDto {
  @ApiProperty({ format: 'uuid', description: 'Sammanträdet där nämnden beslutade att avstå.' })
  @IsUUID()
  meetingId!: string;

  @ApiProperty({ example: '14', description: 'Paragrafnumret i protokollet, `14` eller `§ 14`.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  paragraph!: string;

  @ApiProperty({
    type: ConfirmationDto,
    description: 'Hur protokollet justerades: omedelbart, eller dagen det gjordes.',
  })
  @ValidateNested()
  @Type(() => ConfirmationDto)
  confirmation!: ConfirmationDto;
}

export class DeclineDto {
  @ApiProperty({ example: 'Remissen berör inte nämndens ansvarsområde.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Den som beslutade att avstå på nämndens vägnar (delegation), med sin titel. Anges när förvaltningen beslutade; annars boardDecision.',
  })
  @ValidateIf((o: DeclineDto) => o.boardDecision === undefined)
  @IsUUID()
  decidedBy?: string;

  @ApiPropertyOptional({
    type: BoardDeclineDto,
    description: 'Nämndens eget beslut att avstå: sammanträdet och paragrafen. Anges i stället för decidedBy.',
  })
  @ValidateIf((o: DeclineDto) => o.decidedBy === undefined)
  @ValidateNested()
  @Type(() => BoardDeclineDto)
  boardDecision?: BoardDeclineDto;
}

export class ExtensionRequestDto {
  @ApiProperty({ example: '2025-12-04' })
  @Validate(IsoDate)
  requestedDeadline!: string;

  @ApiProperty({ example: 'Nämnden sammanträder först den 27 november.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  granted!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class SectionAnswerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sectionId!: string;

  @ApiPropertyOptional({ enum: Position, enumName: 'Position', nullable: true })
  @IsOptional()
  @IsEnum(Position)
  position?: Position;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  comment?: string;
}

export class ExternalAnswerDto {
  @ApiProperty({ enum: Position, enumName: 'Position' })
  @IsEnum(Position)
  position!: Position;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  comment?: string;

  @ApiPropertyOptional({ example: '2025-11-03', description: 'Dagen svaret kom in.' })
  @IsOptional()
  @Validate(IsoDate)
  documentDate?: string;

  @ApiPropertyOptional({ type: [SectionAnswerDto], description: 'I multipart: JSON-text.' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SectionAnswerDto)
  sections?: SectionAnswerDto[];
}

/**
 * The multipart form of an external answer: the fields first (`sections` as JSON text), the
 * answer's file last.
 */
export class ExternalAnswerUpload extends OmitType(ExternalAnswerDto, ['sections'] as const) {
  @ApiPropertyOptional({
    description:
      'Ställningstaganden per del, som JSON-text: [{"sectionId": "…", "position": "supports", "comment": "…"}].',
  })
  sections?: string;

  @ApiProperty({ type: 'string', format: 'binary', description: 'Svarets fil (sist i formuläret).' })
  file!: unknown;
}

export class OutsideSenderDto {
  @ApiProperty({ example: 'Kulturdepartementet' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'ku.registrator@regeringskansliet.se' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ type: [String], example: ['103 33 Stockholm'], description: 'Postadressen, rad för rad.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  postalAddress?: string[];
}

export class IncomingRemissDto {
  @ApiProperty({ example: 'Remiss av betänkandet Kulturarv i samverkan (SOU 2025:12)' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: 'Beskrivning (stycken, punktlistor med "- ", *betoning*).' })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  description?: string;

  @ApiProperty({ type: OutsideSenderDto, description: 'Avsändaren, som motpart utanför katalogen.' })
  @IsDefined()
  @ValidateNested()
  @Type(() => OutsideSenderDto)
  sender!: OutsideSenderDto;

  @ApiPropertyOptional({ example: 'Ku2025/01234', description: 'Avsändarens diarienummer (Er referens).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  senderReference?: string;

  @ApiProperty({ example: '2026-03-31', description: 'Svarsdatum.' })
  @Validate(IsoDate)
  responseDeadline!: string;

  @ApiPropertyOptional({ example: '2026-01-15', description: 'Dagen remissen kom in; i dag om den utelämnas.' })
  @IsOptional()
  @Validate(IsoDate)
  receivedOn?: string;

  @ApiPropertyOptional({
    type: [SectionDto],
    description: 'De avsnitt eller kapitel avsändaren vill ha synpunkter på.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionDto)
  sections?: SectionDto[];

  @ApiPropertyOptional({ example: '1.5.1', description: 'Klassificering enligt informationshanteringsplanen.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  classificationCode?: string;
}
