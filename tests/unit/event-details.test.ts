import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVINCES } from '$lib/shared/domain';
import {
	DETAIL_LIMITS,
	DETAIL_TEXT_FIELDS,
	isCalendarDate,
	parseEventDetails,
	stampedDetailsOf
} from '$lib/shared/event-details';
import { parseJoinLink, joinLink } from '$lib/shared/join-link';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { parseCounterSnapshot } from '$lib/shared/sync-wire';
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import { validateNewEvent, type NewEventForm } from '../../src/routes/(host)/event/event-form';

const form: NewEventForm = {
	name: 'Letters at the library',
	venue: 'Main branch',
	city: 'Halifax',
	province: 'NS',
	date: '2026-12-10',
	expected: '',
	lang: 'en',
	groupName: '',
	email: ''
};

describe('the calendar-date check', () => {
	it('takes real days only, leap years included', () => {
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(isCalendarDate('2000-02-29')).toBe(true);
		expect(isCalendarDate('2025-02-29')).toBe(false);
		expect(isCalendarDate('1900-02-29')).toBe(false);
		expect(isCalendarDate('2026-04-31')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-12-1')).toBe(false);
		expect(isCalendarDate(20261210)).toBe(false);
	});
});

describe('parseEventDetails', () => {
	const details = { ...form, updatedAt: 1_790_000_000_000 };

	it('copies exactly the detail fields', () => {
		const parsed = parseEventDetails({ ...details, extra: 'x', key: 'secret' }, 'event');
		expect(parsed).toEqual({
			ok: true,
			value: {
				name: form.name,
				venue: form.venue,
				city: form.city,
				province: 'NS',
				date: '2026-12-10',
				updatedAt: 1_790_000_000_000
			}
		});
	});

	it('names the field and the rule broken', () => {
		const city = 'x'.repeat(DETAIL_LIMITS.city + 1);
		expect(parseEventDetails({ ...details, city }, 'event')).toEqual({
			ok: false,
			field: 'city',
			message: `event.city is longer than ${DETAIL_LIMITS.city} characters`
		});
		expect(parseEventDetails({ ...details, date: '2026-02-30' }, 'event')).toMatchObject({
			ok: false,
			field: 'date'
		});
		expect(parseEventDetails({ ...details, province: 'XX' }, 'event')).toMatchObject({
			ok: false,
			field: 'province'
		});
		expect(parseEventDetails({ ...details, updatedAt: -1 }, 'event')).toMatchObject({
			ok: false,
			field: 'updatedAt'
		});
	});
});

/** The three doors a detail can come in by: the form, a co-host link, a sync body. */
function throughEveryDoor(changes: Partial<NewEventForm>) {
	const formResult = validateNewEvent({ ...form, ...changes });
	const details = { ...form, ...changes, updatedAt: 1_790_000_000_000, updatedBy: randomId() };
	const link = joinLink('https://x.test', {
		...stampedDetailsOf(details as never),
		id: randomId(),
		key: randomEventKey(),
		lang: 'en'
	});
	const sync = parseCounterSnapshot(
		{ format: SYNC_FORMAT_VERSION, deviceId: randomId(), event: details, counters: [] },
		new Set()
	);
	return { form: formResult, link: parseJoinLink(link), sync };
}

describe('every field obeys one rule at every door', () => {
	for (const field of DETAIL_TEXT_FIELDS) {
		const limit = DETAIL_LIMITS[field];
		it(`${field}: ${limit} characters pass everywhere, ${limit + 1} fail everywhere`, () => {
			const at = throughEveryDoor({ [field]: 'é'.repeat(limit) });
			expect([at.form.ok, at.link.ok, at.sync.ok]).toEqual([true, true, true]);
			const past = throughEveryDoor({ [field]: 'é'.repeat(limit + 1) });
			expect([past.form.ok, past.link.ok, past.sync.ok]).toEqual([false, false, false]);
			expect(past.form).toMatchObject({ errors: { [field]: 'tooLong' } });
			expect(past.sync).toMatchObject({ code: 'bad_event', field });
		});

		it(`${field}: a control character fails everywhere`, () => {
			for (const control of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
				const doors = throughEveryDoor({ [field]: `Salle${control}2` });
				expect([doors.form.ok, doors.link.ok, doors.sync.ok]).toEqual([false, false, false]);
				expect(doors.form).toMatchObject({ errors: { [field]: 'controlCharacters' } });
				expect(doors.sync).toMatchObject({ code: 'bad_event', field });
			}
		});
	}

	it('province and date: the same values pass and fail everywhere', () => {
		for (const [changes, ok] of [
			[{ province: 'YT' }, true],
			[{ province: 'XX' }, false],
			[{ date: '2028-02-29' }, true],
			[{ date: '2027-02-29' }, false]
		] as const) {
			const doors = throughEveryDoor(changes);
			expect([doors.form.ok, doors.link.ok, doors.sync.ok]).toEqual([ok, ok, ok]);
		}
	});
});

describe('the new-event form and the server agree', () => {
	it('refuses in the form a city the server would refuse (it once allowed 120 characters)', () => {
		const result = validateNewEvent({ ...form, city: 'c'.repeat(DETAIL_LIMITS.city + 1) });
		expect(result).toEqual({ ok: false, errors: { city: 'tooLong' } });
		const atLimit = validateNewEvent({ ...form, city: 'c'.repeat(DETAIL_LIMITS.city) });
		expect(atLimit.ok).toBe(true);
	});

	it('refuses a date that is not a real day, and says which problem it is', () => {
		expect(validateNewEvent({ ...form, date: '2026-02-30' })).toEqual({
			ok: false,
			errors: { date: 'dateInvalid' }
		});
		expect(validateNewEvent({ ...form, date: '' })).toEqual({
			ok: false,
			errors: { date: 'required' }
		});
	});

	it('whatever the form accepts, the server and a co-host link accept too', () => {
		// Any code point, control characters included, as a paste could bring.
		const typed = fc.string({ maxLength: 260, unit: 'binary' });
		fc.assert(
			fc.property(
				fc.record({
					name: typed,
					venue: typed,
					city: typed,
					province: fc.constantFrom('', 'XX', ...PROVINCES),
					date: fc.oneof(
						fc.constantFrom('2026-02-29', '2024-02-29', '2026-12-10', ''),
						fc.string({ maxLength: 10 })
					)
				}),
				(input) => {
					const result = validateNewEvent({ ...form, ...input });
					if (!result.ok) return;
					const details = { ...result.value, updatedAt: 1, updatedBy: randomId() };
					expect(parseEventDetails(details, 'event').ok).toBe(true);
					const link = joinLink('https://x.test', {
						...stampedDetailsOf(details),
						id: randomId(),
						key: randomEventKey(),
						lang: 'fr'
					});
					expect(parseJoinLink(link).ok).toBe(true);
				}
			),
			{ seed: 20261126, numRuns: 500 }
		);
	});
});
