import type {
  CaseCoWorkerView,
  CaseListPage,
  CaseHit,
  DocumentHit,
  RegistrySearchResult,
  CaseView,
  DiarySeriesView,
  DocumentDirection,
  Page,
  RecordsPlanEntryView,
  RegisteredDocumentView,
} from '@app/registry';
import { ApiProperty } from '@nestjs/swagger';

import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';

export const CASE_STATUSES = literalValues<CaseView['status']>({ open: true, closed: true });
export const DOCUMENT_DIRECTIONS = literalValues<DocumentDirection>({ incoming: true, outgoing: true, internal: true });

@Describes<CaseView>()
export class CaseResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ example: 'HÄ 2025/578' })
  readonly diaryNumber!: string;

  @ApiProperty({ type: 'integer', example: 2025 })
  readonly year!: number;

  @ApiProperty({ type: 'integer', example: 578 })
  readonly sequence!: number;

  @ApiProperty({ example: 'Handlingsplan för romsk inkludering' })
  readonly title!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly description!: string | null;

  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  readonly status!: CaseView['status'];

  @ApiProperty({ type: String, nullable: true, example: '2.3.1' })
  readonly classificationCode!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly responsibleDepartmentId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly responsiblePersonId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Kommunstyrelsen' })
  readonly counterpart!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2025/1234' })
  readonly linkedDiaryNumber!: string | null;

  @ApiProperty({ format: 'date' })
  readonly registeredOn!: string;

  @ApiProperty({ format: 'date-time' })
  readonly registeredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly registeredBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly closedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly closedBy!: string | null;

  @ApiProperty({ type: 'integer' })
  readonly documentCount!: number;
}

@Describes<CaseCoWorkerView>()
export class CaseCoWorkerResponse {
  @ApiProperty({ format: 'uuid' })
  readonly personId!: string;

  @ApiProperty({ example: 'Jens Westlund' })
  readonly name!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Registratorn som lade till personen.' })
  readonly addedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  readonly addedAt!: string;
}

@Describes<NonNullable<RegisteredDocumentView['file']>>()
export class RegisteredFileResponse {
  @ApiProperty({ example: 'remissvar.pdf' })
  readonly name!: string;

  @ApiProperty({ type: 'integer', description: 'Storlek i byte.' })
  readonly size!: number;

  @ApiProperty({ example: 'application/pdf' })
  readonly mediaType!: string;

  @ApiProperty({ description: 'SHA-256 av filen, hex.' })
  readonly sha256!: string;
}

@Describes<NonNullable<RegisteredDocumentView['secrecy']>>()
export class SecrecyResponse {
  @ApiProperty({ example: 'OSL 26 kap. 1 §' })
  readonly ground!: string;
}

@Describes<NonNullable<RegisteredDocumentView['annulled']>>()
export class AnnulmentResponse {
  @ApiProperty({ format: 'date-time' })
  readonly at!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly by!: string | null;

  @ApiProperty()
  readonly reason!: string;
}

@Describes<RegisteredDocumentView>()
export class RegisteredDocumentResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly caseId!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ type: 'integer', description: 'Handlingens nummer i ärendet.' })
  readonly number!: number;

  @ApiProperty({ example: 'HÄ 2025/578-3' })
  readonly documentNumber!: string;

  @ApiProperty({ enum: DOCUMENT_DIRECTIONS, enumName: 'DocumentDirection' })
  readonly direction!: DocumentDirection;

  @ApiProperty({ example: 'skrivelse' })
  readonly kind!: string;

  @ApiProperty({ description: 'Maskerad för den som inte får se en sekretessmarkerad handling.' })
  readonly title!: string;

  @ApiProperty({ format: 'date' })
  readonly documentDate!: string;

  @ApiProperty({ format: 'date' })
  readonly registeredOn!: string;

  @ApiProperty({ format: 'date-time' })
  readonly registeredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly registeredBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly counterpart!: string | null;

  @ApiProperty({ type: RegisteredFileResponse, nullable: true })
  readonly file!: RegisteredFileResponse | null;

  @ApiProperty({ type: SecrecyResponse, nullable: true })
  readonly secrecy!: SecrecyResponse | null;

  @ApiProperty({ description: 'Titel och fil hålls inne för den som läser.' })
  readonly masked!: boolean;

  @ApiProperty({ type: AnnulmentResponse, nullable: true })
  readonly annulled!: AnnulmentResponse | null;
}

abstract class PageResponse {
  @ApiProperty({ type: 'integer', description: 'Träffar totalt.' })
  readonly total!: number;

  @ApiProperty({ type: 'integer' })
  readonly limit!: number;

  @ApiProperty({ type: 'integer' })
  readonly offset!: number;
}

@Describes<CaseListPage>()
export class CasePageResponse extends PageResponse {
  @ApiProperty({ type: [CaseResponse] })
  readonly items!: readonly CaseResponse[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Sidmarkören för nästa sida (som cursor, med samma sort och order); null på sista sidan.',
  })
  readonly nextCursor!: string | null;
}

@Describes<Page<RegisteredDocumentView>>()
export class RegisteredDocumentPageResponse extends PageResponse {
  @ApiProperty({ type: [RegisteredDocumentResponse] })
  readonly items!: readonly RegisteredDocumentResponse[];
}

@Describes<DiarySeriesView>()
export class DiarySeriesResponse {
  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ example: 'HÄ' })
  readonly prefix!: string;

  @ApiProperty({ type: 'integer', example: 2025 })
  readonly year!: number;

  @ApiProperty({ type: 'integer', description: 'Numret nästa ärende under året får.', example: 578 })
  readonly nextNumber!: number;

  @ApiProperty({
    example: '{prefix} {yyyy}/{n}',
    description:
      'Formatet numren skrivs i: {prefix}, {yyyy} eller {yy}, {n} eller {n:4} (nollutfyllt), {class} och skiljetecken.',
  })
  readonly template!: string;

  @ApiProperty({ example: '-', description: 'Mellan ärendets nummer och handlingens löpnummer.' })
  readonly documentSeparator!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1.5.1',
    description: 'Klassificeringen numren gäller, när formatet numrerar per klassificering.',
  })
  readonly classificationCode!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'HÄ 2025/578',
    description: 'Nästa ärendes nummer som det skrivs; null när formatet kräver en klassificering som inte angetts.',
  })
  readonly nextDiaryNumber!: string | null;
}

@Describes<RecordsPlanEntryView>()
export class RecordsPlanEntryResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: '2.3.1' })
  readonly code!: string;

  @ApiProperty({ example: 'Remisser från kommunstyrelsen' })
  readonly title!: string;

  @ApiProperty()
  readonly active!: boolean;
}

@Describes<CaseHit>()
export class CaseHitResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'HÄ 2025/578' })
  readonly diaryNumber!: string;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly counterpart!: string | null;

  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' })
  readonly status!: CaseHit['status'];

  @ApiProperty({ format: 'date' })
  readonly registeredOn!: string;
}

@Describes<DocumentHit>()
export class DocumentHitResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly caseId!: string;

  @ApiProperty({ example: 'HÄ 2025/578' })
  readonly diaryNumber!: string;

  @ApiProperty({ example: 'HÄ 2025/578-3' })
  readonly documentNumber!: string;

  @ApiProperty({ description: 'Maskerad för den som inte får se en sekretessmarkerad handling.' })
  readonly title!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Maskerad som rubriken.' })
  readonly counterpart!: string | null;

  @ApiProperty({ enum: DOCUMENT_DIRECTIONS, enumName: 'DocumentDirection' })
  readonly direction!: DocumentDirection;

  @ApiProperty({ format: 'date' })
  readonly registeredOn!: string;

  @ApiProperty({ description: 'Sekretessmarkerad.' })
  readonly secret!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Var orden finns i filens text, orden inom «»; saknas där handlingen är sekretessmarkerad för läsaren.',
  })
  readonly excerpt!: string | null;
}

@Describes<RegistrySearchResult>()
export class RegistrySearchResponse {
  @ApiProperty({ type: [CaseHitResponse] })
  readonly cases!: readonly CaseHitResponse[];

  @ApiProperty({ type: [DocumentHitResponse] })
  readonly documents!: readonly DocumentHitResponse[];
}
