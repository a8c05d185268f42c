import { type ConsultationView, IncomingRemissService } from '@app/consultation';
import { type Actor, Role } from '@app/platform';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { IncomingRemissDto } from './consultations.dto.js';
import { ConsultationResponse } from './consultations.responses.js';

@ApiTags('remisser')
@Controller({ path: 'incoming-remisses' })
export class IncomingRemissesController {
  constructor(private readonly incoming: IncomingRemissService) {}

  /**
   * Registers a remiss from outside the directory (a ministry, an agency, the region): a case in
   * your registry with the sender as counterpart, their reference, the deadline and the sections
   * to comment on. It is then tracked and answered like a remiss from inside; `asRecipient` is
   * your organisation's entry, to assign.
   */
  @Post()
  @Roles(Role.Registrar)
  @ApiCreatedResponse({ type: ConsultationResponse, description: 'Den registrerade remissen.' })
  @ApiProblems(400, 422)
  register(@CurrentActor() actor: Actor, @Body() body: IncomingRemissDto): Promise<ConsultationView> {
    return this.incoming.register(actor, body);
  }
}
