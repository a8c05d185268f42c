/**
 * The page grid, in points (1/72 in) from the top left of an A4 page. Text stands in one column
 * with a wide right margin, as in the city's templates; the letterhead's right column starts at
 * 120 mm.
 */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  /** Left edge of the text column and of the letterhead's left column. */
  left: 79.37,
  /** Width of the text column. */
  bodyWidth: 410,
  /** Left edge of the letterhead's right column. */
  headerRight: 340.16,
  /** Right edge of letterhead and footer text. */
  right: 552.76,
  /** Top of the letterhead and of the short header on later pages. */
  headerTop: 42.52,
  /** Top of the text on pages after the first. */
  laterBodyTop: 100,
  /** Bottom of the text on pages after the first. */
  laterBodyBottom: 799.37,
  /** Bottom of the page-1 footer. */
  footerBottom: 813.54,
} as const;
