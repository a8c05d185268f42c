import { DomainError, ErrorKind, NotFoundError } from '@app/platform';

export const registryErrors = {
  cursorInvalid: () =>
    new DomainError(
      'registry.cursor_invalid',
      ErrorKind.Invalid,
      'cursor: sidmarkören är inte en från den här listan med samma sortering. Börja om från första sidan.',
      { field: 'cursor' },
    ),
  cursorWithOffset: () =>
    new DomainError(
      'registry.cursor_with_offset',
      ErrorKind.Invalid,
      'offset: ange antingen en sidmarkör (cursor) eller offset, inte båda.',
      { field: 'offset' },
    ),
  caseNotFound: () => new NotFoundError('registry.case_not_found', 'Ärendet finns inte i din organisations diarium.'),
  documentNotFound: () =>
    new NotFoundError('registry.document_not_found', 'Handlingen finns inte i din organisations diarium.'),
  noSeries: () =>
    new DomainError(
      'registry.no_diary_series',
      ErrorKind.Unprocessable,
      'Organisationen har ingen diarieserie (diarieprefix). En administratör behöver ange ett först.',
    ),
  yearInvalid: (year: number) =>
    new DomainError(
      'registry.year_invalid',
      ErrorKind.Unprocessable,
      `Året ${year} går inte att använda för en diarieserie: ange ett år mellan 1900 och 2999.`,
    ),
  formatInvalid: (template: string, reason: string) =>
    new DomainError(
      'registry.diary_format_invalid',
      ErrorKind.Unprocessable,
      `Diarienummerformatet ”${template}” går inte att använda: ${reason}.`,
      { field: 'template' },
    ),
  classificationRequired: (template: string) =>
    new DomainError(
      'registry.classification_required',
      ErrorKind.Unprocessable,
      `classificationCode: diarienumren skrivs ${template} och tar klassificeringen ur dokumenthanteringsplanen. Ange den.`,
      { field: 'classificationCode' },
    ),
  classificationUnfit: (code: string, template: string) =>
    new DomainError(
      'registry.classification_unfit',
      ErrorKind.Unprocessable,
      `classificationCode: ”${code}” kan inte skrivas i diarienummer på formen ${template}; där består klassificeringen av bokstäver och siffror med punkt emellan.`,
      { field: 'classificationCode' },
    ),
  formatFixed: (year: number) =>
    new DomainError(
      'registry.diary_format_fixed',
      ErrorKind.Conflict,
      `Serien för ${year} har redan nummer i sitt format; ett nytt format kan inte gälla mitt i året.`,
    ),
  seriesBackwards: (next: number, minimum: number) =>
    new DomainError(
      'registry.series_start_too_low',
      ErrorKind.Conflict,
      `Serien kan inte börja på ${next}: nummer upp till ${minimum - 1} är redan använda eller reserverade. Ange ${minimum} eller högre.`,
      { minimumNextNumber: minimum },
    ),
  caseClosed: (diaryNumber: string) =>
    new DomainError(
      'registry.case_closed',
      ErrorKind.Conflict,
      `Ärendet ${diaryNumber} är avslutat och tar inte emot nya handlingar. Öppna det igen först.`,
    ),
  caseAlreadyInState: (diaryNumber: string, status: string) =>
    new DomainError(
      'registry.case_state',
      ErrorKind.Conflict,
      `Ärendet ${diaryNumber} är redan ${status === 'open' ? 'öppet' : 'avslutat'}.`,
    ),
  classificationUnknown: (code: string) =>
    new DomainError(
      'registry.classification_unknown',
      ErrorKind.Unprocessable,
      `Klassificeringen ${code} finns inte i organisationens dokumenthanteringsplan.`,
    ),
  recordsPlanEntryNotFound: () =>
    new NotFoundError(
      'registry.records_plan_entry_not_found',
      'Klassificeringen finns inte i din organisations dokumenthanteringsplan.',
    ),
  classificationTaken: (code: string) =>
    new DomainError(
      'registry.classification_taken',
      ErrorKind.Conflict,
      `Klassificeringen ${code} finns redan i dokumenthanteringsplanen.`,
    ),
  departmentNotFound: () =>
    new DomainError(
      'registry.department_not_found',
      ErrorKind.Unprocessable,
      'Avdelningen finns inte i din organisation.',
    ),
  notCaseWriter: (diaryNumber: string) =>
    new DomainError(
      'registry.not_case_writer',
      ErrorKind.Forbidden,
      `Du kan läsa ${diaryNumber} men inte skriva i det: det gör ärendets ansvariga handläggare och de medarbetare registratorn har lagt till i ärendet.`,
    ),
  coWorkerNotFound: () => new NotFoundError('registry.co_worker_not_found', 'Personen är inte medarbetare i ärendet.'),
  personNotFound: () =>
    new DomainError(
      'registry.person_not_found',
      ErrorKind.Unprocessable,
      'Personen finns inte i din organisation eller är inaktiverad.',
    ),
  alreadyAnnulled: (number: string) =>
    new DomainError('registry.document_annulled', ErrorKind.Conflict, `Handlingen ${number} är redan makulerad.`),
  secrecyUnchanged: (number: string, secret: boolean) =>
    new DomainError(
      'registry.secrecy_unchanged',
      ErrorKind.Conflict,
      secret ? `Handlingen ${number} är redan sekretessmarkerad.` : `Handlingen ${number} är inte sekretessmarkerad.`,
    ),
  fileWithheld: () =>
    new DomainError(
      'registry.file_withheld',
      ErrorKind.Forbidden,
      'Handlingen är sekretessmarkerad och filen lämnas inte ut till dig. Vänd dig till registrator.',
    ),
  noFile: (number: string) => new NotFoundError('registry.no_file', `Handlingen ${number} har ingen fil.`),
  fileTooLarge: (maxBytes: number) =>
    new DomainError(
      'registry.file_too_large',
      ErrorKind.PayloadTooLarge,
      `Filen är för stor. Största tillåtna storlek är ${Math.floor(maxBytes / (1024 * 1024))} MB.`,
    ),
  fileTypeNotAllowed: (name: string) =>
    new DomainError(
      'registry.file_type_not_allowed',
      ErrorKind.UnsupportedMediaType,
      `Filen ${name} har en filtyp som inte tas emot. Tillåtna är PDF, DOCX, ODT, XLSX, TXT, PNG och JPEG.`,
    ),
  fileTypeMismatch: (name: string, declared: string) =>
    new DomainError(
      'registry.file_type_mismatch',
      ErrorKind.UnsupportedMediaType,
      `Innehållet i ${name} stämmer inte med den angivna filtypen (${declared}). Kontrollera filen och försök igen.`,
    ),
  fileEmpty: () => new DomainError('registry.file_empty', ErrorKind.Unprocessable, 'Filen är tom.'),
};
