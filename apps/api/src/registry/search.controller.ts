import type { Actor } from '@app/platform';
import { RegistrySearchService, type RegistrySearchResult } from '@app/registry';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { RegistrySearchQueryDto } from './registry.dto.js';
import { RegistrySearchResponse } from './registry.responses.js';

@ApiTags('diarium')
@Controller({ path: 'search' })
export class SearchController {
  constructor(private readonly search: RegistrySearchService) {}

  /**
   * "Sök i diariet": cases and documents by diary number or by words, in the file's text too. A
   * secret document is found by its words only by those who may read it.
   */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: RegistrySearchResponse, description: 'Ärenden och handlingar, de bästa träffarna först.' })
  @ApiProblems(400)
  find(@CurrentActor() actor: Actor, @Query() query: RegistrySearchQueryDto): Promise<RegistrySearchResult> {
    return this.search.search(actor, query.q, query.limit);
  }
}
