import { CaseCoWorkerEntity } from './case/case-co-worker.entity.js';
import { CaseEntity } from './case/case.entity.js';
import { RegisteredDocumentEntity } from './document/registered-document.entity.js';
import { FileBlobEntity } from './file/file-blob.entity.js';
import { FileChunkEntity } from './file/file-chunk.entity.js';
import { RecordsPlanEntryEntity } from './records-plan/records-plan-entry.entity.js';
import { DiaryCounterEntity } from './series/diary-counter.entity.js';
import { DiaryFormatEntity } from './series/diary-format.entity.js';

/** The tables this library owns, for the schema registry only. */
export const REGISTRY_ENTITIES = [
  DiaryCounterEntity,
  DiaryFormatEntity,
  RecordsPlanEntryEntity,
  CaseEntity,
  CaseCoWorkerEntity,
  RegisteredDocumentEntity,
  FileBlobEntity,
  FileChunkEntity,
];
