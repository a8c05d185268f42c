import type { LiveEvent } from '@app/platform';
import { ApiProperty } from '@nestjs/swagger';

import { Describes } from '../docs/describes.js';

type EventOf<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>;

/** `event: notifications`: the inbox got a notification, or one was read (in another window too). */
@Describes<EventOf<'notifications'>>()
export class NotificationsEventResponse {
  @ApiProperty({ enum: ['notifications'] })
  readonly type!: 'notifications';

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ enum: ['created', 'read'] })
  readonly reason!: 'created' | 'read';
}

/** `event: work`: something "Mitt arbete" is made from changed; ask GET /my-work again. */
@Describes<EventOf<'work'>>()
export class WorkEventResponse {
  @ApiProperty({ enum: ['work'] })
  readonly type!: 'work';

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;
}

/** `event: statement`: a tjänsteutlåtande changed; its status when the change set one. */
@Describes<EventOf<'statement'>>()
export class StatementEventResponse {
  @ApiProperty({ enum: ['statement'] })
  readonly type!: 'statement';

  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ type: String, nullable: true, example: 'in_approval' })
  readonly status!: string | null;
}

/** `event: issued-document`: an issued document moved on (queued, rendering, signed, failed). */
@Describes<EventOf<'issued-document'>>()
export class IssuedDocumentEventResponse {
  @ApiProperty({ enum: ['issued-document'] })
  readonly type!: 'issued-document';

  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'signed' })
  readonly status!: string;

  @ApiProperty({ example: 'official_report' })
  readonly kind!: string;

  @ApiProperty({ format: 'uuid', description: 'Vad dokumentet är gjort av (t.ex. tjänsteutlåtandet).' })
  readonly subjectId!: string;
}

export const LIVE_EVENT_MODELS = [
  NotificationsEventResponse,
  WorkEventResponse,
  StatementEventResponse,
  IssuedDocumentEventResponse,
];
