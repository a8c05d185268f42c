import type { Inbox, NotificationView } from '@app/notification';
import { ApiProperty } from '@nestjs/swagger';

import { RecordLinkResponse } from '../docs/common.responses.js';
import { Describes } from '../docs/describes.js';

@Describes<NotificationView>()
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'statement.approved' })
  readonly kind!: string;

  @ApiProperty()
  readonly title!: string;

  @ApiProperty()
  readonly body!: string;

  @ApiProperty({ type: RecordLinkResponse, nullable: true })
  readonly link!: RecordLinkResponse | null;

  @ApiProperty({ format: 'date-time' })
  readonly createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly readAt!: string | null;
}

@Describes<Inbox>()
export class InboxResponse {
  @ApiProperty({ type: 'integer', description: 'Olästa notiser.' })
  readonly unread!: number;

  @ApiProperty({ type: 'integer', description: 'Notiser i urvalet, innan limit och offset.' })
  readonly total!: number;

  @ApiProperty({ type: [NotificationResponse] })
  readonly items!: readonly NotificationResponse[];
}

@Describes<{ marked: number }>()
export class MarkedReadResponse {
  @ApiProperty({ type: 'integer', description: 'Hur många notiser som markerades som lästa.' })
  readonly marked!: number;
}
