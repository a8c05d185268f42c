import { type Actor, Role } from '@app/platform';
import {
  AgendaService,
  ApprovalService,
  DecisionService,
  type PartChange,
  PreparationService,
  type PreparationRequestView,
  type RevisionView,
  type StatementParts,
  StatementService,
  type StatementView,
} from '@app/statement';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblem, ApiProblems } from '../docs/api-problems.decorator.js';
import { intParam, uuidParam } from '../http/params.js';
import {
  ApproveDto,
  CompareQuery,
  confirmationOf,
  CreateStatementDto,
  DecisionDto,
  MoveToMeetingDto,
  PreparationRequestDto,
  RequestChangesDto,
  RevisionDto,
  SaveStatementDto,
  type StatementPartsDto,
} from './statements.dto.js';
import {
  PartChangeResponse,
  PreparationRequestResponse,
  RevisionResponse,
  StatementResponse,
} from './statements.responses.js';

function toParts(dto: StatementPartsDto): StatementParts {
  return {
    ...dto,
    position: dto.position ?? null,
    preparation: {
      text: dto.preparation.text,
      consultedDepartmentIds: dto.preparation.consultedDepartmentIds,
      unionsInformedOn: dto.preparation.unionsInformedOn ?? null,
      unionForum: dto.preparation.unionForum ?? null,
    },
    sections: dto.sections.map((s) => ({ sectionId: s.sectionId, position: s.position ?? null, comment: s.comment })),
    attachments: dto.attachments.map((a) => ({ title: a.title, registeredDocumentId: a.registeredDocumentId ?? null })),
    meetingId: dto.meetingId ?? null,
  };
}

@ApiTags('tjänsteutlåtanden')
@Controller({ path: 'statements' })
export class StatementsController {
  constructor(
    private readonly statements: StatementService,
    private readonly approvals: ApprovalService,
    private readonly decisions: DecisionService,
    private readonly preparation: PreparationService,
    private readonly agenda: AgendaService,
  ) {}

  /** Creates the tjänsteutlåtande of a case, pre-filled from the remiss and the case. */
  @Post()
  @Roles(Role.CaseOfficer)
  @ApiCreatedResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet, förifyllt.' })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateStatementDto): Promise<StatementView> {
    return this.statements.create(actor, body.caseId);
  }

  @Get('by-case/:caseId')
  @Authenticated()
  @ApiOkResponse({ type: StatementResponse, description: 'Ärendets tjänsteutlåtande.' })
  @ApiProblems(400, 404)
  byCase(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string): Promise<StatementView> {
    return this.statements.getByCase(actor, caseId);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<StatementView> {
    return this.statements.get(actor, id);
  }

  /** Saves a new revision from `baseRevision`; 409 with the current revision when someone saved in between. */
  @Put(':id')
  @Roles(Role.CaseOfficer, Role.HeadOfDepartment, Role.Director)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet med den nya versionen.' })
  @ApiProblems(400, 403, 404, 422)
  @ApiProblem(409, 'Någon har sparat en nyare version (se currentRevision), eller texten är låst.')
  save(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SaveStatementDto,
  ): Promise<StatementView> {
    return this.statements.save(actor, id, body.baseRevision, toParts(body.parts));
  }

  @Get(':id/revisions')
  @Authenticated()
  @ApiOkResponse({ type: [RevisionResponse], description: 'Alla versioner, äldst först.' })
  @ApiProblems(400, 404)
  revisions(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<RevisionView[]> {
    return this.statements.revisions(actor, id);
  }

  @Get(':id/revisions/:number')
  @Authenticated()
  @ApiOkResponse({ type: RevisionResponse, description: 'Versionen.' })
  @ApiProblems(400, 404)
  revision(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('number', intParam('number')) number: number,
  ): Promise<RevisionView> {
    return this.statements.revision(actor, id, number);
  }

  /** Compares two revisions part by part. */
  @Get(':id/compare')
  @Authenticated()
  @ApiOkResponse({
    type: [PartChangeResponse],
    description: 'Varje del, i dokumentets ordning, med sitt värde i båda versionerna.',
  })
  @ApiProblems(400, 404)
  compare(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: CompareQuery,
  ): Promise<PartChange[]> {
    return this.statements.compare(actor, id, query.from, query.to);
  }

  /** Sends a revision for approval along the organisation's chain. */
  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.CaseOfficer)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet, för godkännande.' })
  @ApiProblems(400, 403, 404, 409, 422)
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: RevisionDto,
  ): Promise<StatementView> {
    return this.approvals.submit(actor, id, body.revision);
  }

  /** Approves the step the approver saw waiting in the revision in approval. */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(Role.HeadOfDepartment, Role.Director, Role.Registrar, Role.Administrator, Role.CaseOfficer)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet efter godkännandet.' })
  @ApiProblems(400, 404, 409, 422)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ApproveDto,
  ): Promise<StatementView> {
    return this.approvals.approve(actor, id, { revision: body.revision, step: body.step }, body.comment ?? '');
  }

  /** Asks for changes: the statement returns to drafting. */
  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles(Role.HeadOfDepartment, Role.Director, Role.Registrar, Role.Administrator, Role.CaseOfficer)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet, åter under arbete.' })
  @ApiProblems(400, 404, 409, 422)
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: RequestChangesDto,
  ): Promise<StatementView> {
    return this.approvals.requestChanges(actor, id, { revision: body.revision, step: body.step }, body.comment);
  }

  /**
   * Moves an approved statement to another meeting of the board; the tjänsteutlåtande is issued
   * anew with that meeting's date, without a new approval.
   */
  @Post(':id/meeting')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet, flyttat till det nya sammanträdet.' })
  @ApiProblems(400, 404, 409, 422)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: MoveToMeetingDto,
  ): Promise<StatementView> {
    return this.agenda.move(actor, id, body.meetingId);
  }

  /** Records the board's decision on the frozen revision, at the meeting it went before. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet med nämndens beslut.' })
  @ApiProblems(400, 404, 409, 422)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: DecisionDto,
  ): Promise<StatementView> {
    return this.decisions.record(actor, id, { ...body, confirmation: confirmationOf(body.confirmation) });
  }

  /** Sends the approved tjänsteutlåtande to the sender now, the board's decision to follow. */
  @Post(':id/preliminary-answer')
  @HttpCode(200)
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiOkResponse({ type: StatementResponse, description: 'Tjänsteutlåtandet, skickat i förväg.' })
  @ApiProblems(400, 404, 409, 422)
  preliminary(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<StatementView> {
    return this.decisions.sendPreliminary(actor, id);
  }

  /** Asks another department for input (beredning). */
  @Post(':id/preparation-requests')
  @Roles(Role.CaseOfficer)
  @ApiCreatedResponse({ type: PreparationRequestResponse, description: 'Frågan till avdelningen.' })
  @ApiProblems(400, 404, 409, 422)
  ask(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: PreparationRequestDto,
  ): Promise<PreparationRequestView> {
    return this.preparation.ask(actor, id, body);
  }

  @Get(':id/preparation-requests')
  @Authenticated()
  @ApiOkResponse({ type: [PreparationRequestResponse], description: 'Beredningsfrågorna med sina svar.' })
  @ApiProblems(400, 404)
  questions(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PreparationRequestView[]> {
    return this.preparation.list(actor, id);
  }
}
