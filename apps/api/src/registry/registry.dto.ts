import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
} from 'class-validator';

import { CASE_SORTS, type CaseSort } from '@app/registry';

import { IsoDate } from '../http/iso-date.validator.js';
import { QueryBoolean, QueryInt } from '../http/params.js';

export class SeriesQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @ApiPropertyOptional({ example: '1.5.1', description: 'Klassificeringen, när formatet numrerar per klassificering.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  classificationCode?: string;
}

export class SetSeriesStartDto {
  @ApiProperty({ example: 578, description: 'Numret nästa ärende under året får.' })
  @IsInt()
  @Min(1)
  @Max(9_999_999)
  nextNumber!: number;

  @ApiPropertyOptional({ example: '1.5.1', description: 'Klassificeringen, när formatet numrerar per klassificering.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  classificationCode?: string;
}

export class SetDiaryFormatDto {
  @ApiProperty({
    example: '{class}-{n}-{yyyy}',
    description:
      'Mallen: {prefix} (organisationens prefix), {yyyy} eller {yy}, {n} eller {n:4} (nollutfyllt), {class} (klassificeringen) och skiljetecken emellan.',
  })
  @IsString()
  @MaxLength(60)
  template!: string;

  @ApiPropertyOptional({
    example: '-',
    description: 'Mellan ärendets nummer och handlingens löpnummer; - om det utelämnas.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  documentSeparator?: string;
}

export class RecordsPlanEntryDto {
  @ApiProperty({ example: '2.3.1' })
  @Matches(/^[0-9A-Za-zÅÄÖåäö.-]{1,20}$/)
  code!: string;

  @ApiProperty({ example: 'Remisser från kommunstyrelsen' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title!: string;
}

export class UpdateRecordsPlanEntryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RegisterCaseDto {
  @ApiProperty({ example: 'Handlingsplan för romsk inkludering' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ example: '2.3.1' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  classificationCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleDepartmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @ApiPropertyOptional({ example: 'Kommunstyrelsen' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  counterpart?: string;

  @ApiPropertyOptional({ example: 'KS 2025/1234', description: 'Samma ärendes nummer hos motparten.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  linkedDiaryNumber?: string;
}

export class UpdateCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  classificationCode?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  counterpart?: string;
}

/** Who takes a case or a recipient's remiss: a person, and the department when not theirs alone. */
export class AssignmentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;
}

export class CaseQueryDto {
  @ApiPropertyOptional({
    description:
      'Del av rubriken, diarienumret, motparten eller motpartens diarienummer (Ku2025/01234), eller av vem en handling i ärendet kom från eller gick till. Skiftläge, Unicodeform och accenter spelar ingen roll (Kalderas hittar Kalderaš), men å, ä och ö är egna bokstäver.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'HÄ 2025/578' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  diaryNumber?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'], enumName: 'CaseStatus' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ example: '2025-01-01' })
  @IsOptional()
  @Validate(IsoDate)
  registeredFrom?: string;

  @ApiPropertyOptional({ example: '2025-12-31' })
  @IsOptional()
  @Validate(IsoDate)
  registeredTo?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Diarienumrets år.' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @ApiPropertyOptional({
    example: '2.3',
    description:
      'En kod i dokumenthanteringsplanen: ärendena klassificerade under den eller en kod under den (2.3 tar med 2.3.1).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  classificationCode?: string;

  @ApiPropertyOptional({
    description: 'true: ärenden vars remiss är obesvarad efter svarsdatum; false: alla andra.',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    enumName: 'CaseSort',
    default: 'diaryNumber',
    description: 'Ordningen: diarienummer (år och löpnummer), registreringstid eller rubrik; id skiljer lika.',
  })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], enumName: 'SortOrder', default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({
    description:
      'Sidmarkören: föregående sidas nextCursor, med samma sort och order. Sidan börjar efter den raden och kostar lika mycket hur djupt den än ligger. Inte tillsammans med offset.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  offset?: number;
}

export class RegisterDocumentDto {
  @ApiProperty({ enum: ['incoming', 'outgoing', 'internal'], enumName: 'DocumentDirection' })
  @IsIn(['incoming', 'outgoing', 'internal'])
  direction!: 'incoming' | 'outgoing' | 'internal';

  @ApiProperty({ example: 'skrivelse' })
  @Matches(/^[a-zåäö][a-zåäö -]{1,39}$/)
  kind!: string;

  @ApiProperty({ example: 'Remissvar från Hyresgästföreningen' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({
    example: '2025-09-25',
    description: 'Dagen handlingen kom in eller skickades; i dag om den utelämnas.',
  })
  @IsOptional()
  @Validate(IsoDate)
  documentDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  counterpart?: string;
}

/** The multipart form of a registration: the fields first, the file last. */
export class RegisterDocumentUpload extends RegisterDocumentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Handlingens fil (sist i formuläret).' })
  file!: unknown;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({
    description:
      'Del av handlingens rubrik, motpart eller nummer, eller av ärendets motpart eller motpartens diarienummer; jämförs som i ärendesökningen. En sekretessmarkerad handlings rubrik och motpart söks bara av den som får läsa dem.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: ['incoming', 'outgoing', 'internal'], enumName: 'DocumentDirection' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing', 'internal'])
  direction?: 'incoming' | 'outgoing' | 'internal';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Validate(IsoDate)
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Validate(IsoDate)
  to?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeAnnulled?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  offset?: number;
}

export class AnnulDto {
  @ApiProperty({ example: 'Registrerad i fel ärende.' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

export class SecrecyDto {
  @ApiProperty({ example: 'OSL 26 kap. 1 §' })
  @IsString()
  @MaxLength(120)
  ground!: string;
}

export class LiftSecrecyDto {
  @ApiPropertyOptional({ example: 'Sekretessprövning: uppgifterna är inte längre sekretessbelagda.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RegistrySearchQueryDto {
  @ApiProperty({
    minLength: 1,
    description:
      'Diarienummer, helt eller delvis (578, HÄ 2025/578, 2025/578-3), eller ord i ärendens och handlingars rubriker, motparter och filernas text (svensk ordstam: remissvar hittar remissvaren).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
