/**
 * Screen widths the layout changes at. Phones (320–480 px, Teams mobile's
 * tab area) get one narrow layout: less padding, filters two to a row, no
 * column alignment of IDs; wider screens keep the desktop layout.
 */
export const NARROW = '@media (max-width: 30rem)';
