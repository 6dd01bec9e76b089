import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVINCES } from '$lib/shared/domain';
import {
	DETAIL_LIMITS,
	isCalendarDate,
	parseEventDetails,
	stampedDetailsOf
} from '$lib/shared/event-details';
import { parseJoinLink, joinLink } from '$lib/shared/join-link';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { validateNewEvent, type NewEventForm } from '../../src/routes/(host)/event/new/validate';

const form: NewEventForm = {
	name: 'Letters at the library',
	venue: 'Main branch',
	city: 'Halifax',
	province: 'NS',
	date: '2026-12-10',
	expected: '',
	lang: 'en'
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
		const typed = fc.string({ maxLength: 260 });
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
