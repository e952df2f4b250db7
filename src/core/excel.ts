/**
 * Facts about spreadsheets that both the .xlsx reader (io) and writer (render) rely on.
 * Excel keeps 15 significant decimal digits of a number: a value with more changes on the way in.
 */
export const EXCEL_DIGITS = 15;

/** Excel's sheet: rows 1…1 048 576, columns A…XFD (16 384), 32 767 characters in a cell. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;
