import { Position } from '@app/consultation';

/** A small deterministic random generator (mulberry32), so every run writes the same answers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const BODIES = [
  'Hyresgästföreningen',
  'Romska kulturföreningen',
  'Föreningen för romsk ungdom',
  'Länsstyrelsen',
  'Brottsförebyggande rådet, lokalkontoret',
  'Svenska kyrkans församling',
  'Stadsmissionen',
  'Rädda Barnen, lokalförening',
  'Röda Korset, krets',
  'Föräldraföreningen',
  'Pensionärsrådet',
  'Funktionsrättsföreningen',
  'Idrottsalliansen',
  'Studieförbundet Vuxenskolan',
  'ABF',
  'Folkbildningsförbundet',
  'Bostadsstiftelsen',
  'Skolföreningen',
  'Biblioteksföreningen',
  'Ungdomsrådet',
  'Tolkservice',
  'Mångkulturellt centrum',
  'Kvinnojouren',
  'Antidiskrimineringsbyrån',
  'Romska rådet',
];

const PLACES = [
  'Stockholm',
  'Rinkeby',
  'Tensta',
  'Skärholmen',
  'Farsta',
  'Hägersten',
  'Älvsjö',
  'Bromma',
  'Vällingby',
  'Hässelby',
  'Spånga',
  'Kista',
  'Enskede',
  'Årsta',
  'Södermalm',
  'Kungsholmen',
  'Norrmalm',
  'Östermalm',
  'Liljeholmen',
  'Fruängen',
  'Bagarmossen',
  'Skarpnäck',
  'Hökarängen',
  'Högdalen',
  'Rågsved',
  'Husby',
  'Akalla',
  'Sköndal',
  'Gubbängen',
  'Midsommarkransen',
];

/** N distinct external bodies with invented names and addresses. */
export function externalRecipients(n: number): { name: string; email: string }[] {
  const all: { name: string; email: string }[] = [];
  for (let i = 0; all.length < n; i++) {
    const body = BODIES[i % BODIES.length]!;
    const place = PLACES[Math.floor(i / BODIES.length) % PLACES.length]!;
    const round = Math.floor(i / (BODIES.length * PLACES.length));
    all.push({
      name: `${body} i ${place}${round > 0 ? ` ${round + 1}` : ''}`,
      email: `remissvar.${i + 1}@exempel.se`,
    });
  }
  return all;
}

const OPENINGS = [
  'Vi välkomnar att staden tar fram en samlad handlingsplan för romsk inkludering.',
  'Föreningen har tagit del av remissen och lämnar följande synpunkter.',
  'Vi instämmer i stora delar i förslaget men vill lyfta några frågor som vi menar behöver förtydligas.',
  'Förslaget är ett viktigt steg, men det saknar i flera delar konkreta åtaganden och en tydlig tidplan.',
  'Vi har diskuterat förslaget med våra medlemmar och ger här en sammanfattning av deras synpunkter.',
  'Det är positivt att handlingsplanen utgår från de mänskliga rättigheterna och från stadens program.',
];

const SENTENCES = [
  'Det är viktigt att romer själva är delaktiga när åtgärderna planeras och följs upp, inte bara när de genomförs.',
  'Brobyggare med romsk språk- och kulturkompetens behövs både i förskolan, skolan och socialtjänsten.',
  'Vi saknar en beskrivning av hur arbetet ska finansieras efter att de riktade statsbidragen upphör.',
  'Uppföljningen bör redovisas årligen till kommunfullmäktige med indikatorer som går att jämföra över tid.',
  'Många äldre romer har erfarenheter av diskriminering som gör att de drar sig för att kontakta myndigheter.',
  'Information om rättigheter och stadens utbud bör finnas på romani chib och spridas genom kanaler som når ut.',
  'Medarbetare i staden behöver återkommande utbildning om antiziganism och om romernas historia i Sverige.',
  'Trygga offentliga miljöer förutsätter att staden samverkar med polisen, civilsamhället och fastighetsägarna.',
  'Barnets rättigheter enligt barnkonventionen bör genomsyra alla tre fokusområden och inte bara ett av dem.',
  'Jämställdhetsperspektivet behöver konkretiseras, särskilt när det gäller romska kvinnors väg till arbete.',
  'Vi föreslår att staden inrättar ett rådgivande organ där romska organisationer har en fast plats.',
  'Det finns goda erfarenheter från tidigare utvecklingsarbete som handlingsplanen borde bygga vidare på.',
  'Målen är i dag formulerade så allmänt att det blir svårt att avgöra om de har uppnåtts.',
  'Skolnärvaron bland romska barn behöver följas upp särskilt, med stöd till både elever och vårdnadshavare.',
  'Tillgången till bostad är en grundförutsättning för inkludering och bör nämnas uttryckligen i planen.',
  'Vi vill betona vikten av långsiktighet: projekt som avslutas efter ett eller två år skadar förtroendet.',
  'Stadsdelsförvaltningarna behöver ett tydligt uppdrag och resurser för att kunna genomföra åtgärderna lokalt.',
  'Hälsofrämjande insatser, till exempel hälsoinformatörer, har visat goda resultat och bör ingå i planen.',
  'Det bör framgå vem som är ansvarig för varje åtgärd och när den ska vara genomförd.',
  'Civilsamhällets organisationer behöver ekonomiska förutsättningar för att kunna delta på lika villkor.',
];

const BULLETS = [
  'utbildning för chefer och medarbetare',
  'fler brobyggare i skolan',
  'information på romani chib',
  'årlig uppföljning med indikatorer',
  'stöd till romska föreningar',
  'samverkan med polisen om trygghet',
  'insatser för äldre romer',
  'praktikplatser för unga vuxna',
];

function sentences(random: () => number, min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen: string[] = [];
  while (chosen.length < count) {
    const s = pick(random, SENTENCES);
    if (!chosen.includes(s)) {
      chosen.push(s);
    }
  }
  return chosen.join(' ');
}

/** A comment in the statement markup: one to three paragraphs, sometimes with a bullet list. */
function comment(random: () => number, minSentences: number, maxSentences: number): string {
  const paragraphs = [sentences(random, minSentences, maxSentences)];
  if (random() < 0.35) {
    paragraphs.push(sentences(random, 1, 3));
  }
  if (random() < 0.2) {
    const items = [...BULLETS].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 3));
    paragraphs.push(`Vi föreslår särskilt:\n${items.map((b) => `• ${b}`).join('\n')}`);
  }
  return paragraphs.join('\n\n');
}

const OVERALL: readonly [Position, number][] = [
  [Position.Supports, 0.5],
  [Position.SupportsInPart, 0.3],
  [Position.Opposes, 0.08],
  [Position.NoComment, 0.12],
];

function position(random: () => number): Position {
  let r = random();
  for (const [p, weight] of OVERALL) {
    if ((r -= weight) < 0) {
      return p;
    }
  }
  return Position.Supports;
}

export interface GeneratedAnswer {
  readonly position: Position;
  readonly comment: string;
  readonly sections: { readonly sectionId: string; readonly position: Position | null; readonly comment: string }[];
}

/**
 * A remissvar of realistic length: an overall position and a comment of 2–7 sentences
 * (about 250–1,000 characters), and for each section a position (now and then none) and a
 * comment of 1–5 sentences, now and then several paragraphs or a bullet list.
 */
export function generatedAnswer(random: () => number, sectionIds: readonly string[]): GeneratedAnswer {
  return {
    position: position(random),
    comment: `${pick(random, OPENINGS)} ${comment(random, 1, 6)}`,
    sections: sectionIds.map((sectionId) => ({
      sectionId,
      position: random() < 0.1 ? null : position(random),
      comment: comment(random, 1, 5),
    })),
  };
}
