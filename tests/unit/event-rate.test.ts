/**
 * The sync rate per event (scripts/event-rate.js): a burst of twice the rate, then the rate, per
 * event; the wait it names; idle buckets swept so memory stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { EventRate, rateBucketOf } from '../../scripts/event-rate.js';

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

	it('gives an event’s highlight uploads a bucket apart from its syncs and reports', () => {
		const id = 'abcdefghijklmnopqrstuv';
		expect(rateBucketOf('POST', `/api/events/${id}/sync`)?.key).toBe(`sync:${id}`);
		expect(rateBucketOf('POST', `/api/events/${id}/report?x=1`)?.key).toBe(`sync:${id}`);
		const photo = `/api/events/${id}/highlights/hlhlhlhlhlhlhlhlhlhlhl/photo?offset=0`;
		expect(rateBucketOf('PUT', photo)?.key).toBe(`highlights:${id}`);
		expect(rateBucketOf('DELETE', `/api/events/${id}/highlights/x`)?.key).toBe(`highlights:${id}`);
		expect(rateBucketOf('GET', `/api/events/${id}/sync`)).toBeNull();
		expect(rateBucketOf('GET', photo)).toBeNull();
		expect(rateBucketOf('POST', '/api/cases')).toBeNull();
		// Spending one event's highlight bucket leaves its syncs alone.
		const rate = new EventRate(1);
		rate.take(`highlights:${id}`, 0);
		rate.take(`highlights:${id}`, 0);
		expect(rate.take(`highlights:${id}`, 0)).toBeGreaterThan(0);
		expect(rate.take(`sync:${id}`, 0)).toBe(0);
	});
});
