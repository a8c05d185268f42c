import { type Inbox, NotificationService } from '@app/notification';
import type { Actor } from '@app/platform';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { uuidParam } from '../http/params.js';
import { InboxQuery } from './notifications.dto.js';
import { InboxResponse, MarkedReadResponse } from './notifications.responses.js';

@ApiTags('notiser')
@Controller({ path: 'notifications' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** Your notification inbox in the organisation you act for, newest first, with the unread count. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: InboxResponse, description: 'Inkorgen.' })
  @ApiProblems(400)
  inbox(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<Inbox> {
    return this.notifications.inbox(actor, query);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Notisen är markerad som läst.' })
  @ApiProblems(400, 404)
  async markRead(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: MarkedReadResponse, description: 'Alla olästa notiser är markerade som lästa.' })
  async markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadResponse> {
    return { marked: await this.notifications.markAllRead(actor) };
  }
}
