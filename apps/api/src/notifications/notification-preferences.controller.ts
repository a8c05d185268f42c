import { MAIL_DELIVERIES, type MailDelivery, NOTIFICATION_KINDS, StaffMailService } from '@app/notification';
import { type Actor, requirePerson } from '@app/platform';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';

import { Authenticated } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';

const KINDS = Object.keys(NOTIFICATION_KINDS);

export class NotificationPreferenceDto {
  @ApiProperty({ enum: KINDS, description: 'Slaget av notis.' })
  @IsIn(KINDS, { message: 'är inte ett slags notis' })
  kind!: string;

  @ApiProperty({
    enum: MAIL_DELIVERIES,
    description: 'immediate: e-post genast; digest: i sammanfattningen kl. 07.00; off: ingen e-post.',
  })
  @IsIn(MAIL_DELIVERIES, { message: 'måste vara immediate, digest eller off' })
  delivery!: MailDelivery;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceDto], description: 'De slag du vill ändra; övriga lämnas som de är.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceDto)
  preferences!: NotificationPreferenceDto[];
}

export class NotificationPreferenceResponse {
  @ApiProperty({ enum: KINDS })
  readonly kind!: string;

  @ApiProperty({ description: 'Slaget av notis, på svenska.' })
  readonly label!: string;

  @ApiProperty({ enum: MAIL_DELIVERIES })
  readonly delivery!: MailDelivery;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ type: [NotificationPreferenceResponse] })
  readonly preferences!: readonly NotificationPreferenceResponse[];
}

/** How you hear of each kind of notification by e-mail: at once, in the morning's digest, or not at all. */
@ApiTags('notiser')
@Controller({ path: 'me/notification-preferences' })
export class NotificationPreferencesController {
  constructor(private readonly staffMail: StaffMailService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'Dina val per slag av notis.' })
  async get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResponse> {
    return { preferences: await this.staffMail.preferences(personOf(actor)) };
  }

  @Put()
  @Authenticated()
  @ApiOkResponse({ type: NotificationPreferencesResponse, description: 'Dina val efter ändringen.' })
  @ApiProblems(400)
  async put(
    @CurrentActor() actor: Actor,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return { preferences: await this.staffMail.setPreferences(personOf(actor), body.preferences) };
  }
}

function personOf(actor: Actor): string {
  requirePerson(actor);
  return actor.personId;
}
