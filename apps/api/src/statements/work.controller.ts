import { CompilationService, type Compilation } from '@app/consultation';
import { type Actor, Role } from '@app/platform';
import {
  AgendaService,
  ApprovalChainService,
  type ChainStep,
  type DecisionView,
  DecisionService,
  MeetingService,
  type MeetingView,
  PreparationService,
  type PreparationRequestView,
  SubstituteService,
  type StatementView,
  type SubstituteView,
  type WorkItem,
  WorkInboxService,
} from '@app/statement';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { CompilationResponse } from '../consultations/consultations.responses.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { uuidParam } from '../http/params.js';
import {
  ApprovalChainDto,
  ConfirmMinutesDto,
  MeetingDto,
  MeetingsQuery,
  PreparationAnswerDto,
  SubstituteDto,
  SubstitutesQuery,
} from './statements.dto.js';
import {
  ChainStepResponse,
  DecisionResponse,
  MeetingResponse,
  PreparationRequestResponse,
  StatementResponse,
  SubstituteResponse,
  WorkItemResponse,
} from './statements.responses.js';

@ApiTags('arbete')
@Controller()
export class WorkController {
  constructor(
    private readonly work: WorkInboxService,
    private readonly chains: ApprovalChainService,
    private readonly substitutes: SubstituteService,
    private readonly meetings: MeetingService,
    private readonly agenda: AgendaService,
    private readonly decisions: DecisionService,
    private readonly preparation: PreparationService,
    private readonly compilations: CompilationService,
  ) {}

  /** What needs your action now: drafts, approvals, decisions, assignments, questions, overdue remisses. */
  @Get('my-work')
  @Authenticated()
  @ApiOkResponse({ type: [WorkItemResponse], description: 'Det som väntar på dig.' })
  myWork(@CurrentActor() actor: Actor): Promise<WorkItem[]> {
    return this.work.forActor(actor);
  }

  @Get('approval-chain')
  @Authenticated()
  @ApiOkResponse({ type: [ChainStepResponse], description: 'Godkännandekedjan, steg för steg.' })
  chain(@CurrentActor() actor: Actor): Promise<ChainStep[]> {
    return this.chains.get(actor);
  }

  /** Sets the organisation's approval chain (administrators). */
  @Put('approval-chain')
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: [ChainStepResponse], description: 'Den nya kedjan.' })
  @ApiProblems(400, 422)
  setChain(@CurrentActor() actor: Actor, @Body() body: ApprovalChainDto): Promise<ChainStep[]> {
    return this.chains.set(actor, body.steps);
  }

  /**
   * Names a substitute (ersättare) for your approval steps during a period; the organisation's
   * administrator may name one for anyone of the organisation with `personId` (audited).
   */
  @Post('substitutes')
  @Authenticated()
  @ApiCreatedResponse({ type: SubstituteResponse, description: 'Ersättaren.' })
  @ApiProblems(400, 403, 404, 409, 422)
  nameSubstitute(@CurrentActor() actor: Actor, @Body() body: SubstituteDto): Promise<SubstituteView> {
    return this.substitutes.name(actor, body);
  }

  /** Your substitutes, or (for the organisation's administrator) those of the person given. */
  @Get('substitutes')
  @Authenticated()
  @ApiOkResponse({ type: [SubstituteResponse], description: 'Ersättarna.' })
  @ApiProblems(400, 403, 404)
  mySubstitutes(@CurrentActor() actor: Actor, @Query() query: SubstitutesQuery): Promise<SubstituteView[]> {
    return this.substitutes.mine(actor, query.personId);
  }

  /** Revokes a substitute: your own, or (for the organisation's administrator) anyone's there. */
  @Post('substitutes/:id/revoke')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Ersättaren är återkallad.' })
  @ApiProblems(400, 404, 409)
  async revokeSubstitute(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.substitutes.revoke(actor, id);
  }

  /** The board's meeting calendar (sammanträdesplan). */
  @Get('meetings')
  @Authenticated()
  @ApiOkResponse({ type: [MeetingResponse], description: 'Sammanträdena.' })
  @ApiProblems(400)
  listMeetings(@CurrentActor() actor: Actor, @Query() query: MeetingsQuery): Promise<MeetingView[]> {
    return this.meetings.list(actor, query);
  }

  @Post('meetings')
  @Roles(Role.Registrar)
  @ApiCreatedResponse({ type: MeetingResponse, description: 'Det nya sammanträdet.' })
  @ApiProblems(400, 409, 422)
  addMeeting(@CurrentActor() actor: Actor, @Body() body: MeetingDto): Promise<MeetingView> {
    return this.meetings.add(actor, body);
  }

  /**
   * The tjänsteutlåtanden on a meeting's agenda: those that go before it and those the board
   * decided on there, each with its proposed decision and the board's decision when recorded.
   */
  @Get('meetings/:id/statements')
  @Authenticated()
  @ApiOkResponse({ type: [StatementResponse], description: 'Tjänsteutlåtandena till sammanträdet.' })
  @ApiProblems(400, 404)
  meetingStatements(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<StatementView[]> {
    return this.agenda.statementsAt(actor, id);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: MeetingResponse, description: 'Det inställda sammanträdet.' })
  @ApiProblems(400, 404, 409)
  cancelMeeting(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<MeetingView> {
    return this.meetings.cancel(actor, id);
  }

  /** Records that the minutes are confirmed (justering); the adopted statement then goes to the sender. */
  @Post('board-decisions/:id/confirm')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: DecisionResponse, description: 'Beslutet, justerat.' })
  @ApiProblems(400, 404, 409, 422)
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ConfirmMinutesDto,
  ): Promise<DecisionView> {
    return this.decisions.confirm(actor, id, body.confirmedOn);
  }

  /** Answers a preparation question put to your department. */
  @Post('preparation-requests/:id/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: PreparationRequestResponse, description: 'Frågan med ditt svar.' })
  @ApiProblems(400, 403, 404, 409)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: PreparationAnswerDto,
  ): Promise<PreparationRequestView> {
    return this.preparation.answer(actor, id, body.answer);
  }

  /** The remissammanställning: every answer per section, who declined, who has not answered, counts. */
  @Get('consultations/:id/compilation')
  @Authenticated()
  @ApiOkResponse({ type: CompilationResponse, description: 'Remissammanställningen.' })
  @ApiProblems(400, 403, 404)
  compilation(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<Compilation> {
    return this.compilations.compile(actor, id);
  }

  @Get('consultations/:id/compilation.csv')
  @Authenticated()
  @ApiFileResponse('text/csv', 'Remissammanställningen som CSV (UTF-8 med BOM, semikolon).')
  @ApiProblems(400, 403, 404)
  async compilationCsv(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.compilations.csv(actor, id);
    await sendDownload(reply, { stream: csv.content, fileName: csv.fileName, mediaType: 'text/csv; charset=utf-8' });
  }
}
