import { LoginAttemptCounterEntity } from './auth/login-attempt-counter.entity.js';
import { RevokedTokenEntity } from './auth/revoked-token.entity.js';
import { DepartmentEntity } from './department/department.entity.js';
import { OrganisationEntity } from './organisation/organisation.entity.js';
import { PersonEntity } from './person/person.entity.js';
import { RoleAssignmentEntity } from './role/role-assignment.entity.js';

/** The tables this library owns, for the schema registry only. */
export const DIRECTORY_ENTITIES = [
  OrganisationEntity,
  DepartmentEntity,
  PersonEntity,
  RoleAssignmentEntity,
  RevokedTokenEntity,
  LoginAttemptCounterEntity,
];
