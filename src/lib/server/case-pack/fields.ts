/**
 * Building blocks of the case pack's schema (schema.ts), each with the message a pack editor reads
 * instead of valibot's default ("must not be empty", "is missing", "…, got number 2").
 */
import * as v from 'valibot';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_URL = 800;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** A message that ends with what was found instead, e.g. `must be an array, got null`. */
export const got =
	(expected: string) =>
	(issue: v.BaseIssue<unknown>): string =>
		`${expected}, got ${describe(issue.input)}`;

/**
 * One message per field, like a person would give: without this an empty string longer than the
 * limit, or 1899.5 as a year, would be reported twice.
 */
export const firstIssueOnly = <T extends v.GenericSchema>(schema: T): T =>
	v.config(schema, { abortPipeEarly: true });

const UNKNOWN_FIELD = 'is not a field of this format (misspelt?)';

/** Keys valibot's object schemas skip without a word, against prototype pollution. */
const noSkippedKeys = v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
	const input: unknown = dataset.value;
	if (!isRecord(input)) return;
	for (const key of ['__proto__', 'constructor', 'prototype']) {
		if (!Object.hasOwn(input, key)) continue;
		const at = { type: 'object', origin: 'key', input, key, value: input[key] } as const;
		addIssue({ message: UNKNOWN_FIELD, path: [at] });
	}
});

/**
 * An object with exactly these fields. objectWithRest rather than strictObject, which reports only
 * the first unknown key and takes an array for an object; the output holds only known fields.
 */
export function record<const E extends v.ObjectEntries>(entries: E) {
	return v.pipe(
		v.custom<Record<string, unknown>>(isRecord, got('must be an object')),
		noSkippedKeys,
		v.objectWithRest(entries, v.never(UNKNOWN_FIELD), 'is missing'),
		// Unknown keys have failed above, so the rest signature is empty: drop it from the type.
		v.transform((value) => value as v.InferOutput<v.ObjectSchema<E, undefined>>)
	);
}

export const text = (max: number) =>
	firstIssueOnly(
		v.pipe(
			v.string(got('must be a string')),
			v.check((value) => value.trim() !== '', 'must not be empty'),
			v.maxLength<string, number, v.ErrorMessage<v.MaxLengthIssue<string, number>>>(
				max,
				(issue) => `is ${issue.input.length} characters long; the limit is ${max}`
			)
		)
	);

/** A non-empty string without white space, such as a version or initials. */
export const word = (max: number) =>
	firstIssueOnly(
		v.pipe(
			text(max),
			v.check((value) => !/\s/.test(value), 'must not contain spaces')
		)
	);

function isRealDay(value: string): boolean {
	const match = DAY_PATTERN.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

export const day = firstIssueOnly(
	v.pipe(
		text(10),
		v.check(
			isRealDay,
			(issue) => `must be a real day written YYYY-MM-DD, got ${JSON.stringify(issue.input)}`
		)
	)
);

export const httpsUrl = firstIssueOnly(
	v.pipe(
		text(MAX_URL),
		v.url((issue) => `must be an absolute https:// URL, got ${JSON.stringify(issue.input)}`),
		v.check(
			(url) => new URL(url).protocol === 'https:',
			(issue) => `must use https, got ${JSON.stringify(issue.input)}`
		)
	)
);

/** A whole number in a range, with one message whatever is wrong with it. */
export const wholeNumber = (min: number, max: number, expected: string) =>
	firstIssueOnly(
		v.pipe(
			v.number(got(expected)),
			v.integer(got(expected)),
			v.minValue(min, got(expected)),
			v.maxValue(max, got(expected))
		)
	);

/** A list that may be empty, such as safety notes. */
export const list = <T extends v.GenericSchema>(item: T) => v.array(item, got('must be an array'));

/**
 * A list whose length is checked before its entries are read, so a runaway list gets one message
 * rather than one per entry.
 */
export const countedList = <T extends v.GenericSchema>(
	item: T,
	expected: string,
	[min, max]: [number, number],
	count: (issue: v.BaseIssue<unknown[]>) => string
) =>
	v.pipe(
		v.array(v.unknown(), got(expected)),
		v.minLength(min, count),
		v.maxLength(max, count),
		v.array(item)
	);
