import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay } from '$lib/shared/local-day';

/** Node re-reads TZ when it is assigned, so one process can play several devices' zones. */
let savedTz: string | undefined;
beforeEach(() => {
	savedTz = process.env.TZ;
});
afterEach(() => {
	if (savedTz === undefined) delete process.env.TZ;
	else process.env.TZ = savedTz;
});

describe('localDay', () => {
	it('is the wall-calendar day in Vancouver on an evening when UTC is already tomorrow', () => {
		process.env.TZ = 'America/Vancouver';
		// 20:30 on 26 November in Vancouver (UTC−8) is 04:30 on the 27th in UTC.
		const evening = new Date('2026-11-27T04:30:00Z');
		expect(evening.toISOString().slice(0, 10)).toBe('2026-11-27');
		expect(localDay(evening)).toBe('2026-11-26');
	});

	it('turns over at local midnight, not before', () => {
		process.env.TZ = 'America/Vancouver';
		expect(localDay(new Date('2026-11-27T07:59:59Z'))).toBe('2026-11-26');
		expect(localDay(new Date('2026-11-27T08:00:00Z'))).toBe('2026-11-27');
	});

	it('crosses a month and a year at local midnight in St. John’s (UTC−3:30)', () => {
		process.env.TZ = 'America/St_Johns';
		expect(localDay(new Date('2027-01-01T03:29:59Z'))).toBe('2026-12-31');
		expect(localDay(new Date('2027-01-01T03:30:00Z'))).toBe('2027-01-01');
	});

	it('is the local day east of UTC too, where UTC is still yesterday', () => {
		process.env.TZ = 'Pacific/Auckland';
		const morning = new Date('2026-11-26T19:00:00Z'); // 08:00 on the 27th in Auckland
		expect(localDay(morning)).toBe('2026-11-27');
	});

	it('pads months and days to two digits', () => {
		process.env.TZ = 'UTC';
		expect(localDay(new Date('2026-03-05T12:00:00Z'))).toBe('2026-03-05');
	});
});
