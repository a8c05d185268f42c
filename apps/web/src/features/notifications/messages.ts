export const notificationMessages = {
  title: 'Notiser',
  button: 'Notiser',
  unread: (count: number) => (count === 1 ? '1 oläst' : `${count} olästa`),
  none: 'Du har inga notiser.',
  markRead: 'Markera som läst',
  markReadFor: (title: string) => `Markera som läst: ${title}`,
  markAllRead: 'Markera alla som lästa',
  markedAll: (count: number) =>
    count === 1 ? '1 notis markerades som läst.' : `${count} notiser markerades som lästa.`,
  unreadLabel: 'Oläst',
  open: 'Öppna',
  showMore: 'Visa fler',
  received: 'Kom',
} as const;
