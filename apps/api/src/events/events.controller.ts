import type { Session } from '@app/directory';
import type { PersonActor } from '@app/platform';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor, CurrentSession } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { EventStreams } from './event-streams.service.js';
import { LIVE_EVENT_MODELS } from './events.responses.js';

@ApiTags('händelser')
@Controller()
export class EventsController {
  constructor(private readonly streams: EventStreams) {}

  /**
   * What changes for you, live (Server-Sent Events): notifications, "my work", statements and
   * issued documents of the organisation you act for. Each event carries ids and states only; ask
   * the API for the rest. Opens with `event: ready` (ask again for what you show: something may
   * have changed while the stream was cut), sends a heartbeat comment now and then, and
   * `event: session-ended` before it closes when the login ends.
   */
  @Get('events')
  @Authenticated()
  @ApiProduces('text/event-stream')
  @ApiExtraModels(...LIVE_EVENT_MODELS)
  @ApiOkResponse({
    description:
      'En ström av händelser (text/event-stream). Varje händelse har namnet i event: och JSON i data:, ' +
      'formad som NotificationsEventResponse (notifications), WorkEventResponse (work), StatementEventResponse ' +
      '(statement) eller IssuedDocumentEventResponse (issued-document). Dessutom ready när strömmen öppnats och ' +
      'session-ended innan den stängs för att inloggningen upphört.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems(503)
  async events(
    @CurrentActor() actor: PersonActor,
    @CurrentSession() session: Session,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.streams.open(actor, session, request, reply);
  }
}
