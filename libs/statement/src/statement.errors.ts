import { DomainError, ErrorKind, NotFoundError } from '@app/platform';

export const statementErrors = {
  notFound: () => new NotFoundError('statement.not_found', 'Tjänsteutlåtandet finns inte i din organisation.'),
  revisionNotFound: (n: number) => new NotFoundError('statement.revision_not_found', `Version ${n} finns inte.`),
  caseNotARemiss: () =>
    new DomainError(
      'statement.case_not_a_remiss',
      ErrorKind.Unprocessable,
      'Ärendet är inte en remiss till din organisation.',
    ),
  alreadyExists: () =>
    new DomainError(
      'statement.already_exists',
      ErrorKind.Conflict,
      'Ärendet har redan ett tjänsteutlåtande. Fortsätt på det.',
    ),
  notRegistered: () =>
    new DomainError('statement.not_registered', ErrorKind.Conflict, 'Remissen är inte registrerad i ert diarium än.'),
  stale: (current: number) =>
    new DomainError(
      'statement.stale_revision',
      ErrorKind.Conflict,
      `Någon har sparat en nyare version (${current}) sedan du började. Hämta den och gör dina ändringar där.`,
      { currentRevision: current },
    ),
  frozen: (status: string) =>
    new DomainError('statement.frozen', ErrorKind.Conflict, `Tjänsteutlåtandet är ${status} och kan inte ändras.`),
  notDrafting: () =>
    new DomainError(
      'statement.not_drafting',
      ErrorKind.Conflict,
      'Tjänsteutlåtandet är redan skickat för godkännande eller låst.',
    ),
  notInApproval: () =>
    new DomainError('statement.not_in_approval', ErrorKind.Conflict, 'Tjänsteutlåtandet väntar inte på godkännande.'),
  revisionChanged: (submitted: number, asked: number) =>
    new DomainError(
      'statement.revision_changed',
      ErrorKind.Conflict,
      `Version ${asked} är inte den som väntar på godkännande (version ${submitted}). Läs den aktuella versionen först.`,
      { revisionInApproval: submitted },
    ),
  selfApproval: () =>
    new DomainError(
      'statement.self_approval',
      ErrorKind.Forbidden,
      'Du har själv sparat en version av texten sedan den senast skickades för godkännande och kan inte godkänna den.',
    ),
  stepOutOfOrder: (waiting: number) =>
    new DomainError(
      'statement.step_out_of_order',
      ErrorKind.Conflict,
      `Godkännandet tas i tur och ordning: steg ${waiting} väntar fortfarande.`,
      { waitingStep: waiting },
    ),
  notYourStep: () =>
    new DomainError(
      'statement.not_your_step',
      ErrorKind.Forbidden,
      'Du har inte den roll som krävs för nästa godkännandesteg.',
    ),
  alreadyApproved: (revision: number) =>
    new DomainError(
      'statement.revision_already_approved',
      ErrorKind.Conflict,
      `Version ${revision} har redan godkänts och återremitterats av nämnden. Spara en ny version innan den skickas för godkännande igen.`,
    ),
  twoSteps: () =>
    new DomainError(
      'statement.two_steps',
      ErrorKind.Forbidden,
      'Du har redan godkänt ett steg av den här versionen och kan inte godkänna ett till.',
    ),
  stepTaken: (step: number, by: string | null) =>
    new DomainError(
      'statement.step_taken',
      ErrorKind.Conflict,
      `Steg ${step} är redan godkänt${by ? ` av ${by}` : ''}. Hämta läget igen.`,
      { takenStep: step },
    ),
  notApproved: () =>
    new DomainError(
      'statement.not_approved',
      ErrorKind.Conflict,
      'Beslut kan bara registreras på ett tjänsteutlåtande som är godkänt i alla steg.',
    ),
  alreadyDecided: (paragraph: string, meetingDate: string) =>
    new DomainError(
      'statement.already_decided',
      ErrorKind.Conflict,
      `Nämnden har redan fattat beslut om tjänsteutlåtandet (${paragraph}, sammanträde ${meetingDate}). Ett beslut registreras en gång.`,
      { paragraph, meetingDate },
    ),
  notMovable: () =>
    new DomainError(
      'statement.not_movable',
      ErrorKind.Conflict,
      'Bara ett godkänt tjänsteutlåtande som väntar på nämndens beslut kan flyttas till ett annat sammanträde. Ett utkast byter sammanträde när handläggaren sparar en ny version.',
    ),
  meetingRequired: () =>
    new DomainError(
      'statement.meeting_required',
      ErrorKind.Unprocessable,
      'Tjänsteutlåtandet saknar sammanträde (meetingId). Välj det sammanträde i nämndens sammanträdesplan som det ska till och spara innan det skickas för godkännande.',
      { field: 'meetingId' },
    ),
  meetingCancelled: (meetingDate: string) =>
    new DomainError(
      'statement.meeting_cancelled',
      ErrorKind.Conflict,
      `Sammanträdet ${meetingDate} är inställt. Ett godkänt tjänsteutlåtande flyttas till ett annat sammanträde (POST /statements/:id/meeting); ett utkast sparas med ett annat sammanträde.`,
      { meetingDate },
    ),
  meetingPassed: (meetingDate: string, today: string) =>
    new DomainError(
      'statement.meeting_passed',
      ErrorKind.Unprocessable,
      `meetingId: sammanträdet ${meetingDate} har redan varit (i dag är det ${today}). Välj ett kommande sammanträde.`,
      { field: 'meetingId', meetingDate, today },
    ),
  meetingNotHeld: (meetingDate: string, today: string) =>
    new DomainError(
      'statement.meeting_not_held',
      ErrorKind.Unprocessable,
      `meetingId: sammanträdet ${meetingDate} har inte hållits än (i dag är det ${today}). Nämndens beslut registreras efter sammanträdet.`,
      { field: 'meetingId', meetingDate, today },
    ),
  meetingBeforeApproval: (meetingDate: string, approvedOn: string) =>
    new DomainError(
      'statement.meeting_before_approval',
      ErrorKind.Unprocessable,
      `meetingId: sammanträdet ${meetingDate} hölls innan tjänsteutlåtandet godkändes (${approvedOn}). Nämnden kan bara ha beslutat om det vid ett senare sammanträde.`,
      { field: 'meetingId', meetingDate, approvedOn },
    ),
  meetingMismatch: (scheduled: string | null, given: string) =>
    new DomainError(
      'statement.meeting_mismatch',
      ErrorKind.Conflict,
      scheduled
        ? `Tjänsteutlåtandet är ställt till sammanträdet ${scheduled}, inte ${given}. Flytta det först (POST /statements/:id/meeting) om nämnden tog upp det ${given}.`
        : `Tjänsteutlåtandet är inte ställt till något sammanträde. Ställ det till sammanträdet ${given} först (POST /statements/:id/meeting).`,
      { scheduledMeetingDate: scheduled, meetingDate: given },
    ),
  meetingUnchanged: (meetingDate: string) =>
    new DomainError(
      'statement.meeting_unchanged',
      ErrorKind.Conflict,
      `Tjänsteutlåtandet är redan ställt till sammanträdet ${meetingDate}.`,
    ),
  paragraphInvalid: (given: string) =>
    new DomainError(
      'statement.paragraph_invalid',
      ErrorKind.Invalid,
      `paragraph ”${given}” är inget paragrafnummer. Ange numret, till exempel 12 eller § 12.`,
      { field: 'paragraph' },
    ),
  paragraphTaken: (paragraph: string, meetingDate: string) =>
    new DomainError(
      'statement.paragraph_taken',
      ErrorKind.Conflict,
      `${paragraph} finns redan i protokollet från sammanträdet ${meetingDate}. Varje paragraf har ett eget nummer.`,
      { field: 'paragraph', paragraph, meetingDate },
    ),
  confirmationDateInvalid: (field: string, date: string, earliest: string, latest: string | null) =>
    new DomainError(
      'statement.confirmation_date_invalid',
      ErrorKind.Unprocessable,
      latest
        ? `${field} ${date} ska ligga mellan sammanträdet ${earliest} och i dag ${latest}: ett protokoll justeras efter sammanträdet och inte i förväg.`
        : `${field} ${date} ligger före sammanträdet ${earliest}: protokollet justeras samma dag som sammanträdet eller senare.`,
      { field, earliest, latest },
    ),
  agendaDeadlineAfterMeeting: (agendaDeadline: string, meetingDate: string) =>
    new DomainError(
      'statement.agenda_deadline_after_meeting',
      ErrorKind.Unprocessable,
      `agendaDeadline ${agendaDeadline} ligger efter meetingDate ${meetingDate}: sista dagen för föredragningslistan kan inte vara efter sammanträdet.`,
      { field: 'agendaDeadline' },
    ),
  amendedTextRequired: () =>
    new DomainError(
      'statement.amended_text_required',
      ErrorKind.Unprocessable,
      'Ett beslut med ändringar (adopted_with_amendments) behöver beslutet så som nämnden antog det (amendedText).',
      { field: 'amendedText' },
    ),
  reportNotSignedYet: () =>
    new DomainError(
      'statement.report_not_signed',
      ErrorKind.Conflict,
      'Tjänsteutlåtandet signeras fortfarande. Försök igen om en stund.',
    ),
  decisionNotFound: () => new NotFoundError('statement.decision_not_found', 'Beslutet finns inte.'),
  alreadyConfirmed: () =>
    new DomainError('statement.already_confirmed', ErrorKind.Conflict, 'Protokollet är redan justerat.'),
  sectionUnknown: (id: string) =>
    new DomainError('statement.section_unknown', ErrorKind.Unprocessable, `Remissen har ingen del med id ${id}.`, {
      sectionId: id,
    }),
  meetingUnknown: () =>
    new DomainError(
      'statement.meeting_unknown',
      ErrorKind.Unprocessable,
      'meetingId: sammanträdet finns inte i nämndens sammanträdesplan.',
      { field: 'meetingId' },
    ),
  officerUnknown: () =>
    new DomainError('statement.officer_unknown', ErrorKind.Unprocessable, 'Handläggaren finns inte i organisationen.'),
  departmentUnknown: () =>
    new DomainError(
      'statement.department_unknown',
      ErrorKind.Unprocessable,
      'Avdelningen finns inte i organisationen.',
    ),
  attachmentUnknown: () =>
    new DomainError(
      'statement.attachment_unknown',
      ErrorKind.Unprocessable,
      'Bilagan hänvisar till en handling som inte finns i ärendet.',
    ),
  meetingExists: (date: string) =>
    new DomainError('statement.meeting_exists', ErrorKind.Conflict, `Nämnden har redan ett sammanträde ${date}.`),
  preparationNotFound: () => new NotFoundError('statement.preparation_not_found', 'Beredningsfrågan finns inte.'),
  preparationAnswered: () =>
    new DomainError('statement.preparation_answered', ErrorKind.Conflict, 'Beredningsfrågan är redan besvarad.'),
  notInDepartment: () =>
    new DomainError(
      'statement.not_in_department',
      ErrorKind.Forbidden,
      'Frågan är ställd till en annan avdelning än din.',
    ),
  substituteNotFound: () =>
    new NotFoundError('statement.substitute_not_found', 'Det finns ingen sådan aktiv ersättare för dig.'),
  meetingNotFound: () =>
    new NotFoundError('statement.meeting_not_found', 'Sammanträdet finns inte i din nämnds sammanträdesplan.'),
  substitutedPersonNotFound: () =>
    new NotFoundError('statement.substituted_person_not_found', 'Personen finns inte i din organisation.'),
  substituteForOthersForbidden: () =>
    new DomainError(
      'statement.substitute_for_others_forbidden',
      ErrorKind.Forbidden,
      'Bara organisationens administratör kan utse ersättare åt någon annan.',
    ),
  substituteInvalid: (detail: string) =>
    new DomainError('statement.substitute_invalid', ErrorKind.Unprocessable, detail),
  chainInvalid: (detail: string) => new DomainError('statement.chain_invalid', ErrorKind.Unprocessable, detail),
  documentDateImplausible: (date: string, registeredOn: string, latest: string) =>
    new DomainError(
      'statement.document_date_implausible',
      ErrorKind.Unprocessable,
      `Datumet ${date} ligger utanför det tillåtna: tidigast ${registeredOn} (då ärendet registrerades) och senast ${latest} (90 dagar fram).`,
      { field: 'documentDate', earliest: registeredOn, latest },
    ),
  dateInvalid: (field: string) =>
    new DomainError('statement.date_invalid', ErrorKind.Invalid, `${field} måste vara ett datum (ÅÅÅÅ-MM-DD).`),
};
