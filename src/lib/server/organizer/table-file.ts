/**
 * The one writer of the organizers' downloads: a table (field names and rows) as CSV or JSON,
 * with the same rows and the same field names in both.
 *
 * CSV: RFC 4180 (CRLF line ends, quotes where needed) by csv-stringify, UTF-8 with a byte-order
 * mark so spreadsheets read accents right, a header row of the field names. A text cell that a
 * spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets a
 * single quote in front, the OWASP advice against CSV injection: an event name is typed by
 * anyone who holds a phone. Numbers are numbers and are never touched (a negative count would
 * otherwise become text). JSON keeps every value as it is: it is read by programs, not run.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;
export type Row<F extends string> = Record<F, Cell>;

export interface Table<F extends string = string> {
	/** The file's name without date or extension: letterday-{name}-YYYY-MM-DD.csv */
	name: string;
	fields: readonly F[];
	rows: Row<F>[];
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (value: string): value is ExportFormat =>
	(EXPORT_FORMATS as readonly string[]).includes(value);

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export function toCsv(table: Table): string {
	return stringify(table.rows, {
		bom: true,
		header: true,
		columns: [...table.fields],
		record_delimiter: 'windows',
		cast: { string: neutralise }
	});
}

export function toJson(table: Table): string {
	// Only the named fields, in their order, whatever else a row object carries.
	const rows = table.rows.map((row) =>
		Object.fromEntries(table.fields.map((field) => [field, row[field] ?? null]))
	);
	return JSON.stringify(rows, null, 2);
}

/** A download: attachment, dated file name, never cached (figures change with every sync). */
export function tableResponse(table: Table, format: ExportFormat, day: string): Response {
	const csv = format === 'csv';
	return new Response(csv ? toCsv(table) : toJson(table), {
		headers: {
			'Content-Type': csv ? 'text/csv; charset=utf-8; header=present' : 'application/json',
			'Content-Disposition': `attachment; filename="letterday-${table.name}-${day}.${format}"`,
			'Cache-Control': 'no-store'
		}
	});
}

/** ISO 8601 in UTC, or null for "never". */
export const isoTime = (epochMs: number): string | null =>
	epochMs > 0 ? new Date(epochMs).toISOString() : null;
