/**
 * The sync rate per event (scripts/event-rate.js): a burst of twice the rate, then the rate, per
 * event; the wait it names; idle buckets swept so memory stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { EventRate } from '../../scripts/event-rate.js';

describe('the sync rate per event', () => {
	it('lets a burst through, then one per 1/rate seconds, each event on its own', () => {
		const rate = new EventRate(10);
		const at = 1_000_000;
		for (let i = 0; i < 20; i += 1) expect(rate.take('busy', at)).toBe(0);
		expect(rate.take('busy', at)).toBe(100);
		expect(rate.take('other', at)).toBe(0);
		expect(rate.take('busy', at + 50)).toBe(50);
		expect(rate.take('busy', at + 100)).toBe(0);
		expect(rate.take('busy', at + 100)).toBe(100);
		// Idle for two seconds: the whole burst again, and no more.
		for (let i = 0; i < 20; i += 1) expect(rate.take('busy', at + 2_100)).toBe(0);
		expect(rate.take('busy', at + 2_100)).toBeGreaterThan(0);
	});

	it('sweeps idle events once it holds ten thousand', () => {
		const rate = new EventRate(1);
		for (let i = 0; i < 10_000; i += 1) rate.take(`event-${i}`, 0);
		expect(rate.size).toBe(10_000);
		rate.take('busy', 0);
		rate.take('busy', 0);
		// Every bucket has refilled by now: one new event sweeps them all but itself.
		rate.take('newcomer', 10_000);
		expect(rate.size).toBe(1);
		expect(rate.take('busy', 10_000)).toBe(0);
	});
});
