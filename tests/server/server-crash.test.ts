/**
 * The server is killed (SIGKILL) in the middle of a burst of syncs from several devices, on SQLite
 * and on PostgreSQL. After a restart, no count the server had acknowledged is missing (a device
 * forgets what was acknowledged, so losing it would lose it for good), and once every device has
 * sent what it holds, the totals equal the sum of the devices' counts. docs/reliability.md
 * records this scenario. Needs `npm run build` (npm test builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterState } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';
import { backends, type TestDatabase } from './helpers/databases';
import { snapshot, someCaseIds } from './helpers/sync-requests';

const DEVICES = 6;
const [caseA, caseB] = someCaseIds() as [string, string];

interface Device {
	id: string;
	/** What the device holds: it only ever grows. */
	plus: number;
	/** The highest value the server acknowledged. */
	acknowledged: number;
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`a server killed mid-burst on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: AppServer;
		const event = { id: randomId(), key: randomEventKey() };
		const devices: Device[] = Array.from({ length: DEVICES }, () => ({
			id: randomId(),
			plus: 0,
			acknowledged: 0
		}));

		beforeAll(async () => {
			testDb = await backend.create();
			server = await startAppServer(testDb.env);
		});
		afterAll(async () => {
			await disposeAppServer(server);
			await testDb?.destroy();
		});

		/** One sync of the device's current state; the answer's totals, or undefined if it failed. */
		async function sync(device: Device): Promise<Map<string, number> | undefined> {
			const sent = device.plus;
			const counters: CounterState[] =
				sent === 0
					? []
					: [
							{ caseId: caseA, kind: 'letter', plus: sent, minus: 0 },
							{ caseId: caseB, kind: 'card', plus: sent, minus: Math.floor(sent / 4) }
						];
			try {
				const response = await fetch(`${server.url}/api/events/${event.id}/sync`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: `Bearer ${event.key}` },
					body: JSON.stringify(snapshot(device.id, counters))
				});
				if (response.status !== 200) return undefined;
				const answer = (await response.json()) as {
					totals: { caseId: string; kind: string; total: number }[];
				};
				device.acknowledged = Math.max(device.acknowledged, sent);
				return new Map(answer.totals.map((t) => [`${t.caseId}/${t.kind}`, t.total]));
			} catch {
				return undefined; // the connection died with the server
			}
		}

		const expected = (pick: (d: Device) => number) => {
			const sum = (f: (n: number) => number) => devices.reduce((n, d) => n + f(pick(d)), 0);
			return { letters: sum((n) => n), cards: sum((n) => n - Math.floor(n / 4)) };
		};

		it('loses no acknowledged count, and ends exact after the devices resend', async () => {
			// Every device counts and syncs in a tight loop; the server dies partway through.
			let running = true;
			const bursts = devices.map(async (device) => {
				while (running) {
					device.plus += 1 + Math.floor(Math.random() * 3);
					await sync(device);
				}
			});
			// Once every device has had a sync acknowledged, a moment more, then the kill.
			await expect
				.poll(() => devices.every((d) => d.acknowledged > 0), { timeout: 30_000 })
				.toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
			await server.crash();
			running = false;
			await Promise.all(bursts);

			await server.restart();
			// A device with nothing new asks for the totals: every acknowledged count is there.
			const probe: Device = { id: randomId(), plus: 0, acknowledged: 0 };
			const after = (await sync(probe))!;
			const floor = expected((d) => d.acknowledged);
			expect(after.get(`${caseA}/letter`) ?? 0).toBeGreaterThanOrEqual(floor.letters);
			expect(after.get(`${caseB}/card`) ?? 0).toBeGreaterThanOrEqual(floor.cards);

			// Each device sends what it holds; the totals are then exactly the devices' sum.
			let totals: Map<string, number> | undefined;
			for (const device of devices) totals = await sync(device);
			const exact = expected((d) => d.plus);
			expect(totals!.get(`${caseA}/letter`)).toBe(exact.letters);
			expect(totals!.get(`${caseB}/card`)).toBe(exact.cards);
			console.info(
				`server-crash on ${backend.dialect}: ${exact.letters + exact.cards} counts, ` +
					`${floor.letters + floor.cards} acknowledged before the kill, 0 lost`
			);
		});
	});
}
