/**
 * Event details, the one home of the fields a person edits (name, venue, city, province, date):
 * their list, their limits, how they are checked, and how two edits are merged. The new-event
 * form, the co-host link, the device's sync and the server all go through this module, so a
 * value one side accepts is never refused by another.
 *
 * Details are a last-writer-wins register ordered by (updatedAt, updatedBy): DESIGN.md, "Sync
 * model".
 */
import { PROVINCES, byCodeUnits, type Province } from './domain';

export interface EventDetails {
	name: string;
	venue: string;
	city: string;
	province: Province;
	/** The day of the event, YYYY-MM-DD. */
	date: string;
	/** Milliseconds since the epoch of the last edit on the device that made it. */
	updatedAt: number;
}

/** Details with the device that made the last edit: the stamp is (updatedAt, updatedBy). */
export interface StampedEventDetails extends EventDetails {
	updatedBy: string;
}

export const DETAIL_TEXT_FIELDS = ['name', 'venue', 'city'] as const;
export type DetailTextField = (typeof DETAIL_TEXT_FIELDS)[number];

/** The edited fields, without the stamp. */
export const DETAIL_FIELDS = [...DETAIL_TEXT_FIELDS, 'province', 'date'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** Length limits of the free-text details, in UTF-16 code units (what `maxlength` counts). */
export const DETAIL_LIMITS: Readonly<Record<DetailTextField, number>> = {
	name: 200,
	venue: 200,
	city: 100
};

/** The latest instant a Date can hold; a larger updatedAt is garbage. */
const MAX_TIMESTAMP = 8.64e15;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day written YYYY-MM-DD: 2025-02-29 is refused, 2024-02-29 accepted. */
export function isCalendarDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
	return days !== undefined && day >= 1 && day <= days;
}

export const isProvince = (value: unknown): value is Province =>
	typeof value === 'string' && (PROVINCES as readonly string[]).includes(value);

export const isStamp = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIMESTAMP;

/**
 * C0 and C1 control characters, DEL included: invisible in a form, refused by PostgreSQL (NUL),
 * and able to break a CSV or a log line. Tabs and line breaks count too: details are one line.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** The one control-character rule, shared with the organizers' contact (event-contact.ts). */
export const hasControlCharacter = (value: string): boolean => CONTROL_CHARACTER.test(value);

/** What is wrong with one field's value; forms map these to their own words. */
export type DetailProblem =
	'not_text' | 'too_long' | 'control_character' | 'bad_province' | 'bad_date' | 'bad_stamp';

export function detailProblem(
	field: DetailField | 'updatedAt',
	value: unknown
): DetailProblem | null {
	switch (field) {
		case 'province':
			return isProvince(value) ? null : 'bad_province';
		case 'date':
			return isCalendarDate(value) ? null : 'bad_date';
		case 'updatedAt':
			return isStamp(value) ? null : 'bad_stamp';
		default:
			if (typeof value !== 'string') return 'not_text';
			if (value.length > DETAIL_LIMITS[field]) return 'too_long';
			return hasControlCharacter(value) ? 'control_character' : null;
	}
}

/** The rule a value broke, in English; the contact's text fields share it (`limit`). */
export function problemMessage(
	field: string,
	problem: DetailProblem,
	limit = DETAIL_LIMITS[field as DetailTextField]
): string {
	switch (problem) {
		case 'not_text':
			return `${field} must be a string`;
		case 'too_long':
			return `${field} is longer than ${limit} characters`;
		case 'control_character':
			return `${field} must not contain control characters (U+0000-U+001F, U+007F-U+009F)`;
		case 'bad_province':
			return `${field} must be one of ${PROVINCES.join(', ')}`;
		case 'bad_date':
			return `${field} must be a calendar date written YYYY-MM-DD`;
		case 'bad_stamp':
			return `${field} must be milliseconds since the epoch (an integer ≥ 0)`;
	}
}

export type DetailsParse =
	| { ok: true; value: EventDetails }
	| { ok: false; field: DetailField | 'updatedAt'; message: string };

/** The order problems are reported in: the first one found names the field. */
const CHECK_ORDER = ['province', 'date', 'updatedAt', ...DETAIL_TEXT_FIELDS] as const;

/**
 * Checks the details of an object (a sync body's `event`, a co-host link) and copies exactly the
 * detail fields, so nothing else rides along. `where` prefixes the message ("event.city …").
 */
export function parseEventDetails(input: Record<string, unknown>, where: string): DetailsParse {
	for (const field of CHECK_ORDER) {
		const problem = detailProblem(field, input[field]);
		if (problem) {
			return { ok: false, field, message: `${where}.${problemMessage(field, problem)}` };
		}
	}
	return { ok: true, value: eventDetailsOf(input as unknown as EventDetails) };
}

/** Exactly the detail fields and stamp of a larger object (a row, a form, a link). */
export function eventDetailsOf(source: EventDetails): EventDetails {
	const { name, venue, city, province, date, updatedAt } = source;
	return { name, venue, city, province, date, updatedAt };
}

export function stampedDetailsOf(source: StampedEventDetails): StampedEventDetails {
	return { ...eventDetailsOf(source), updatedBy: source.updatedBy };
}

/** Trims a typed value and collapses runs of spaces, as a person means it. */
export const normalizeText = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** Orders last-writer-wins stamps: by updatedAt, then by device id. */
export function compareDetailsStamps(
	a: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>,
	b: Pick<StampedEventDetails, 'updatedAt' | 'updatedBy'>
): number {
	return a.updatedAt - b.updatedAt || byCodeUnits(a.updatedBy, b.updatedBy);
}

/**
 * Last writer wins by (updatedAt, updatedBy); the server and every device use this one function,
 * so all pick the same winner. Two different edits with the same stamp should not happen (a
 * device bumps updatedAt past its previous edit); if they do, the content decides, so the choice
 * stays commutative.
 */
export function pickLatestDetails(
	a: StampedEventDetails,
	b: StampedEventDetails
): StampedEventDetails {
	const byStamp = compareDetailsStamps(a, b);
	if (byStamp !== 0) return byStamp > 0 ? a : b;
	for (const field of DETAIL_FIELDS) {
		const byField = byCodeUnits(a[field], b[field]);
		if (byField !== 0) return byField > 0 ? a : b;
	}
	return a;
}
