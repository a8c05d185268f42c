import { ApprovalChainStepEntity } from './approval/approval-chain-step.entity.js';
import { ApprovalEntity } from './approval/approval.entity.js';
import { SubmissionEntity } from './approval/submission.entity.js';
import { SubstituteEntity } from './approval/substitute.entity.js';
import { BoardDecisionEntity } from './decision/board-decision.entity.js';
import { BoardMeetingEntity } from './meeting/board-meeting.entity.js';
import { PreparationRequestEntity } from './preparation/preparation-request.entity.js';
import { RevisionAttachmentEntity } from './statement/revision-attachment.entity.js';
import { RevisionSectionEntity } from './statement/revision-section.entity.js';
import { StatementRevisionEntity } from './statement/statement-revision.entity.js';
import { StatementEntity } from './statement/statement.entity.js';

/** The tables this library owns, for the schema registry only. */
export const STATEMENT_ENTITIES = [
  StatementEntity,
  StatementRevisionEntity,
  RevisionSectionEntity,
  RevisionAttachmentEntity,
  ApprovalChainStepEntity,
  SubmissionEntity,
  ApprovalEntity,
  SubstituteEntity,
  BoardMeetingEntity,
  BoardDecisionEntity,
  PreparationRequestEntity,
];
