/**
 * The reference case: Hägersten-Älvsjö's tjänsteutlåtande on Stockholm's action plan for Roma
 * inclusion (test/fixtures/tjansteutlatande-HA-2025-578.txt), as the structured parts the system
 * holds. Word for word, typos included ("romska", "ska arbete"); only words split by a
 * line-break hyphen in the PDF extraction are joined ("verksamhetsområden"). Paragraph breaks
 * follow the original. Text fields use the statement markup (blank line = new paragraph,
 * `• ` = bullet).
 */
export const REFERENCE_CASE = {
  sender: {
    organisation: 'Kommunstyrelsen',
    remissTitle: 'Handlingsplan för romsk inkludering',
    /** The three focus areas the remiss asks the recipients to comment on, each with its goals. */
    sections: [
      {
        title: 'Kunskap och information',
        description:
          'Stadens medarbetare bemöter romer respektfullt och anpassat efter individens behov, och staden når ut med information till romer om deras rättigheter och stadens utbud av välfärd.',
      },
      {
        title: 'Välfärd och service',
        description:
          'Romer har lika tillgång till stadens välfärd och service, med särskild prioritet för jämställdhet och barns rättigheter.',
      },
      {
        title: 'Delaktighet och inflytande',
        description:
          'Romer är delaktiga och har inflytande i frågor som rör dem, och de offentliga miljöerna är trygga för romer.',
      },
    ],
  },
  recipient: {
    board: 'Hägersten-Älvsjö stadsdelsnämnd',
    administration: 'Hägersten-Älvsjö stadsdelsförvaltning',
    department: 'Avdelningen för ekonomi och upphandling',
    diaryPrefix: 'HÄ',
    diaryYear: 2025,
    diarySequence: 578,
    diaryNumber: 'HÄ 2025/578',
    documentDate: '2025-09-25',
    meetingDate: '2025-10-23',
    streetAddress: 'Kungsklippan 6',
    postalCode: '112 25',
    postalTown: 'Stockholm',
    footerEmail: 'daniel.lauridsen@stockholm.se',
    website: 'start.stockholm',
  },
  officer: { name: 'Jens Westlund', title: 'handläggare', phone: '08-50821150', email: 'jens.westlund@stockholm.se' },
  headOfDepartment: { name: 'Alexander Baena', title: 'avdelningschef', email: 'alexander.baena@stockholm.se' },
  director: { name: 'Lee Orberson', title: 'stadsdelsdirektör', email: 'lee.orberson@stockholm.se' },
  statement: {
    title: 'Handlingsplan för romsk inkludering',
    heading: 'Yttrande till kommunstyrelsen',
    proposedDecision: [
      'Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.',
    ],
    summary: [
      'Utifrån Stockholm stads program för de mänskliga rättigheterna har staden tagit fram en handlingsplan för romsk inkludering. Handlingsplanen sträcker sig till år 2030 och är ett styrdokument som ska säkra romers lika tillgång till de mänskliga rättigheterna. Syftet är att stärka och utveckla romernas inkludering med utgångspunkt ur tre identifierade fokusområdena Kunskap och information, Välfärd och service samt delaktighet och inflytande: Att stadens medarbetare bemöter romer respektfullt och anpassat efter individens behov, staden når information till romer om deras rättigheter och stadens utbud av välfärd samt trygga offentliga miljöer för romer. Handlingsplanens mål är att staden ska säkra romers rättigheter genom att motverka antiziganism och främja romsk inkludering.',
      'Förvaltningen välkomnar att staden stärker arbetet att säkra romers rättigheter i en handlingsplan och att handlingsplanen därtill pekar ut en tydlig riktning i de fokusområden som ska stärka arbetet.',
    ].join('\n\n'),
    background:
      'Kommunstyrelsen har tagit fram en handlingsplan för romsk inkludering utifrån Stockholm stads program för de mänskliga rättigheterna, som antogs av kommunfullmäktige den 16 december 2024, och den stadsövergripande strategin för romsk inkludering som antogs 2018. Handlingsplanen gäller för samtliga nämnder och bolagsstyrelser. Handlingsplanen har nu skickats på remiss.',
    matter: [
      'Fokus för denna handlingsplan är framför allt arbete mot diskriminering av romer och insatser för de romer som befinner sig i ett socialt och ekonomiskt utanförskap. Arbete som främjar jämställdhet och barns rättigheter ska särskilt prioriteras.',
      'Handlingsplanen utgår från MR-programmets tre fokusområden. Dessa utgör tillsammans grundläggande förutsättningar för att staden ska kunna bidra till jämlika levnadsvillkor för alla stockholmare och säkerställa att de mänskliga rättigheterna efterlevs i stadens verksamheter. De tre fokusområdena är:\n• Kunskap och information\n• Välfärd och service\n• Delaktighet och inflytande',
      'Till varje fokusområde hör ett antal mål uppdelade i effektmål och resultatmål. Effektmålen beskriver den övergripande och långsiktiga förändring som eftersträvas. Resultatmålen är den direkta förändring som ska genomföras i stadens verksamheter.',
      'Målen avser att skapa en tydlig styrning och samtidigt en flexibilitet för nämnder och bolagsstyrelser att utifrån sina verksamhetsområden själva ta fram aktiviteter för att uppnå målen. En och samma aktivitet kan bidra till uppfyllelsen av flera mål. Under målen finns även exempel på åtgärder och vägledning i arbetet med målen. Dessa exempel ska dock inte förstås som en uttömmande sammanställning av möjliga åtgärder som nämnder och bolagsstyrelser kan vidta för att nå målen.',
      'Arbetet med att uppnå målet med programmet och handlingsplanerna är nära kopplat till stadens demokratiarbete och arbetet med att uppnå FN:s globala hållbarhetsmål i Agenda 2030 med fokus på principen Lämna ingen utanför.',
    ].join('\n\n'),
    preparation: {
      text: 'Ärendet har beretts av avdelningen för ekonomi och upphandling i samråd med avdelningen för funktionsnedsättning och socialpsykiatri, avdelningen för individ- och familjeomsorg samt avdelningarna för äldreomsorg och förskola. De fackliga organisationerna informeras i förvaltningsgruppen 14 oktober 2025.',
      consultedDepartments: [
        'Avdelningen för funktionsnedsättning och socialpsykiatri',
        'Avdelningen för individ- och familjeomsorg',
        'Avdelningen för äldreomsorg',
        'Avdelningen för förskola',
      ],
      unionsInformedOn: '2025-10-14',
      unionForum: 'förvaltningsgruppen',
    },
    views: [
      'Förvaltningen välkomnar att staden tagit fram en handlingsplan för romsk inkludering och att planen ger en tydlig riktning hur stadens nämnder och bolag ska arbete för att informera romer om deras rättigheter och inkludera romer i samhällsgemenskapen.',
      'Förvaltningen ser positivt på att stadsledningskontoret avser att leda, samordna och följa upp det gemensamma uppdraget, enligt förvaltningen är det en förutsättning för att nämnderna och bolagen ska kunna utveckla sitt arbete.',
    ].join('\n\n'),
    attachments: ['Remissunderlag Handlingsplan för romska inkludering 2030'],
  },
  /** The signature block as printed: the last approver first. */
  signatories: [
    { name: 'Lee Orberson', title: 'stadsdelsdirektör', organisation: 'Hägersten-Älvsjö stadsdelsförvaltning' },
    { name: 'Alexander Baena', title: 'avdelningschef', organisation: 'Hägersten-Älvsjö stadsdelsförvaltning' },
  ],
  decision: {
    meetingDate: '2025-10-23',
    text: 'Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.',
  },
} as const;

/** The body sentences of the fixture in reading order, for checking extracted PDF text. */
export function referenceBodyParts(): string[] {
  const s = REFERENCE_CASE.statement;
  return [
    s.title,
    s.heading,
    ...s.proposedDecision,
    s.summary,
    s.background,
    s.matter,
    s.preparation.text,
    s.views,
    ...REFERENCE_CASE.signatories.flatMap((p) => [p.name, p.title]),
    ...s.attachments,
  ];
}
