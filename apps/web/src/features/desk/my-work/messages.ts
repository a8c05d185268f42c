import type { WorkGroup } from './work-groups';

export const myWorkMessages = {
  title: 'Mitt arbete',
  intro: 'Det här väntar på dig, ordnat efter vad du ska göra.',
  empty: 'Inget väntar på dig just nu.',
  groups: {
    write: 'Att skriva',
    approve: 'Att godkänna',
    decide: 'Att besluta eller registrera',
    assign: 'Att fördela',
    answer: 'Att besvara',
    overdue: 'Försenade',
  } satisfies Record<WorkGroup, string>,
  count: (n: number) => (n === 1 ? '1 ärende' : `${n} ärenden`),
  diaryNumber: 'Dnr',
  noDiaryNumber: 'Utan diarienummer',
  deadline: 'Svar senast',
  noDeadline: 'Inget svarsdatum',
  daysLeft: (days: number) =>
    days > 1 ? `${days} dagar kvar` : days === 1 ? '1 dag kvar' : days === 0 ? 'sista dagen i dag' : '',
  overdueBy: (days: number) => (days === 1 ? 'Försenad 1 dag' : `Försenad ${days} dagar`),
} as const;
