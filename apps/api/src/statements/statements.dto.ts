import { Position } from '@app/consultation';
import { Role } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsoDate } from '../http/iso-date.validator.js';
import { QueryInt } from '../http/params.js';

export class CreateStatementDto {
  @ApiProperty({ format: 'uuid', description: 'Ärendet i er registratur som tjänsteutlåtandet hör till.' })
  @IsUUID()
  caseId!: string;
}

export class PreparationPartDto {
  @ApiProperty({ description: 'Ärendets beredning, som text.' })
  @IsString()
  @MaxLength(50_000)
  text!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  consultedDepartmentIds!: string[];

  @ApiPropertyOptional({ type: String, example: '2025-10-14', nullable: true })
  @IsOptional()
  @Validate(IsoDate)
  unionsInformedOn?: string | null;

  @ApiPropertyOptional({ type: String, example: 'förvaltningsgruppen', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unionForum?: string | null;
}

export class SectionPositionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sectionId!: string;

  @ApiPropertyOptional({ enum: Position, enumName: 'Position', nullable: true })
  @IsOptional()
  @IsEnum(Position)
  position?: Position | null;

  @ApiProperty()
  @IsString()
  @MaxLength(20_000)
  comment!: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'Remissunderlag Handlingsplan för romska inkludering 2030' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  registeredDocumentId?: string | null;
}

export class StatementPartsDto {
  @ApiProperty()
  @IsString()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ example: 'Yttrande till kommunstyrelsen' })
  @IsString()
  @MaxLength(300)
  heading!: string;

  @ApiProperty({ type: [String], description: 'Förvaltningens förslag till beslut, en post per beslutspunkt.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  proposedDecision!: string[];

  @ApiProperty()
  @IsString()
  summary!: string;

  @ApiProperty()
  @IsString()
  background!: string;

  @ApiProperty({ description: 'Ärendet (stycken och punktlistor med "• " eller "- ").' })
  @IsString()
  matter!: string;

  @ApiProperty({ type: PreparationPartDto })
  @ValidateNested()
  @Type(() => PreparationPartDto)
  preparation!: PreparationPartDto;

  @ApiProperty({ description: 'Förvaltningens synpunkter och förslag.' })
  @IsString()
  views!: string;

  @ApiPropertyOptional({ enum: Position, enumName: 'Position', nullable: true })
  @IsOptional()
  @IsEnum(Position)
  position?: Position | null;

  @ApiProperty({ type: [SectionPositionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionPositionDto)
  sections!: SectionPositionDto[];

  @ApiProperty({ type: [AttachmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments!: AttachmentDto[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  officerId!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  meetingId?: string | null;

  @ApiProperty({ example: '2025-09-25' })
  @Validate(IsoDate)
  documentDate!: string;
}

export class SaveStatementDto {
  @ApiProperty({ description: 'Versionen du utgick från. Om någon sparat efter den svarar servern 409.' })
  @IsInt()
  @Min(1)
  baseRevision!: number;

  @ApiProperty({ type: StatementPartsDto })
  @ValidateNested()
  @Type(() => StatementPartsDto)
  parts!: StatementPartsDto;
}

export class RevisionDto {
  @ApiProperty({ description: 'Versionen det gäller.' })
  @IsInt()
  @Min(1)
  revision!: number;
}

/**
 * A decision on one step: the revision and the step the approver saw waiting. Should the step have
 * been taken meanwhile, the answer is 409 and nothing changes.
 */
export class StepDecisionDto extends RevisionDto {
  @ApiProperty({ description: 'Steget du såg vänta (nextStep.step). Har det tagits under tiden svarar servern 409.' })
  @IsInt()
  @Min(1)
  step!: number;
}

export class ApproveDto extends StepDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  comment?: string;
}

export class RequestChangesDto extends StepDecisionDto {
  @ApiProperty({ example: 'Förtydliga sammanfattningen.' })
  @IsString()
  @MinLength(3)
  @MaxLength(5_000)
  comment!: string;
}

export class CompareQuery {
  @ApiProperty()
  @QueryInt()
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty()
  @QueryInt()
  @IsInt()
  @Min(1)
  to!: number;
}

export class ConfirmationDto {
  @ApiPropertyOptional({ description: 'Omedelbar justering vid sammanträdet.' })
  @IsOptional()
  @IsBoolean()
  immediate?: boolean;

  @ApiPropertyOptional({ example: '2025-10-30', description: 'Dagen protokollet justeras, om inte omedelbart.' })
  @ValidateIf((o: ConfirmationDto) => o.immediate !== true)
  @Validate(IsoDate)
  on?: string;
}

/** The service's form of a confirmation: at the meeting, or on a day. */
export function confirmationOf(dto: ConfirmationDto): { readonly immediate: true } | { readonly on: string } {
  return dto.immediate ? { immediate: true } : { on: dto.on! };
}

export class DecisionDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'Sammanträdet i nämndens sammanträdesplan (GET /meetings) där beslutet fattades: det tjänsteutlåtandet är ställt till, och som har hållits.',
  })
  @IsUUID()
  meetingId!: string;

  @ApiProperty({
    example: '12',
    description: 'Paragrafnumret i protokollet, `12` eller `§ 12`; unikt inom sammanträdet.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  paragraph!: string;

  @ApiPropertyOptional({ description: 'Förifylls från förslaget till beslut.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  decisionText?: string;

  @ApiProperty({ enum: ['adopted', 'adopted_with_amendments', 'referred_back'], enumName: 'DecisionOutcome' })
  @IsIn(['adopted', 'adopted_with_amendments', 'referred_back'])
  outcome!: 'adopted' | 'adopted_with_amendments' | 'referred_back';

  @ApiPropertyOptional({ description: 'Beslutet så som nämnden antog det, vid adopted_with_amendments.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  amendedText?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reservations?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  memberStatements?: string;

  @ApiProperty({ type: ConfirmationDto })
  @ValidateNested()
  @Type(() => ConfirmationDto)
  confirmation!: ConfirmationDto;
}

export class MoveToMeetingDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Det sammanträde i nämndens sammanträdesplan som tjänsteutlåtandet flyttas till.',
  })
  @IsUUID()
  meetingId!: string;
}

export class ConfirmMinutesDto {
  @ApiProperty({ example: '2025-10-30', description: 'Dagen protokollet justerades: från sammanträdet till i dag.' })
  @Validate(IsoDate)
  confirmedOn!: string;
}

export class PreparationRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(5_000)
  question!: string;

  @ApiProperty({ example: '2025-10-10' })
  @Validate(IsoDate)
  deadline!: string;
}

export class PreparationAnswerDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  answer!: string;
}

export class ChainStepDto {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ description: 'Godkännaren måste höra till handläggarens egen avdelning.' })
  @IsBoolean()
  sameDepartment!: boolean;
}

export class ApprovalChainDto {
  @ApiProperty({ type: [ChainStepDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ChainStepDto)
  steps!: ChainStepDto[];
}

export class SubstituteDto {
  @ApiProperty({ format: 'uuid', description: 'Den som tar stegen under perioden.' })
  @IsUUID()
  substituteId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Den som ersätts; du själv om det utelämnas. Bara organisationens administratör kan ange någon annan i organisationen (annars 403; en person utanför organisationen: 404).',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({ example: '2025-07-01' })
  @Validate(IsoDate)
  validFrom!: string;

  @ApiProperty({ example: '2025-07-31' })
  @Validate(IsoDate)
  validTo!: string;
}

export class SubstitutesQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Vems ersättare; dina egna om det utelämnas. Någon annans bara för organisationens administratör.',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class MeetingDto {
  @ApiProperty({ example: '2025-10-23' })
  @Validate(IsoDate)
  meetingDate!: string;

  @ApiProperty({ example: '2025-10-09', description: 'Sista dag att lämna handlingar till föredragningslistan.' })
  @Validate(IsoDate)
  agendaDeadline!: string;
}

export class MeetingsQuery {
  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @Validate(IsoDate)
  from?: string;
}
