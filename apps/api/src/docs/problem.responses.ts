import type { UnprintableText } from '@app/pdf';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { FieldProblem } from '../http/validation.js';
import { NamedReferenceResponse } from './common.responses.js';
import { Describes } from './describes.js';

@Describes<FieldProblem>()
export class FieldProblemResponse {
  @ApiProperty({ example: 'responseDeadline' })
  readonly field!: string;

  @ApiProperty({ type: [String], example: ['måste vara ett giltigt datum (ÅÅÅÅ-MM-DD)'] })
  readonly problems!: readonly string[];
}

/** A field whose text holds characters a signed document cannot print, and which characters. */
@Describes<UnprintableText>()
export class UnprintableTextResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'summary',
    description: 'Fältet, eller null för texten som sätts.',
  })
  readonly field!: string | null;

  @ApiProperty({ type: [String], example: ['😀 (U+1F600)'] })
  readonly characters!: readonly string[];
}

/**
 * Every error answer (RFC 9457 application/problem+json): the standard members, `code` and
 * `errorId`, and each extension member a domain error may add. An answer with a member not
 * listed here fails the end-to-end suite's response check.
 */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:remiss:problem:statement.stale_revision' })
  readonly type!: string;

  @ApiProperty({ example: 'Konflikt med nuvarande läge' })
  readonly title!: string;

  @ApiProperty({ type: 'integer', example: 409 })
  readonly status!: number;

  @ApiProperty({ description: 'Vad som gick fel och vad du kan göra, på svenska.' })
  readonly detail!: string;

  @ApiPropertyOptional({ description: 'Adressen begäran gällde.', example: '/api/v1/statements/…' })
  readonly instance?: string;

  @ApiProperty({ description: 'Stabil, maskinläsbar felkod.', example: 'statement.stale_revision' })
  readonly code!: string;

  @ApiProperty({ format: 'uuid', description: 'Ange den om du kontaktar support.' })
  readonly errorId!: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'Fälten som är fel (request.invalid).' })
  readonly errors?: readonly FieldProblemResponse[];

  @ApiPropertyOptional({ type: 'integer', description: 'Den senast sparade versionen (statement.stale_revision).' })
  readonly currentRevision?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Versionen som väntar på godkännande (statement.revision_changed).',
  })
  readonly revisionInApproval?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Sekunder tills ett nytt försök kan lyckas, som i huvudet Retry-After (auth.too_many_attempts).',
  })
  readonly retryAfterSeconds?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Steget som väntar (statement.step_out_of_order).' })
  readonly waitingStep?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Steget som redan är godkänt (statement.step_taken).' })
  readonly takenStep?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Den okända remissdelen (statement.section_unknown).' })
  readonly sectionId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Det lägsta tillåtna numret (registry.series_start_too_low).',
  })
  readonly minimumNextNumber?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Remissinstanser som inte finns (consultation.unknown_recipient).',
  })
  readonly unknown?: readonly string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Remissinstanser utan diarieserie (consultation.recipient_without_series).',
  })
  readonly names?: readonly string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Remissinstanser som angetts flera gånger (consultation.duplicate_recipient).',
  })
  readonly duplicates?: readonly string[];

  @ApiPropertyOptional({
    type: [NamedReferenceResponse],
    description: 'Organisationerna att välja mellan vid inloggning (auth.organisation_required).',
  })
  readonly organisations?: readonly NamedReferenceResponse[];

  @ApiPropertyOptional({ description: 'Varför signeringsnyckeln eller certifikatet inte kunde användas (signing.*).' })
  readonly reason?: string;

  @ApiPropertyOptional({ description: 'Nyckeltypen som inte stöds (signing.unsupported_key).' })
  readonly keyType?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Sidan signaturen skulle stå på (signing.page_out_of_range).' })
  readonly page?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Dokumentets antal sidor (signing.page_out_of_range).' })
  readonly pageCount?: number;

  @ApiPropertyOptional({ description: 'Fältet felet gäller, när det är ett enda (till exempel meetingId).' })
  readonly field?: string;

  @ApiPropertyOptional({
    type: [UnprintableTextResponse],
    description: 'Tecken som inte kan skrivas ut, fält för fält (text.unprintable).',
  })
  readonly fields?: readonly UnprintableTextResponse[];

  @ApiPropertyOptional({ type: 'integer', description: 'Största tillåtna storlek i byte (request.file_too_large).' })
  readonly maxBytes?: number;

  @ApiPropertyOptional({ description: 'Titeln filen redan har i remissunderlaget (consultation.document_duplicate).' })
  readonly existingTitle?: string;

  @ApiPropertyOptional({
    description: 'Paragrafen i protokollet (statement.already_decided, statement.paragraph_taken).',
  })
  readonly paragraph?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Sammanträdets datum (statement.meeting_*).' })
  readonly meetingDate?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Sammanträdet tjänsteutlåtandet är ställt till (statement.meeting_mismatch).',
  })
  readonly scheduledMeetingDate?: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'Dagens datum i Stockholm (statement.meeting_passed).' })
  readonly today?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Dagen tjänsteutlåtandet godkändes (statement.meeting_before_approval).',
  })
  readonly approvedOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Det tidigaste tillåtna datumet.' })
  readonly earliest?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Det senaste tillåtna datumet.' })
  readonly latest?: string | null;
}
