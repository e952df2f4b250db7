/**
 * Facts about spreadsheets that both the .xlsx reader (io) and writer (render) rely on.
 * Excel keeps 15 significant decimal digits of a number: a value with more changes on the way in.
 */
export const EXCEL_DIGITS = 15;
