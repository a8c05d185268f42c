import { Module } from '@nestjs/common';

import { AuthenticationService } from './auth/authentication.service.js';
import { DirectoryCache } from './cache/directory-cache.js';
import { LoginAttemptService } from './auth/login-attempt.service.js';
import { DepartmentService } from './department/department.service.js';
import { OrganisationService } from './organisation/organisation.service.js';
import { PersonService } from './person/person.service.js';
import { RoleService } from './role/role.service.js';
import { DirectorySeeder } from './seed/directory.seeder.js';

@Module({
  providers: [
    DirectoryCache,
    OrganisationService,
    DepartmentService,
    PersonService,
    RoleService,
    AuthenticationService,
    LoginAttemptService,
    DirectorySeeder,
  ],
  exports: [
    DirectoryCache,
    OrganisationService,
    DepartmentService,
    PersonService,
    RoleService,
    AuthenticationService,
    LoginAttemptService,
    DirectorySeeder,
  ],
})
export class DirectoryModule {}
