import type { Column, FlowTypography, TableStyles, TextStyle } from '@app/pdf';

import { PAGE } from './page-geometry.js';

/**
 * The document typography, after the city's templates: Arial (Arimo) throughout, a large bold
 * title, bold part headings, 11 pt body text, small letterhead and footer text.
 */
export const STYLES = {
  body: { face: 'regular', size: 11, leading: 14 },
  title: { face: 'bold', size: 20, leading: 24 },
  subtitle: { face: 'regular', size: 14, leading: 18 },
  letterTitle: { face: 'bold', size: 14, leading: 18 },
  heading: { face: 'bold', size: 12, leading: 15 },
  subheading: { face: 'bold', size: 11, leading: 14 },
  municipality: { face: 'bold', size: 16, leading: 20 },
  documentType: { face: 'bold', size: 11, leading: 14 },
  letterhead: { face: 'regular', size: 9, leading: 11.5 },
  letterheadLabel: { face: 'bold', size: 9, leading: 11.5 },
  footer: { face: 'regular', size: 8, leading: 10 },
  panel: { face: 'regular', size: 9, leading: 12 },
  panelTitle: { face: 'bold', size: 9, leading: 12 },
  tableHeader: { face: 'bold', size: 8.5, leading: 10.5 },
  tableCell: { face: 'regular', size: 10, leading: 13 },
  draftMark: { face: 'bold', size: 110, leading: 120 },
} as const satisfies Record<string, TextStyle>;

/** The text column of every document. */
export const BODY_COLUMN: Column = { x: PAGE.left, width: PAGE.bodyWidth };

/** How the text of a city document is set unless a renderer says otherwise. */
export const CITY_TYPOGRAPHY: FlowTypography = {
  column: BODY_COLUMN,
  body: STYLES.body,
  heading: STYLES.heading,
  subheading: STYLES.subheading,
};

export const TABLE_STYLES: TableStyles = { header: STYLES.tableHeader, cell: STYLES.tableCell };
