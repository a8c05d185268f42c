import { type Actor, Role } from '@app/platform';
import { type DiarySeriesView, DiarySeriesService, RecordsPlanService, type RecordsPlanEntryView } from '@app/registry';
import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { intParam, uuidParam } from '../http/params.js';
import {
  RecordsPlanEntryDto,
  SeriesQuery,
  SetDiaryFormatDto,
  SetSeriesStartDto,
  UpdateRecordsPlanEntryDto,
} from './registry.dto.js';
import { DiarySeriesResponse, RecordsPlanEntryResponse } from './registry.responses.js';

@ApiTags('diarium')
@Controller({ path: 'registry' })
export class RegistryController {
  constructor(
    private readonly series: DiarySeriesService,
    private readonly recordsPlan: RecordsPlanService,
  ) {}

  /** The organisation's diary series for a year (this year by default) and the number the next case gets. */
  @Get('series')
  @Authenticated()
  @ApiOkResponse({ type: DiarySeriesResponse, description: 'Årets diarieserie.' })
  @ApiProblems(400, 422)
  current(@CurrentActor() actor: Actor, @Query() query: SeriesQuery): Promise<DiarySeriesView> {
    return this.series.current(actor, query.year, query.classificationCode);
  }

  /**
   * Sets the format the series writes its numbers in (a series carried over from an older system
   * keeps its own, such as `1.5.1-135-2012` or `316-259/2012`). Not in a year that has numbers.
   */
  @Put('series/format')
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: DiarySeriesResponse, description: 'Årets serie i sitt nya format.' })
  @ApiProblems(400, 409, 422)
  setFormat(@CurrentActor() actor: Actor, @Body() body: SetDiaryFormatDto): Promise<DiarySeriesView> {
    return this.series.setFormat(actor, { template: body.template, documentSeparator: body.documentSeparator ?? '-' });
  }

  /** Sets where the year's series continues (numbering carried over from an older system). Only forward. */
  @Put('series/:year')
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: DiarySeriesResponse, description: 'Serien med sitt nya nästa nummer.' })
  @ApiProblems(400, 409, 422)
  setStart(
    @CurrentActor() actor: Actor,
    @Param('year', intParam('year')) year: number,
    @Body() body: SetSeriesStartDto,
  ): Promise<DiarySeriesView> {
    return this.series.setStart(actor, year, body.nextNumber, body.classificationCode);
  }

  /** The records plan (dokumenthanteringsplan) cases are classified under. */
  @Get('records-plan')
  @Authenticated()
  @ApiOkResponse({ type: [RecordsPlanEntryResponse], description: 'Dokumenthanteringsplanen.' })
  plan(@CurrentActor() actor: Actor): Promise<RecordsPlanEntryView[]> {
    return this.recordsPlan.list(actor);
  }

  @Post('records-plan')
  @Roles(Role.Registrar, Role.Administrator)
  @ApiCreatedResponse({ type: RecordsPlanEntryResponse, description: 'Den nya posten.' })
  @ApiProblems(400, 409)
  addEntry(@CurrentActor() actor: Actor, @Body() body: RecordsPlanEntryDto): Promise<RecordsPlanEntryView> {
    return this.recordsPlan.add(actor, body);
  }

  @Patch('records-plan/:id')
  @Roles(Role.Registrar, Role.Administrator)
  @ApiOkResponse({ type: RecordsPlanEntryResponse, description: 'Posten efter ändringen.' })
  @ApiProblems(400, 404)
  updateEntry(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateRecordsPlanEntryDto,
  ): Promise<RecordsPlanEntryView> {
    return this.recordsPlan.update(actor, id, body);
  }
}
