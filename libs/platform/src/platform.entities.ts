import { AuditChainHeadEntity } from './audit/audit-chain-head.entity.js';
import { AuditRecordEntity } from './audit/audit-record.entity.js';
import { OutboxJobEntity } from './queue/outbox-job.entity.js';

/** The tables this library owns, for the schema registry only. */
export const PLATFORM_ENTITIES = [AuditRecordEntity, AuditChainHeadEntity, OutboxJobEntity];
