export * from './auth/authentication.service.js';
export * from './auth/login-attempt.service.js';
export { DirectoryCache } from './cache/directory-cache.js';
export * from './department/department.service.js';
export { DIRECTORY_ENTITIES } from './directory.entities.js';
export * from './directory.errors.js';
export * from './directory.module.js';
export * from './directory.views.js';
export * from './organisation/organisation-kind.js';
export {
  OrganisationService,
  type OrganisationInput,
  type OrganisationPatch,
} from './organisation/organisation.service.js';
export { MIN_PASSWORD_LENGTH } from './person/password.js';
export * from './person/person.service.js';
export * from './role/role.service.js';
export * from './seed/directory.seeder.js';
export * from './seed/stockholm.seed-data.js';
