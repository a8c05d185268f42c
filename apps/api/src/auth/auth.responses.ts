import { Role } from '@app/platform';
import { ApiProperty } from '@nestjs/swagger';

import { NamedReferenceResponse } from '../docs/common.responses.js';
import { Describes } from '../docs/describes.js';
import type { IssuedToken } from './token.service.js';

export class SignedInPersonResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ example: 'Jens Westlund' })
  readonly name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'handläggare' })
  readonly title!: string | null;

  @ApiProperty({ example: 'jens.westlund@stockholm.se' })
  readonly email!: string;
}

/** Who a token belongs to: the person, the organisation they act for and the roles they hold there. */
export class WhoAmIResponse {
  @ApiProperty({ type: SignedInPersonResponse, nullable: true })
  readonly person!: SignedInPersonResponse | null;

  @ApiProperty({ type: NamedReferenceResponse, nullable: true })
  readonly organisation!: NamedReferenceResponse | null;

  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true })
  readonly roles!: readonly Role[];
}

@Describes<IssuedToken & WhoAmIResponse>()
export class LoginResponse extends WhoAmIResponse {
  @ApiProperty({ description: 'Skicka som Authorization: Bearer ….' })
  readonly accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  readonly tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Sekunder tills token går ut.', example: 28800 })
  readonly expiresIn!: number;
}
