import { type Inbox, NotificationService } from '@app/notification';
import type { Actor } from '@app/platform';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { notModified } from '../http/etag.js';
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
  @ApiResponse({ status: 304, description: 'Inkorgen är oförändrad sedan versionen i If-None-Match (ETag).' })
  @ApiProblems(400)
  async inbox(
    @CurrentActor() actor: Actor,
    @Query() query: InboxQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Inbox | undefined> {
    const state = await this.notifications.inboxState(actor);
    const who = actor.kind === 'person' ? [actor.personId, actor.organisationId] : [actor.kind];
    if (notModified(request, reply, 'inbox', [...who, state.version, query])) {
      return undefined;
    }
    return this.notifications.inbox(actor, query, state);
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
