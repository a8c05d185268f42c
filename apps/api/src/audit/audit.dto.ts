import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class AuditRecordsQuery {
  @ApiProperty({ example: 'case' })
  @Matches(/^[a-z_]{1,64}$/)
  entityType!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  entityId!: string;
}
