import { DomainError, ErrorKind, NotFoundError } from '@app/platform';

export const consultationErrors = {
  deciderUnknown: () =>
    new DomainError(
      'consultation.decider_unknown',
      ErrorKind.Unprocessable,
      'decidedBy: personen som beslutade finns inte (aktiv) i remissinstansens organisation.',
      { field: 'decidedBy' },
    ),
  notFound: () =>
    new NotFoundError(
      'consultation.not_found',
      'Remissen finns inte, eller så är din organisation varken avsändare eller remissinstans.',
    ),
  recipientNotFound: () =>
    new NotFoundError(
      'consultation.recipient_not_found',
      'Remissinstansen finns inte, eller så hör den inte till din organisation.',
    ),
  documentDuplicate: (fileName: string, existingTitle: string) =>
    new DomainError(
      'consultation.document_duplicate',
      ErrorKind.Conflict,
      `Filen ”${fileName}” finns redan i remissunderlaget (som ”${existingTitle}”). Samma fil bifogas en gång.`,
      { field: 'file', existingTitle },
    ),
  documentNotFound: () => new NotFoundError('consultation.document_not_found', 'Remissunderlaget finns inte.'),
  documentWithheld: () =>
    new DomainError(
      'consultation.document_withheld',
      ErrorKind.Forbidden,
      'Avsändaren har sekretessmarkerat remissunderlaget och filen lämnas inte ut här. Vänd dig till avsändarens registrator.',
    ),
  extensionNotFound: () =>
    new NotFoundError('consultation.extension_request_not_found', 'Begäran om anstånd finns inte.'),
  alreadySent: () =>
    new DomainError(
      'consultation.already_sent',
      ErrorKind.Conflict,
      'Remissen är redan skickad och kan inte ändras. Rätta remissunderlaget genom att lägga till en ny version (rättelse).',
    ),
  fromOutside: (action: string) =>
    new DomainError(
      'consultation.from_outside',
      ErrorKind.Conflict,
      `Remissen kom utifrån och registrerades här; den kan inte ${action} i systemet. Kontakta avsändaren.`,
    ),
  notSent: () => new DomainError('consultation.not_sent', ErrorKind.Conflict, 'Remissen är inte skickad än.'),
  deadlinePast: (deadline: string, today: string) =>
    new DomainError(
      'consultation.deadline_past',
      ErrorKind.Unprocessable,
      `Svarsdatumet ${deadline} har redan passerat eller är i dag (${today}). Ange ett senare datum.`,
    ),
  receivedInFuture: (receivedOn: string, today: string) =>
    new DomainError(
      'consultation.received_in_future',
      ErrorKind.Unprocessable,
      `receivedOn: en remiss kan inte ha kommit in ${receivedOn}, efter i dag (${today}).`,
      { field: 'receivedOn' },
    ),
  noRecipients: () =>
    new DomainError(
      'consultation.no_recipients',
      ErrorKind.Unprocessable,
      'Remissen har inga remissinstanser. Välj minst en innan du skickar.',
    ),
  unknownRecipients: (ids: readonly string[]) =>
    new DomainError(
      'consultation.unknown_recipient',
      ErrorKind.Unprocessable,
      `Remissinstansen finns inte i katalogen eller är inte aktiv: ${ids.join(', ')}.`,
      { unknown: ids },
    ),
  recipientsWithoutSeries: (names: readonly string[]) =>
    new DomainError(
      'consultation.recipient_without_series',
      ErrorKind.Unprocessable,
      `Remissinstansen har ingen diarieserie och kan inte registrera remissen: ${names.join(', ')}. ` +
        'Be en administratör lägga upp en serie, eller skicka remissen till den som extern mottagare.',
      { names },
    ),
  duplicateRecipients: (names: readonly string[]) =>
    new DomainError(
      'consultation.duplicate_recipient',
      ErrorKind.Unprocessable,
      `Remissinstansen är vald mer än en gång: ${names.join(', ')}.`,
      {
        duplicates: names,
      },
    ),
  recipientAddressTaken: (address: string) =>
    new DomainError(
      'consultation.recipient_address_taken',
      ErrorKind.Conflict,
      `En annan remissinstans i remissen har redan adressen ${address}.`,
      { errors: [{ field: 'email', problems: ['används redan av en annan remissinstans i remissen'] }] },
    ),
  senderAsRecipient: () =>
    new DomainError(
      'consultation.sender_as_recipient',
      ErrorKind.Unprocessable,
      'Avsändaren kan inte vara remissinstans till sin egen remiss.',
    ),
  duplicateSection: (title: string) =>
    new DomainError(
      'consultation.duplicate_section',
      ErrorKind.Unprocessable,
      `Två delar av remissen heter ”${title}”. Ge dem olika rubriker.`,
    ),
  caseClosed: (diaryNumber: string) =>
    new DomainError(
      'consultation.case_closed',
      ErrorKind.Conflict,
      `Ärendet ${diaryNumber} är avslutat. Öppna det eller välj ett annat ärende.`,
    ),
  stateForbids: (state: string, action: string) =>
    new DomainError(
      'consultation.state_forbids',
      ErrorKind.Conflict,
      `Remissinstansen har status ”${state}” och kan inte ${action}.`,
    ),
  notRegisteredYet: () =>
    new DomainError(
      'consultation.not_registered_yet',
      ErrorKind.Conflict,
      'Remissen är inte registrerad hos remissinstansen än. Försök igen om en stund.',
    ),
  extensionNotLater: (requested: string, current: string) =>
    new DomainError(
      'consultation.extension_not_later',
      ErrorKind.Unprocessable,
      `Anstånd till ${requested} är inte senare än nuvarande svarsdatum ${current}.`,
    ),
  extensionPending: () =>
    new DomainError(
      'consultation.extension_pending',
      ErrorKind.Conflict,
      'Det finns redan en obesvarad begäran om anstånd.',
    ),
  extensionDecided: () =>
    new DomainError('consultation.extension_decided', ErrorKind.Conflict, 'Begäran om anstånd är redan besvarad.'),
  notExternal: () =>
    new DomainError(
      'consultation.not_external',
      ErrorKind.Conflict,
      'Remissinstansen finns i katalogen och svarar genom sitt eget diarium, inte genom att avsändaren registrerar svaret.',
    ),
  sectionAnsweredTwice: (sectionId: string) =>
    new DomainError(
      'consultation.section_answered_twice',
      ErrorKind.Unprocessable,
      `Svaret tar ställning till remissens del ${sectionId} två gånger; ange varje del en gång.`,
    ),
  sectionUnknown: (sectionId: string) =>
    new DomainError(
      'consultation.section_unknown',
      ErrorKind.Unprocessable,
      `Remissen har ingen del med id ${sectionId}.`,
    ),
};
