import { type ExtensionRequestView, LetterService, RecipientService, type RecipientView } from '@app/consultation';
import { DocumentIssuerService } from '@app/document';
import { type Actor, DomainError, ErrorKind, Role } from '@app/platform';
import { DecisionService } from '@app/statement';
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { sendDownload } from '../http/download.js';
import { confirmationOf } from '../statements/statements.dto.js';
import { readSingleFile, validateFields } from '../http/multipart.js';
import { uuidParam } from '../http/params.js';
import {
  AssignRecipientDto,
  DeclineDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ExternalAnswerDto,
} from './consultations.dto.js';

@ApiTags('remisser')
@Controller({ path: 'consultation-recipients' })
export class RecipientsController {
  constructor(
    private readonly recipients: RecipientService,
    private readonly letters: LetterService,
    private readonly issuer: DocumentIssuerService,
    private readonly decisions: DecisionService,
  ) {}

  /** A recipient of a remiss, to the sender and to the recipient itself. */
  @Get(':id')
  @Authenticated()
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<RecipientView> {
    return this.recipients.get(actor, id);
  }

  /** The recipient's registrar assigns the remiss to a department and a case officer. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.Registrar)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignRecipientDto,
  ): Promise<RecipientView> {
    return this.recipients.assign(actor, id, { departmentId: body.departmentId ?? null, personId: body.personId });
  }

  /**
   * The recipient declines (avstår), with a reason and who decided: the administration on the
   * board's behalf (`decidedBy`), or the board at a meeting (`boardDecision`).
   */
  @Post(':id/decline')
  @HttpCode(200)
  @Roles(Role.Registrar)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: DeclineDto,
  ): Promise<RecipientView> {
    if ((body.decidedBy === undefined) === (body.boardDecision === undefined)) {
      throw new DomainError(
        'request.invalid',
        ErrorKind.Invalid,
        'Ange vem som beslutade att avstå: antingen decidedBy (förvaltningen på nämndens vägnar) eller boardDecision (nämndens sammanträde och paragraf), inte båda.',
        { errors: [{ field: 'decidedBy', problems: ['anges, eller boardDecision, men inte båda'] }] },
      );
    }
    if (body.boardDecision) {
      const { meetingId, paragraph, confirmation } = body.boardDecision;
      return this.decisions.recordDecline(actor, id, {
        meetingId,
        paragraph,
        reason: body.reason,
        confirmation: confirmationOf(confirmation),
      });
    }
    return this.recipients.decline(actor, id, { reason: body.reason, decidedBy: body.decidedBy! });
  }

  /** The recipient asks for a later deadline (anstånd). */
  @Post(':id/extension-requests')
  @Roles(Role.Registrar, Role.CaseOfficer)
  requestExtension(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionRequestDto,
  ): Promise<ExtensionRequestView> {
    return this.recipients.requestExtension(actor, id, body);
  }

  @Get(':id/extension-requests')
  @Authenticated()
  extensionRequests(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<ExtensionRequestView[]> {
    return this.recipients.extensionRequests(actor, id);
  }

  /** The e-mail-ready letter (.eml) with the remissunderlag, for an external recipient. */
  @Get(':id/letter')
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiProduces('message/rfc822')
  async letter(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const recipient = await this.recipients.get(actor, id);
    const missiv = await this.issuer.coveringLetterBytes(recipient.consultationId);
    const letter = await this.letters.letter(actor, id, missiv ? [{ ...missiv, mediaType: 'application/pdf' }] : []);
    await sendDownload(reply, { stream: letter.content, fileName: letter.fileName, mediaType: 'message/rfc822' });
  }

  /**
   * The sender's registrar registers an external body's answer: JSON, or multipart with the
   * fields first (`sections` as JSON text) and the answer's file last.
   */
  @Post(':id/external-answer')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: ExternalAnswerDto })
  async externalAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecipientView> {
    if (request.isMultipart()) {
      const { fields, file } = await readSingleFile(request);
      const parsed: Record<string, unknown> = { ...fields };
      if (fields.sections) {
        try {
          parsed.sections = JSON.parse(fields.sections) as unknown;
        } catch {
          parsed.sections = 'ogiltig JSON';
        }
      }
      const answer = validateFields(ExternalAnswerDto, parsed);
      return this.recipients.registerExternalAnswer(actor, id, this.#answer(answer), file);
    }
    return this.recipients.registerExternalAnswer(
      actor,
      id,
      this.#answer(validateFields(ExternalAnswerDto, (request.body ?? {}) as Record<string, unknown>)),
    );
  }

  #answer(dto: ExternalAnswerDto): Parameters<RecipientService['registerExternalAnswer']>[2] {
    return {
      position: dto.position,
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      ...(dto.documentDate !== undefined ? { documentDate: dto.documentDate } : {}),
      sections: (dto.sections ?? []).map((s) => ({
        sectionId: s.sectionId,
        position: s.position ?? null,
        comment: s.comment ?? '',
      })),
    };
  }
}

@ApiTags('remisser')
@Controller({ path: 'extension-requests' })
export class ExtensionRequestsController {
  constructor(private readonly recipients: RecipientService) {}

  /** The sender grants or refuses a request for a later deadline. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.CaseOfficer, Role.Registrar)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionDecisionDto,
  ): Promise<ExtensionRequestView> {
    return this.recipients.decideExtension(actor, id, body);
  }
}
