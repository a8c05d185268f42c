import type { AuditRecordView, ChainBreak, ChainVerification } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ANY_JSON_VALUE } from '../docs/any-json.js';
import { Describes } from '../docs/describes.js';
import { literalValues } from '../docs/literal-values.js';

const CHAIN_BREAKS = literalValues<ChainBreak>({
  hash_mismatch: true,
  previous_hash_mismatch: true,
  sequence_gap: true,
  head_mismatch: true,
  mac_mismatch: true,
});

@Describes<AuditRecordView>()
export class AuditRecordResponse {
  @ApiProperty({ pattern: '^[0-9]+$', description: 'Postens nummer (ett heltal, som text).', example: '1042' })
  readonly id!: string;

  @ApiProperty({ type: 'integer', description: 'Plats i organisationens kedja.' })
  readonly seq!: number;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly actorPersonId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly actingOrganisationId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Systemprocessen som gjorde ändringen.' })
  readonly actorProcess!: string | null;

  @ApiProperty({ example: 'case.registered' })
  readonly action!: string;

  @ApiProperty({ example: 'case' })
  readonly entityType!: string;

  @ApiProperty()
  readonly entityId!: string;

  @ApiProperty({ ...ANY_JSON_VALUE, description: 'Läget före ändringen.' })
  readonly before!: unknown;

  @ApiProperty({ ...ANY_JSON_VALUE, description: 'Läget efter ändringen.' })
  readonly after!: unknown;

  @ApiProperty({ format: 'date-time' })
  readonly occurredAt!: string;

  @ApiProperty({ description: 'Postens kedjehash.' })
  readonly hash!: string;
}

@Describes<NonNullable<ChainVerification['firstBroken']>>()
export class ChainBreakResponse {
  @ApiProperty({ type: 'integer' })
  readonly seq!: number;

  @ApiProperty({ type: String, pattern: '^[0-9]+$', nullable: true, description: 'Den brutna postens nummer.' })
  readonly recordId!: string | null;

  @ApiProperty({ enum: CHAIN_BREAKS, enumName: 'ChainBreak' })
  readonly reason!: ChainBreak;
}

@Describes<ChainVerification>()
export class ChainVerificationResponse {
  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty()
  readonly valid!: boolean;

  @ApiProperty({ type: 'integer' })
  readonly recordsChecked!: number;

  @ApiProperty({ type: 'integer' })
  readonly headSeq!: number;

  @ApiPropertyOptional({ type: ChainBreakResponse, description: 'Den första brutna länken, när kedjan är bruten.' })
  readonly firstBroken?: ChainBreakResponse;
}
