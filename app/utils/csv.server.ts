import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer (csv-stringify, from the project of the csv-parse the imports use), for every file the
 * app hands out: UTF-8 with a byte order mark so Excel reads Vietnamese letters, CRLF rows as RFC 4180 and
 * Excel expect, quotes doubled inside quoted cells, and every text cell neutralised against formula
 * injection. Numbers are numbers: never neutralised ("-5" typed as text is, -5 the figure is not).
 */

export type CsvCell = string | number | null | undefined;

export type CsvOptions = {
  /** Quote every cell, empty ones too (the bank's form 01); otherwise only cells that need it. */
  quoteAll?: boolean;
  /** How a number is written (default: as JavaScript prints it). */
  formatNumber?: (value: number) => string;
};

/** A text a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a leading apostrophe (OWASP "CSV injection"). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function stringifyOptions(options: CsvOptions) {
  return {
    record_delimiter: "\r\n",
    // Beyond the separator and quotes, which csv-stringify always quotes: a lone CR or LF inside a cell (the
    // record delimiter is CRLF, so csv-stringify alone would leave them bare) and ";" (the separator of
    // spreadsheets set to a comma-decimal locale such as Vietnamese).
    quoted_match: /[\r\n;]/,
    quoted: options.quoteAll ?? false,
    quoted_empty: options.quoteAll ?? false,
    cast: { string: neutralise, number: options.formatNumber ?? String },
  };
}

/** A whole CSV file: the byte order mark, then every row followed by CRLF (an empty row is a blank line). */
export function toCsv(rows: CsvCell[][], options: CsvOptions = {}): string {
  return `\uFEFF${stringify(rows, stringifyOptions(options))}`;
}

/** One cell as `toCsv` writes it. */
export function csvCell(value: CsvCell, options: CsvOptions = {}): string {
  return stringify([[value]], { ...stringifyOptions(options), record_delimiter: "", eof: false });
}
