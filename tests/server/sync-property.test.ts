/**
 * The sync model under a hostile network (DESIGN.md, "Sync model"): K devices tap and undo on
 * their own PN-counters and send snapshots that the network drops, duplicates, reorders and
 * delays; answers get lost too; the server restarts in the middle. Devices send the cursor of
 * the last answer they stored and merge the answers as the app does (answer-totals.ts), so
 * deltas arrive late, out of order and since cursors the device has moved past. Once the network
 * heals and every device has sent its final snapshot, the server's totals are every device's
 * taps minus its undos, and every device that applies the server's answer shows those same
 * totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	EVENT_CASE_ID,
	type CounterKind,
	type CounterState,
	type CounterTotal
} from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { counterKey } from '$lib/shared/counters';
import { totalsOverDevices } from '../model/counter-model';
import type { CounterSnapshot, SyncAnswer } from '$lib/shared/sync-wire';
import { totalsAfter, type HeldTotals } from '$lib/client/sync/answer-totals';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const [caseA, caseB] = someCaseIds() as [string, string];
const KEYS: { caseId: string; kind: CounterKind }[] = [
	{ caseId: caseA, kind: 'letter' },
	{ caseId: caseA, kind: 'card' },
	{ caseId: caseB, kind: 'petition' },
	{ caseId: EVENT_CASE_ID, kind: 'participants' }
];

type Step =
	| { t: 'tap'; device: number; key: number; count: number }
	| { t: 'undo'; device: number; key: number }
	/** The device sends its snapshot; the network loses it (0) or carries 1–3 copies. */
	| { t: 'send'; device: number; copies: number }
	/** One message in flight, chosen by `pick`, reaches the server; its answer may be lost. */
	| { t: 'deliver'; pick: number; answerLost: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			t: fc.constant('tap' as const),
			device: fc.nat(3),
			key: fc.nat(KEYS.length - 1),
			count: fc.integer({ min: 1, max: 3 })
		})
	},
	{
		weight: 2,
		arbitrary: fc.record({
			t: fc.constant('undo' as const),
			device: fc.nat(3),
			key: fc.nat(KEYS.length - 1)
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			t: fc.constant('send' as const),
			device: fc.nat(3),
			copies: fc.constantFrom(0, 1, 1, 1, 2, 3)
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			t: fc.constant('deliver' as const),
			pick: fc.nat(),
			answerLost: fc.boolean()
		})
	}
);

const scenarioArb = fc.record({
	devices: fc.integer({ min: 2, max: 4 }),
	steps: fc.array(stepArb, { minLength: 10, maxLength: 60 }),
	/** Where the server restarts, as a fraction of the steps. */
	restartAt: fc.double({ min: 0, max: 1, noNaN: true }),
	/** The order in which devices send their final snapshots. */
	finalOrder: fc.func(fc.integer())
});

/** A device: its own PN-counter per key, and what the server last told it. */
class Device {
	readonly id = randomId();
	readonly own = new Map<string, CounterState>();
	/** The totals as the device holds them, with the cursor of the answer they came from. */
	held: HeldTotals | undefined;
	get shown(): CounterTotal[] {
		return this.held?.totals ?? [];
	}
	taps = 0;
	undos = 0;

	tap(key: number, count: number) {
		const state = this.#state(key);
		state.plus += count;
		this.taps += count;
	}

	/** Undo never takes this device's own total below zero (repos/tally). */
	undo(key: number) {
		const state = this.#state(key);
		if (state.plus - state.minus > 0) {
			state.minus += 1;
			this.undos += 1;
		}
	}

	snapshot(): CounterSnapshot {
		const body = snapshot(
			this.id,
			[...this.own.values()].map((state) => ({ ...state }))
		);
		const cursor = this.held?.cursor;
		return cursor ? { ...body, cursor } : body;
	}

	/** Stores an answer as recordAcceptedSync does; false when its delta diverged. */
	receive(answer: SyncAnswer, sent: CounterSnapshot): boolean {
		const update = totalsAfter(this.held, answer, sent.cursor);
		if (update.kind === 'store') this.held = { totals: update.totals, cursor: update.cursor };
		else if (update.kind === 'diverged' && this.held) this.held = { ...this.held, cursor: null };
		return update.kind !== 'diverged';
	}

	#state(key: number): CounterState {
		const { caseId, kind } = KEYS[key]!;
		const id = counterKey(caseId, kind);
		let state = this.own.get(id);
		if (!state) this.own.set(id, (state = { caseId, kind, plus: 0, minus: 0 }));
		return state;
	}
}

/** What the server should hold: the reference model's sum over every device's final state. */
function truth(devices: Device[]): CounterTotal[] {
	return totalsOverDevices(
		devices.flatMap((device) =>
			[...device.own.values()].map((state) => ({ ...state, deviceId: device.id }))
		)
	);
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`sync under a hostile network on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('converges to every tap minus every undo, on the server and on every device', async () => {
			let runs = 0;
			let restarts = 0;
			let deltas = 0;
			await fc.assert(
				fc.asyncProperty(scenarioArb, async (scenario) => {
					runs += 1;
					// Every run is its own event in the one database, so runs stay independent.
					const event = newEvent();
					const devices = Array.from({ length: scenario.devices }, () => new Device());
					const inFlight: { device: Device; body: CounterSnapshot }[] = [];
					const restartStep = Math.min(
						scenario.steps.length - 1,
						Math.floor(scenario.restartAt * scenario.steps.length)
					);

					const deliver = async (message: { body: CounterSnapshot }) => {
						const answer = await server.sync(event.id, event.key, message.body);
						if (answer.full === false) deltas += 1;
						return answer;
					};
					let diverged = 0;
					/** A sync the device waits for, as the app does: a diverged delta asks once more. */
					const syncNow = async (device: Device) => {
						let body = device.snapshot();
						if (device.receive(await deliver({ body }), body)) return;
						diverged += 1;
						body = device.snapshot();
						expect(body.cursor).toBeUndefined();
						expect(device.receive(await deliver({ body }), body)).toBe(true);
					};

					for (const [index, step] of scenario.steps.entries()) {
						if (index === restartStep) {
							await server.restart();
							restarts += 1;
						}
						if (step.t === 'tap') {
							devices[step.device % devices.length]!.tap(step.key, step.count);
						} else if (step.t === 'undo') {
							devices[step.device % devices.length]!.undo(step.key);
						} else if (step.t === 'send') {
							const device = devices[step.device % devices.length]!;
							for (let copy = 0; copy < step.copies; copy += 1) {
								inFlight.push({ device, body: device.snapshot() });
							}
						} else if (inFlight.length > 0) {
							const [message] = inFlight.splice(step.pick % inFlight.length, 1);
							const answer = await deliver(message!);
							if (!step.answerLost) message!.device.receive(answer, message!.body);
						}
					}

					// The network heals: every device sends its final snapshot, in some order...
					const order = [...devices].sort(
						(a, b) => scenario.finalOrder(a.id) - scenario.finalOrder(b.id)
					);
					for (const device of order) await syncNow(device);
					// ...and the stragglers still in flight arrive late, stale and changing nothing.
					for (const message of inFlight) await deliver(message);
					// One more round so devices that synced early learn the others' last counts.
					for (const device of devices) await syncNow(device);
					// Nothing here loses totals, so no delta may have diverged.
					expect(diverged).toBe(0);

					const expected = truth(devices);
					const sum = expected.reduce((acc, t) => acc + t.total, 0);
					const taps = devices.reduce((acc, d) => acc + d.taps - d.undos, 0);
					expect(sum).toBe(taps);
					for (const device of devices) expect(device.shown).toEqual(expected);

					const stored = await server.db.kysely
						.selectFrom('counters')
						.select(['device_id', 'case_id', 'kind', 'plus', 'minus'])
						.where('event_id', '=', event.id)
						.execute();
					for (const row of stored) {
						const device = devices.find((d) => d.id === row.device_id)!;
						const own = device.own.get(counterKey(row.case_id, row.kind))!;
						expect([row.plus, row.minus]).toEqual([own.plus, own.minus]);
					}
				}),
				{ seed: 20261126, numRuns: backend.dialect === 'sqlite' ? 60 : 30 }
			);
			expect(runs).toBeGreaterThan(0);
			expect(restarts).toBeGreaterThan(0);
			expect(deltas).toBeGreaterThan(0);
		});
	});
}
