import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'jens.westlund@stockholm.se' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'remiss-demo-2025' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ description: 'Organisationen du loggar in för, när du har roller i flera.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class SwitchOrganisationDto {
  @ApiProperty({ description: 'En av organisationerna i organisations (GET /auth/me).', format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}
