import {
  type DepartmentView,
  OrganisationKind,
  type OrganisationView,
  type PersonView,
  type RoleHeld,
} from '@app/directory';
import { Role } from '@app/platform';
import { ApiProperty } from '@nestjs/swagger';

import { Describes } from '../docs/describes.js';

@Describes<OrganisationView>()
export class OrganisationResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'Hägersten-Älvsjö stadsdelsnämnd' })
  readonly name!: string;

  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  readonly kind!: OrganisationKind;

  @ApiProperty({ type: String, nullable: true, example: 'Hägersten-Älvsjö stadsdelsförvaltning' })
  readonly administrationName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'HÄ' })
  readonly diaryPrefix!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly streetAddress!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '112 25' })
  readonly postalCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly postalTown!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly registryEmail!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly website!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly parentId!: string | null;

  @ApiProperty()
  readonly active!: boolean;
}

@Describes<DepartmentView>()
export class DepartmentResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ example: 'Avdelningen för ekonomi och upphandling' })
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly contactEmail!: string | null;

  @ApiProperty()
  readonly active!: boolean;
}

@Describes<RoleHeld>()
export class RoleHeldResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  readonly role!: Role;
}

@Describes<PersonView>()
export class PersonResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ format: 'uuid' })
  readonly organisationId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly departmentId!: string | null;

  @ApiProperty({ example: 'Jens Westlund' })
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'handläggare' })
  readonly title!: string | null;

  @ApiProperty({ example: 'jens.westlund@stockholm.se' })
  readonly email!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly phone!: string | null;

  @ApiProperty()
  readonly disabled!: boolean;

  @ApiProperty({ type: [RoleHeldResponse] })
  readonly roles!: readonly RoleHeldResponse[];
}
