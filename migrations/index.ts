import { CreatePlatformAndDirectory1795706793281 } from './1795706793281-CreatePlatformAndDirectory.js';
import { CreateRegistryAndConsultations1795709116271 } from './1795709116271-CreateRegistryAndConsultations.js';
import { CreateStatements1795710905374 } from './1795710905374-CreateStatements.js';
import { CreateIssuedDocumentsAndCertificates1795713808308 } from './1795713808308-CreateIssuedDocumentsAndCertificates.js';
import { CompilationSnapshot1796022623938 } from './1796022623938-CompilationSnapshot.js';
import { SessionsAndCredentialsVersion1796285222578 } from './1796285222578-SessionsAndCredentialsVersion.js';
import { CopiedRegisteredDocuments1796285400001 } from './1796285400001-CopiedRegisteredDocuments.js';
import { OrganisationNameKeyAndUsedPrefix1796285710607 } from './1796285710607-OrganisationNameKeyAndUsedPrefix.js';
import { AuditMacs1796287267646 } from './1796287267646-AuditMacs.js';
import { DecisionsAtMeetings1796290317430 } from './1796290317430-DecisionsAtMeetings.js';
import { CaseCoWorkers1796291402937 } from './1796291402937-CaseCoWorkers.js';
import { LoginAttemptCounters1796307353988 } from './1796307353988-LoginAttemptCounters.js';
import { SearchFold1796308706925 } from './1796308706925-SearchFold.js';
import { OutsideSenders1796317260375 } from './1796317260375-OutsideSenders.js';
import { DiaryFormats1796318411921 } from './1796318411921-DiaryFormats.js';
import { RegistryFullText1796320000000 } from './1796320000000-RegistryFullText.js';
import { MailOutboxAndPreferences1796321000000 } from './1796321000000-MailOutboxAndPreferences.js';
import { DirectoryVersion1796400000000 } from './1796400000000-DirectoryVersion.js';
import { CaseListIndexes1796410000000 } from './1796410000000-CaseListIndexes.js';

/** Every migration, oldest first. The only way the schema changes. */
export const MIGRATIONS = [
  CreatePlatformAndDirectory1795706793281,
  CreateRegistryAndConsultations1795709116271,
  CreateStatements1795710905374,
  CreateIssuedDocumentsAndCertificates1795713808308,
  CompilationSnapshot1796022623938,
  SessionsAndCredentialsVersion1796285222578,
  CopiedRegisteredDocuments1796285400001,
  OrganisationNameKeyAndUsedPrefix1796285710607,
  AuditMacs1796287267646,
  DecisionsAtMeetings1796290317430,
  CaseCoWorkers1796291402937,
  LoginAttemptCounters1796307353988,
  SearchFold1796308706925,
  OutsideSenders1796317260375,
  DiaryFormats1796318411921,
  RegistryFullText1796320000000,
  MailOutboxAndPreferences1796321000000,
  DirectoryVersion1796400000000,
  CaseListIndexes1796410000000,
];
