import { Role } from '@app/platform';

import { OrganisationKind } from '../organisation/organisation-kind.js';

/** The password of every demo account the seed creates. For demonstration only. */
export const DEMO_PASSWORD = 'remiss-demo-2025';

export interface SeedPerson {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone?: string;
  readonly department?: string;
  readonly roles: readonly Role[];
}

export interface SeedDepartment {
  readonly name: string;
  readonly contactEmail?: string;
}

export interface SeedOrganisation {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly administrationName: string | null;
  readonly diaryPrefix: string | null;
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly postalTown: string;
  readonly registryEmail: string;
  readonly website: string;
  /** Name of the parent organisation; the city has none. */
  readonly parent: string | null;
  readonly departments: readonly SeedDepartment[];
  readonly people: readonly SeedPerson[];
}

export const CITY = 'Stockholms stad';
export const EXECUTIVE_BOARD = 'Kommunstyrelsen';
export const REFERENCE_BOARD = 'Hägersten-Älvsjö stadsdelsnämnd';
const WEB = 'start.stockholm';

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function email(name: string): string {
  return `${ascii(name)}@stockholm.se`;
}

function registry(slug: string): string {
  return `registrator.${ascii(slug).replace(/\./g, '-')}@stockholm.se`;
}

/** Four invented people per organisation so that whole flows can run anywhere. */
function staff(
  names: readonly [string, string, string, string],
  department: string,
  directorTitle: string,
  phonePrefix: string,
): SeedPerson[] {
  const [officer, head, director, registrar] = names;
  return [
    {
      name: officer,
      title: 'handläggare',
      email: email(officer),
      phone: `${phonePrefix}10`,
      department,
      roles: [Role.CaseOfficer],
    },
    {
      name: head,
      title: 'avdelningschef',
      email: email(head),
      phone: `${phonePrefix}20`,
      department,
      roles: [Role.HeadOfDepartment],
    },
    { name: director, title: directorTitle, email: email(director), phone: `${phonePrefix}30`, roles: [Role.Director] },
    {
      name: registrar,
      title: 'registrator',
      email: email(registrar),
      phone: `${phonePrefix}40`,
      roles: [Role.Registrar, Role.Administrator],
    },
  ];
}

interface DistrictSpec {
  readonly area: string;
  /** The area's name as the board's and the administration's names use it (Södermalms stadsdelsnämnd). */
  readonly genitive: string;
  readonly prefix: string;
  readonly street: string;
  readonly postalCode: string;
  readonly town: string;
  readonly people: readonly [string, string, string, string];
}

/** The eleven stadsdelsnämnder since 1 July 2023. Hägersten-Älvsjö is written out in full below. */
const DISTRICTS: readonly DistrictSpec[] = [
  {
    area: 'Järva',
    genitive: 'Järva',
    prefix: 'JÄ',
    street: 'Borgarfjordsgatan 14',
    postalCode: '164 55',
    town: 'Kista',
    people: ['Amira Hassan', 'Johan Lundberg', 'Eva Sandström', 'Nils Ekholm'],
  },
  {
    area: 'Hässelby-Vällingby',
    genitive: 'Hässelby-Vällingby',
    prefix: 'HV',
    street: 'Hässelby torg 16',
    postalCode: '165 55',
    town: 'Hässelby',
    people: ['Lina Åberg', 'Karl Nyström', 'Birgitta Holm', 'Oskar Wallin'],
  },
  {
    area: 'Bromma',
    genitive: 'Bromma',
    prefix: 'BR',
    street: 'Tranebergsplan 1',
    postalCode: '161 02',
    town: 'Bromma',
    people: ['Sofia Bergqvist', 'Magnus Eklund', 'Helena Forsberg', 'Emil Dahl'],
  },
  {
    area: 'Kungsholmen',
    genitive: 'Kungsholmens',
    prefix: 'KU',
    street: 'Lindhagensgatan 74',
    postalCode: '112 18',
    town: 'Stockholm',
    people: ['Hanna Lindgren', 'Peter Sjöberg', 'Maria Engström', 'David Strand'],
  },
  {
    area: 'Norra innerstaden',
    genitive: 'Norra innerstadens',
    prefix: 'NI',
    street: 'Karlbergsvägen 77',
    postalCode: '113 35',
    town: 'Stockholm',
    people: ['Ida Nordqvist', 'Fredrik Hedlund', 'Annika Björk', 'Viktor Öberg'],
  },
  {
    area: 'Södermalm',
    genitive: 'Södermalms',
    prefix: 'SÖ',
    street: 'Medborgarplatsen 3',
    postalCode: '118 26',
    town: 'Stockholm',
    people: ['Elin Sundberg', 'Anders Mattsson', 'Karin Lindström', 'Jonas Blom'],
  },
  {
    area: 'Enskede-Årsta-Vantör',
    genitive: 'Enskede-Årsta-Vantörs',
    prefix: 'EÅV',
    street: 'Tussmötevägen 1',
    postalCode: '122 64',
    town: 'Enskede',
    people: ['Fatima Ali', 'Mikael Holmberg', 'Susanne Lund', 'Erik Håkansson'],
  },
  {
    area: 'Skarpnäck',
    genitive: 'Skarpnäcks',
    prefix: 'SK',
    street: 'Skarpnäcks allé 50',
    postalCode: '128 33',
    town: 'Skarpnäck',
    people: ['Johanna Falk', 'Stefan Ek', 'Ulrika Nyberg', 'Tobias Lindholm'],
  },
  {
    area: 'Farsta',
    genitive: 'Farsta',
    prefix: 'FA',
    street: 'Farsta torg 6',
    postalCode: '123 47',
    town: 'Farsta',
    people: ['Sara Jakobsson', 'Daniel Hermansson', 'Cecilia Wikström', 'Martin Axelsson'],
  },
  {
    area: 'Skärholmen',
    genitive: 'Skärholmens',
    prefix: 'SH',
    street: 'Skärholmsvägen 3',
    postalCode: '127 48',
    town: 'Skärholmen',
    people: ['Nora Karimi', 'Patrik Söderberg', 'Louise Berglund', 'Andreas Lind'],
  },
];

interface BoardSpec {
  readonly name: string;
  readonly administration: string;
  readonly prefix: string;
  readonly street: string;
  readonly postalCode: string;
  readonly department: string;
  readonly people: readonly [string, string, string, string];
}

const SPECIALIST_BOARDS: readonly BoardSpec[] = [
  {
    name: 'Utbildningsnämnden',
    administration: 'Utbildningsförvaltningen',
    prefix: 'UTN',
    street: 'Hantverkargatan 2F',
    postalCode: '104 22',
    department: 'Avdelningen för grundskola',
    people: ['Klara Westerberg', 'Henrik Aronsson', 'Margareta Sjögren', 'Lars Pettersson'],
  },
  {
    name: 'Socialnämnden',
    administration: 'Socialförvaltningen',
    prefix: 'SON',
    street: 'Swedenborgsgatan 20',
    postalCode: '118 27',
    department: 'Avdelningen för stadsövergripande sociala frågor',
    people: ['Rebecka Lundqvist', 'Gustav Ahlberg', 'Ingrid Hallberg', 'Simon Berggren'],
  },
  {
    name: 'Kulturnämnden',
    administration: 'Kulturförvaltningen',
    prefix: 'KUN',
    street: 'Kulturhuset, Sergels torg',
    postalCode: '111 57',
    department: 'Avdelningen för kulturstrategi',
    people: ['Moa Ekström', 'Robert Nordin', 'Åsa Lindblom', 'Filip Sandberg'],
  },
  {
    name: 'Idrottsnämnden',
    administration: 'Idrottsförvaltningen',
    prefix: 'IDN',
    street: 'Östermalms IP, Fiskartorpsvägen 2',
    postalCode: '114 33',
    department: 'Avdelningen för idrottsutveckling',
    people: ['Julia Viklund', 'Thomas Engberg', 'Kristina Månsson', 'Alexander Hammar'],
  },
  {
    name: 'Äldrenämnden',
    administration: 'Äldreförvaltningen',
    prefix: 'ÄN',
    street: 'Hantverkargatan 3D',
    postalCode: '112 21',
    department: 'Avdelningen för kvalitet och utveckling',
    people: ['Emma Forslund', 'Niklas Borg', 'Gunilla Ström', 'Hugo Lindahl'],
  },
];

const COMPANY_BOARDS: readonly BoardSpec[] = [
  {
    name: 'Styrelsen för Stockholms Stadshus AB',
    administration: 'Stockholms Stadshus AB',
    prefix: 'SSH',
    street: 'Ragnar Östbergs plan 1',
    postalCode: '105 35',
    department: 'Koncernstaben',
    people: ['Alice Norberg', 'Jakob Lindqvist', 'Eva-Lena Persson', 'Rasmus Ek'],
  },
  {
    name: 'Styrelsen för AB Familjebostäder',
    administration: 'AB Familjebostäder',
    prefix: 'FB',
    street: 'Drottningholmsvägen 37',
    postalCode: '112 42',
    department: 'Avdelningen för hållbarhet',
    people: ['Tova Backman', 'Mattias Eriksson', 'Lena Hägg', 'Oliver Sundqvist'],
  },
  {
    name: 'Styrelsen för AB Svenska Bostäder',
    administration: 'AB Svenska Bostäder',
    prefix: 'SVB',
    street: 'Vällingbyplan 2',
    postalCode: '162 85',
    department: 'Avdelningen för kundrelationer',
    people: ['Wilma Stenberg', 'Kristoffer Holm', 'Charlotta Berg', 'Isak Wikman'],
  },
];

function district(spec: DistrictSpec, index: number): SeedOrganisation {
  const department = 'Avdelningen för ekonomi och administration';
  return {
    name: `${spec.genitive} stadsdelsnämnd`,
    kind: OrganisationKind.DistrictBoard,
    administrationName: `${spec.genitive} stadsdelsförvaltning`,
    diaryPrefix: spec.prefix,
    streetAddress: spec.street,
    postalCode: spec.postalCode,
    postalTown: spec.town,
    registryEmail: registry(spec.area),
    website: WEB,
    parent: CITY,
    departments: [{ name: department, contactEmail: registry(spec.area) }],
    people: staff(spec.people, department, 'stadsdelsdirektör', `08-508${String(30 + index).padStart(2, '0')}0`),
  };
}

/** The city's parent company: the other companies' boards sit under it in the directory. */
export const PARENT_COMPANY = 'Styrelsen för Stockholms Stadshus AB';

function board(spec: BoardSpec, kind: OrganisationKind, index: number): SeedOrganisation {
  const parent = kind === OrganisationKind.CompanyBoard && spec.name !== PARENT_COMPANY ? PARENT_COMPANY : CITY;
  return {
    name: spec.name,
    kind,
    administrationName: spec.administration,
    diaryPrefix: spec.prefix,
    streetAddress: spec.street,
    postalCode: spec.postalCode,
    postalTown: 'Stockholm',
    registryEmail: registry(spec.administration),
    website: WEB,
    parent,
    departments: [{ name: spec.department, contactEmail: registry(spec.administration) }],
    people: staff(
      spec.people,
      spec.department,
      kind === OrganisationKind.CompanyBoard ? 'verkställande direktör' : 'förvaltningschef',
      `08-508${String(60 + index).padStart(2, '0')}0`,
    ),
  };
}

const HAGERSTEN_ALVSJO: SeedOrganisation = {
  name: REFERENCE_BOARD,
  kind: OrganisationKind.DistrictBoard,
  administrationName: 'Hägersten-Älvsjö stadsdelsförvaltning',
  diaryPrefix: 'HÄ',
  streetAddress: 'Kungsklippan 6',
  postalCode: '112 25',
  postalTown: 'Stockholm',
  registryEmail: 'registrator.hagersten-alvsjo@stockholm.se',
  website: WEB,
  parent: CITY,
  departments: [
    { name: 'Avdelningen för ekonomi och upphandling', contactEmail: 'daniel.lauridsen@stockholm.se' },
    { name: 'Avdelningen för funktionsnedsättning och socialpsykiatri' },
    { name: 'Avdelningen för individ- och familjeomsorg' },
    { name: 'Avdelningen för äldreomsorg' },
    { name: 'Avdelningen för förskola' },
  ],
  people: [
    {
      name: 'Jens Westlund',
      title: 'handläggare',
      email: 'jens.westlund@stockholm.se',
      phone: '08-50821150',
      department: 'Avdelningen för ekonomi och upphandling',
      roles: [Role.CaseOfficer],
    },
    {
      name: 'Alexander Baena',
      title: 'avdelningschef',
      email: 'alexander.baena@stockholm.se',
      phone: '08-50821100',
      department: 'Avdelningen för ekonomi och upphandling',
      roles: [Role.HeadOfDepartment],
    },
    {
      name: 'Lee Orberson',
      title: 'stadsdelsdirektör',
      email: 'lee.orberson@stockholm.se',
      phone: '08-50821000',
      roles: [Role.Director],
    },
    {
      name: 'Maja Lindqvist',
      title: 'registrator',
      email: 'maja.lindqvist@stockholm.se',
      phone: '08-50821010',
      roles: [Role.Registrar, Role.Administrator],
    },
  ],
};

const EXECUTIVE: SeedOrganisation = {
  name: EXECUTIVE_BOARD,
  kind: OrganisationKind.ExecutiveBoard,
  administrationName: 'Stadsledningskontoret',
  diaryPrefix: 'KS',
  streetAddress: 'Ragnar Östbergs plan 1',
  postalCode: '105 35',
  postalTown: 'Stockholm',
  registryEmail: 'registrator.stadsledningskontoret@stockholm.se',
  website: WEB,
  parent: CITY,
  departments: [
    { name: 'Avdelningen för social hållbarhet', contactEmail: 'registrator.stadsledningskontoret@stockholm.se' },
  ],
  people: [
    {
      name: 'Sara Ekström',
      title: 'utredare',
      email: 'sara.ekstrom@stockholm.se',
      phone: '08-50829010',
      department: 'Avdelningen för social hållbarhet',
      roles: [Role.CaseOfficer],
    },
    {
      name: 'Johan Berg',
      title: 'avdelningschef',
      email: 'johan.berg@stockholm.se',
      phone: '08-50829020',
      department: 'Avdelningen för social hållbarhet',
      roles: [Role.HeadOfDepartment],
    },
    {
      name: 'Anna Lindgren',
      title: 'stadsdirektör',
      email: 'anna.lindgren@stockholm.se',
      phone: '08-50829000',
      roles: [Role.Director],
    },
    {
      name: 'Per Holm',
      title: 'registrator',
      email: 'per.holm@stockholm.se',
      phone: '08-50829040',
      roles: [Role.Registrar, Role.Administrator],
    },
  ],
};

const CITY_ORGANISATION: SeedOrganisation = {
  name: CITY,
  kind: OrganisationKind.City,
  administrationName: null,
  diaryPrefix: null,
  streetAddress: 'Ragnar Östbergs plan 1',
  postalCode: '105 35',
  postalTown: 'Stockholm',
  registryEmail: 'registrator.stadsledningskontoret@stockholm.se',
  website: WEB,
  parent: null,
  departments: [],
  people: [
    {
      name: 'Kim Nordin',
      title: 'systemförvaltare',
      email: 'kim.nordin@stockholm.se',
      phone: '08-50829099',
      roles: [Role.Administrator],
    },
  ],
};

/** The City of Stockholm as the seed loads it, parents before children. */
export const STOCKHOLM: readonly SeedOrganisation[] = [
  CITY_ORGANISATION,
  EXECUTIVE,
  ...DISTRICTS.slice(0, 9).map(district),
  HAGERSTEN_ALVSJO,
  ...DISTRICTS.slice(9).map((d, i) => district(d, 9 + i)),
  ...SPECIALIST_BOARDS.map((b, i) => board(b, OrganisationKind.SpecialistBoard, i)),
  ...COMPANY_BOARDS.map((b, i) => board(b, OrganisationKind.CompanyBoard, 10 + i)),
];
