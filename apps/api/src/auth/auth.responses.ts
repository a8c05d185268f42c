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

/**
 * Who a token or session belongs to: the person, the organisation they act for and the roles
 * they hold there, the organisations they may switch to, and when the login ends.
 */
export class WhoAmIResponse {
  @ApiProperty({ type: SignedInPersonResponse, nullable: true })
  readonly person!: SignedInPersonResponse | null;

  @ApiProperty({ type: NamedReferenceResponse, nullable: true })
  readonly organisation!: NamedReferenceResponse | null;

  @ApiProperty({ enum: Role, enumName: 'Role', isArray: true })
  readonly roles!: readonly Role[];

  @ApiProperty({
    type: [NamedReferenceResponse],
    description: 'Organisationerna personen kan agera för (den aktuella också), i namnordning.',
  })
  readonly organisations!: readonly NamedReferenceResponse[];

  @ApiProperty({ format: 'date-time', description: 'När inloggningen går ut.' })
  readonly expiresAt!: string;
}

/** A browser session just started: who is logged in, and the CSRF token (also in the remiss_csrf cookie). */
export class SessionResponse extends WhoAmIResponse {
  @ApiProperty({ description: 'Skicka med som X-CSRF-Token i POST, PUT, PATCH och DELETE under sessionen.' })
  readonly csrfToken!: string;
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
