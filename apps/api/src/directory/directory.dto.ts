import { OrganisationKind } from '@app/directory';
import { Role } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { QueryBoolean } from '../http/params.js';

const PREFIX = /^[A-ZÅÄÖ]{1,6}$/;
const PHONE = /^[0-9+\- ()]{5,30}$/;

export class OrganisationListQuery {
  @ApiPropertyOptional({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Hägersten-Älvsjö stadsdelsnämnd' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: OrganisationKind, enumName: 'OrganisationKind' })
  @IsEnum(OrganisationKind)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ example: 'Hägersten-Älvsjö stadsdelsförvaltning' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  administrationName?: string;

  @ApiPropertyOptional({ example: 'HÄ', description: '1–6 versaler (A–Ö).' })
  @IsOptional()
  @Matches(PREFIX)
  diaryPrefix?: string;

  @ApiPropertyOptional({ example: 'Kungsklippan 6' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streetAddress?: string;

  @ApiPropertyOptional({ example: '112 25' })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/)
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Stockholm' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  postalTown?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  registryEmail?: string;

  @ApiPropertyOptional({ example: 'start.stockholm' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  administrationName?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(PREFIX)
  diaryPrefix?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streetAddress?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/)
  postalCode?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  postalTown?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsEmail()
  registryEmail?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Avdelningen för ekonomi och upphandling' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Kontaktadressen i avdelningens dokumentsidfot.' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'För stadens administratörer: organisationen avdelningen hör till.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PersonListQuery {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDisabled?: boolean;
}

export class CreatePersonDto {
  @ApiProperty({ example: 'Jens Westlund' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'handläggare' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: 'jens.westlund@stockholm.se' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: '08-50821150' })
  @IsOptional()
  @Matches(PHONE)
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ minLength: 12, description: 'Utelämna för en person som inte ska kunna logga in än.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'För stadens administratörer: organisationen personen anställs i.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(PHONE)
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class GrantRoleDto {
  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsIn(Object.values(Role))
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Organisationen rollen gäller i; din egen om den utelämnas.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
