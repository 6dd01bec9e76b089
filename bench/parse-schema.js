/**
 * The sync body (a CounterSnapshot, docs/api.md) as a valibot schema: what parseCounterSnapshot
 * in src/lib/shared/sync-wire.ts would become with the schema library. Only bench/parse.js uses
 * it, bundled by esbuild (it imports the app's TypeScript through $lib), to weigh the two.
 *
 * Same rules and error codes as the hand-written parser, first problem only (abortEarly, as the
 * parser stops at its first). Each message starts with its code ("bad_event: …").
 */
import * as v from 'valibot';
import {
	CASE_KINDS,
	EVENT_CASE_ID,
	EVENT_KINDS,
	MAX_COUNTER_VALUE,
	PROVINCES,
	SYNC_FORMAT_VERSION
} from '$lib/shared/domain';
// Imported rather than copied, so that the two parsers cannot drift apart. The real-day check is
// the app's: valibot's isoDate takes 2025-02-30.
import { DETAIL_LIMITS, isCalendarDate } from '$lib/shared/event-details';
import { ID_PATTERN } from '$lib/shared/ids';

/** The largest instant a JavaScript Date holds; the parser refuses a later updatedAt. */
const MAX_TIMESTAMP = 8.64e15;

const says = (code, text) => `${code}: ${text}`;

/**
 * An object schema's message covers both "not an object" and a missing key; the parser gives a
 * missing key the code of the field's own check (a missing plus is a bad_value).
 */
const objectMessage = (notObject, missingCode) => (issue) => {
	const key = issue.path?.[0]?.key;
	if (issue.input !== undefined || key === undefined) return says('bad_request', notObject);
	return says(
		typeof missingCode === 'string' ? missingCode : missingCode(key),
		`${key} is missing`
	);
};

const detailText = (field) =>
	v.pipe(
		v.string(says('bad_event', `event.${field} must be a string`)),
		v.maxLength(
			DETAIL_LIMITS[field],
			says('bad_event', `event.${field} is longer than ${DETAIL_LIMITS[field]} characters`)
		)
	);

const stamp = says('bad_event', 'event.updatedAt must be milliseconds since the epoch');

const event = v.object(
	{
		name: detailText('name'),
		venue: detailText('venue'),
		city: detailText('city'),
		province: v.picklist(
			PROVINCES,
			says('bad_event', `event.province must be one of ${PROVINCES}`)
		),
		date: v.pipe(
			v.string(says('bad_event', 'event.date must be a calendar date')),
			v.check(isCalendarDate, says('bad_event', 'event.date must be a calendar date'))
		),
		updatedAt: v.pipe(
			v.number(stamp),
			v.integer(stamp),
			v.minValue(0, stamp),
			v.maxValue(MAX_TIMESTAMP, stamp)
		),
		updatedBy: v.optional(
			v.pipe(
				v.string(says('bad_event', 'event.updatedBy must be a device id')),
				v.regex(ID_PATTERN, says('bad_event', 'event.updatedBy must be a device id'))
			)
		)
	},
	objectMessage('event must be an object', 'bad_event')
);

const value = says(
	'bad_value',
	`counter values must be whole numbers from 0 to ${MAX_COUNTER_VALUE}`
);
const counterValue = v.pipe(
	v.number(value),
	v.integer(value),
	v.minValue(0, value),
	v.maxValue(MAX_COUNTER_VALUE, value)
);

/** The schema for one case pack's ids: built once per pack, as the endpoint would cache it. */
export function snapshotSchema(caseIds) {
	const limit = caseIds.size * CASE_KINDS.length + EVENT_KINDS.length;
	const counter = v.pipe(
		v.object(
			{
				caseId: v.string(says('bad_request', 'caseId must be a string')),
				kind: v.string(says('bad_request', 'kind must be a string')),
				plus: counterValue,
				minus: counterValue
			},
			objectMessage('a counter must be an object', (key) =>
				key === 'plus' || key === 'minus' ? 'bad_value' : 'bad_request'
			)
		),
		v.check(
			({ caseId }) => caseId === EVENT_CASE_ID || caseIds.has(caseId),
			(issue) => says('unknown_case', `"${issue.input.caseId}" is not a case of the pack`)
		),
		v.check(
			({ caseId, kind }) => (caseId === EVENT_CASE_ID ? EVENT_KINDS : CASE_KINDS).includes(kind),
			(issue) => says('unknown_kind', `kind "${issue.input.kind}" is not counted there`)
		),
		v.check(({ plus, minus }) => minus <= plus, says('bad_value', 'minus must not exceed plus'))
	);
	const counters = v.pipe(
		v.array(v.unknown(), says('bad_request', 'counters must be an array')),
		// Counted before the entries are read, as the parser does.
		v.maxLength(limit, says('too_many_counters', `at most ${limit} counters exist`)),
		v.array(counter),
		v.rawCheck(({ dataset, addIssue }) => {
			if (!dataset.typed) return;
			const seen = new Set();
			for (const { caseId, kind } of dataset.value) {
				const key = `${caseId}\u0000${kind}`;
				if (seen.has(key)) addIssue({ message: says('duplicate_counter', `${caseId}/${kind}`) });
				seen.add(key);
			}
		})
	);
	return v.object(
		{
			format: v.literal(SYNC_FORMAT_VERSION, says('unsupported_format', 'format is not supported')),
			deviceId: v.pipe(
				v.string(says('bad_device_id', 'deviceId must be a device id')),
				v.regex(ID_PATTERN, says('bad_device_id', 'deviceId must be a device id'))
			),
			event,
			counters
		},
		objectMessage('the body must be an object', (key) =>
			key === 'format' ? 'unsupported_format' : key === 'deviceId' ? 'bad_device_id' : 'bad_request'
		)
	);
}

const FIRST_ISSUE = { abortEarly: true };

/** The parser's result shape: { ok: true, value } or { ok: false, code, message }. */
export function parseWithSchema(schema, input) {
	const result = v.safeParse(schema, input, FIRST_ISSUE);
	if (result.success) return { ok: true, value: result.output };
	const message = result.issues[0].message;
	return { ok: false, code: message.slice(0, message.indexOf(':')), message };
}
