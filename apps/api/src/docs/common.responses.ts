import { ApiProperty } from '@nestjs/swagger';

/** A person, department or body named where something refers to it. */
export class NamedReferenceResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'Jens Westlund' })
  readonly name!: string;
}

/** What a notification or a work item points at: a kind of record and its id. */
export class RecordLinkResponse {
  @ApiProperty({
    description: 'Vilket slags post, t.ex. statement, consultation_recipient, case.',
    example: 'statement',
  })
  readonly type!: string;

  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
}
