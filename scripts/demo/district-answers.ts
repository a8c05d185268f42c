/** A district board's answer in the demo: invented, but as such an answer would read. */
export interface DistrictAnswer {
  readonly board: string;
  readonly position: 'supports' | 'supports_in_part' | 'opposes' | 'no_comment';
  readonly summary: string;
  readonly background: string;
  readonly matter: string;
  readonly views: string;
  /** Position and comment per section of the remiss, in its order. */
  readonly sections: readonly { readonly position: DistrictAnswer['position'] | null; readonly comment: string }[];
}

const BACKGROUND =
  'Kommunstyrelsen har remitterat förslaget till handlingsplan för romsk inkludering till stadsdelsnämnderna. Handlingsplanen gäller till år 2030 och omfattar samtliga nämnder och bolagsstyrelser.';

const MATTER =
  'Handlingsplanen utgår från tre fokusområden:\n• Kunskap och information\n• Välfärd och service\n• Delaktighet och inflytande\n\nTill varje fokusområde hör effektmål och resultatmål som nämnderna ska bidra till med egna aktiviteter.';

/** The two other districts that answer. */
export const OTHER_ANSWERS: readonly DistrictAnswer[] = [
  {
    board: 'Farsta stadsdelsnämnd',
    position: 'supports',
    summary:
      'Förvaltningen ställer sig positiv till förslaget till handlingsplan för romsk inkludering och föreslår att nämnden godkänner tjänsteutlåtandet som svar på remissen.',
    background: BACKGROUND,
    matter: MATTER,
    views:
      'Förvaltningen ser att handlingsplanen ger stöd i det arbete med brobyggare och samhällsvägledning som redan pågår i stadsdelen.\n\nFörvaltningen vill betona vikten av att uppföljningen sker tillsammans med romska företrädare.',
    sections: [
      { position: 'supports', comment: 'Utbildningsinsatserna för medarbetare bör samordnas mellan stadsdelarna.' },
      { position: 'supports', comment: '' },
      { position: 'supports', comment: 'Förvaltningen välkomnar målet om trygga offentliga miljöer.' },
    ],
  },
  {
    board: 'Södermalms stadsdelsnämnd',
    position: 'supports_in_part',
    summary:
      'Förvaltningen delar handlingsplanens inriktning men saknar en beskrivning av hur uppföljningen ska finansieras. Förvaltningen föreslår att nämnden godkänner tjänsteutlåtandet som svar på remissen.',
    background: BACKGROUND,
    matter: MATTER,
    views:
      'Förvaltningen delar handlingsplanens inriktning.\n\nFörvaltningen saknar dock en beskrivning av hur resurserna för utbildning av medarbetare ska fördelas mellan nämnderna, och föreslår att målet om lika tillgång till välfärd kompletteras med ett mått för uppföljning.',
    sections: [
      { position: 'supports', comment: '' },
      {
        position: 'supports_in_part',
        comment: 'Målet om lika tillgång till välfärd behöver ett mått som går att följa upp.',
      },
      { position: 'supports', comment: '' },
    ],
  },
];

/** The district that declines, and why. */
export const DECLINING_BOARD = 'Bromma stadsdelsnämnd';
export const DECLINE_REASON =
  'Nämnden avstår från att yttra sig över remissen. Ärendet berör främst nämndens verksamheter på samma sätt som övriga stadsdelsnämnders, som yttrar sig.';
