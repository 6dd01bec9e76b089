import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	compareDetailsStamps,
	pickLatestDetails,
	type StampedEventDetails
} from '$lib/shared/event-details';
import {
	mergeCounterState,
	mergeCounterStates,
	totalsOverDevices,
	type DeviceCounterState
} from '../model/counter-model';
import { CASE_KINDS, EVENT_CASE_ID, EVENT_KINDS, type CounterState } from '$lib/shared/domain';

const FC = { seed: 20261126, numRuns: 300 };

const caseIds = ['case-a', 'case-b', EVENT_CASE_ID];
const counterState = fc
	.record({
		caseId: fc.constantFrom(...caseIds),
		kind: fc.constantFrom(...CASE_KINDS, ...EVENT_KINDS),
		plus: fc.nat(1000),
		minusShare: fc.nat(1000)
	})
	.map(({ caseId, kind, plus, minusShare }) => ({
		caseId,
		kind,
		plus,
		minus: Math.min(plus, minusShare)
	}));
/** A snapshot has at most one state per key. */
const snapshot = fc.uniqueArray(counterState, {
	selector: (state) => `${state.caseId}/${state.kind}`,
	maxLength: 8
});

const stamped = fc.record({
	name: fc.constantFrom('Library', 'Hall', ''),
	venue: fc.constantFrom('Room 1', 'Room 2'),
	city: fc.constantFrom('Ottawa', 'Montréal'),
	province: fc.constantFrom('ON' as const, 'QC' as const),
	date: fc.constantFrom('2026-12-10', '2026-12-11'),
	updatedAt: fc.integer({ min: 0, max: 5 }),
	updatedBy: fc.constantFrom('device-aaaaaaaaaaaaaa', 'device-bbbbbbbbbbbbbb')
});

describe('mergeCounterState', () => {
	it('takes the max of each half', () => {
		expect(
			mergeCounterState(
				{ caseId: 'x', kind: 'letter', plus: 5, minus: 1 },
				{ caseId: 'x', kind: 'letter', plus: 3, minus: 2 }
			)
		).toEqual({ caseId: 'x', kind: 'letter', plus: 5, minus: 2 });
	});
});

describe('mergeCounterStates', () => {
	it('is idempotent', () => {
		fc.assert(
			fc.property(snapshot, (a) => {
				expect(mergeCounterStates(a, a)).toEqual(mergeCounterStates(a, []));
			}),
			FC
		);
	});

	it('is commutative', () => {
		fc.assert(
			fc.property(snapshot, snapshot, (a, b) => {
				expect(mergeCounterStates(a, b)).toEqual(mergeCounterStates(b, a));
			}),
			FC
		);
	});

	it('is associative', () => {
		fc.assert(
			fc.property(snapshot, snapshot, snapshot, (a, b, c) => {
				expect(mergeCounterStates(mergeCounterStates(a, b), c)).toEqual(
					mergeCounterStates(a, mergeCounterStates(b, c))
				);
			}),
			FC
		);
	});

	it('never goes below either input, key by key', () => {
		fc.assert(
			fc.property(snapshot, snapshot, (a, b) => {
				const merged = mergeCounterStates(a, b);
				for (const input of [...a, ...b]) {
					const out = merged.find((m) => m.caseId === input.caseId && m.kind === input.kind);
					expect(out!.plus).toBeGreaterThanOrEqual(input.plus);
					expect(out!.minus).toBeGreaterThanOrEqual(input.minus);
				}
			}),
			FC
		);
	});

	it('merges a monotonic history to its last state, whatever the delivery order', () => {
		// A device's successive snapshots only grow; any permutation of them, with duplicates,
		// merges to the newest one.
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 10 }),
				fc.func(fc.integer()),
				(steps, order) => {
					let plus = 0;
					let minus = 0;
					const history: CounterState[][] = steps.map(([taps, undos]) => {
						plus += taps;
						minus = Math.min(plus, minus + undos);
						return [{ caseId: 'case-a', kind: 'letter', plus, minus }];
					});
					const shuffled = [...history, ...history].sort((x, y) => order(x) - order(y));
					const merged = shuffled.reduce<CounterState[]>(mergeCounterStates, []);
					expect(merged).toEqual(history.at(-1));
				}
			),
			FC
		);
	});
});

describe('totalsOverDevices', () => {
	it('sums plus - minus over devices per key, sorted by key', () => {
		const rows: DeviceCounterState[] = [
			{ deviceId: 'd2', caseId: 'case-b', kind: 'letter', plus: 4, minus: 1 },
			{ deviceId: 'd1', caseId: 'case-a', kind: 'card', plus: 2, minus: 0 },
			{ deviceId: 'd1', caseId: 'case-b', kind: 'letter', plus: 10, minus: 3 },
			{ deviceId: 'd3', caseId: EVENT_CASE_ID, kind: 'participants', plus: 7, minus: 7 }
		];
		expect(totalsOverDevices(rows)).toEqual([
			{ caseId: EVENT_CASE_ID, kind: 'participants', total: 0 },
			{ caseId: 'case-a', kind: 'card', total: 2 },
			{ caseId: 'case-b', kind: 'letter', total: 10 }
		]);
	});

	it('is the sum of each device alone, in any row order', () => {
		fc.assert(
			fc.property(
				fc.array(snapshot, { minLength: 1, maxLength: 4 }),
				fc.func(fc.integer()),
				(devices, order) => {
					const rows = devices.flatMap((states, index) =>
						states.map((state) => ({ ...state, deviceId: `d${index}` }))
					);
					const expected = new Map<string, number>();
					for (const row of rows) {
						const key = `${row.caseId}/${row.kind}`;
						expected.set(key, (expected.get(key) ?? 0) + row.plus - row.minus);
					}
					const totals = totalsOverDevices([...rows].sort((x, y) => order(x) - order(y)));
					expect(new Map(totals.map((t) => [`${t.caseId}/${t.kind}`, t.total]))).toEqual(expected);
					expect(totals).toEqual(totalsOverDevices(rows));
				}
			),
			FC
		);
	});
});

describe('pickLatestDetails (last writer wins)', () => {
	const base: StampedEventDetails = {
		name: 'Write-a-thon',
		venue: 'Main library',
		city: 'Ottawa',
		province: 'ON',
		date: '2026-12-10',
		updatedAt: 100,
		updatedBy: 'device-aaaaaaaaaaaaaa'
	};

	it('prefers the later updatedAt', () => {
		const later = { ...base, name: 'Renamed', updatedAt: 101 };
		expect(pickLatestDetails(base, later)).toBe(later);
		expect(pickLatestDetails(later, base)).toBe(later);
	});

	it('breaks a tie in updatedAt by device id', () => {
		const other = { ...base, name: 'Other', updatedBy: 'device-bbbbbbbbbbbbbb' };
		expect(pickLatestDetails(base, other)).toBe(other);
		expect(pickLatestDetails(other, base)).toBe(other);
		expect(compareDetailsStamps(base, other)).toBeLessThan(0);
	});

	it('an older edit never wins, even from a "larger" device id', () => {
		const older = { ...base, name: 'Old', updatedAt: 99, updatedBy: 'device-zzzzzzzzzzzzzz' };
		expect(pickLatestDetails(base, older)).toBe(base);
	});

	it('is commutative, associative and idempotent', () => {
		fc.assert(
			fc.property(stamped, stamped, stamped, (a, b, c) => {
				expect(pickLatestDetails(a, b)).toEqual(pickLatestDetails(b, a));
				expect(pickLatestDetails(pickLatestDetails(a, b), c)).toEqual(
					pickLatestDetails(a, pickLatestDetails(b, c))
				);
				expect(pickLatestDetails(a, a)).toEqual(a);
			}),
			FC
		);
	});
});
