import {
  type Actor,
  AuditReader,
  type AuditRecordView,
  AuditService,
  type ChainVerification,
  Role,
} from '@app/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { AuditRecordsQuery } from './audit.dto.js';
import { AuditRecordResponse, ChainVerificationResponse } from './audit.responses.js';

function organisationOf(actor: Actor): string {
  return actor.kind === 'person' ? actor.organisationId : '';
}

@ApiTags('granskning')
@Controller({ path: 'audit' })
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly reader: AuditReader,
  ) {}

  /** Walks your organisation's audit chain and reports the first broken link, if any. */
  @Get('verify')
  @Roles(Role.Registrar, Role.Administrator)
  @ApiOkResponse({ type: ChainVerificationResponse, description: 'Kedjans skick.' })
  verify(@CurrentActor() actor: Actor): Promise<ChainVerification> {
    return this.audit.verifyChain(organisationOf(actor));
  }

  /**
   * Your organisation's audit records about one entity, newest first; what a secrecy marking
   * withholds from you (an administrator who is not a registrar) is masked.
   */
  @Get('records')
  @Roles(Role.Registrar, Role.Administrator)
  @ApiOkResponse({ type: [AuditRecordResponse], description: 'Posterna, nyaste först (högst 500).' })
  @ApiProblems(400)
  records(@CurrentActor() actor: Actor, @Query() query: AuditRecordsQuery): Promise<AuditRecordView[]> {
    return this.reader.forEntity(actor, query.entityType, query.entityId);
  }
}
