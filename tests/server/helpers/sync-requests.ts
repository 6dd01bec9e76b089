/** Builders for sync requests and a harness that calls the endpoint's handler directly. */
import { randomEventKey, randomId } from '$lib/shared/ids';
import { SYNC_FORMAT_VERSION, type CounterState } from '$lib/shared/domain';
import type { CounterSnapshot, SnapshotEventDetails, SyncAnswer } from '$lib/shared/sync-wire';
import { activePack, samplePack } from '$lib/server/case-pack';
import type { AppDb } from '$lib/server/db';
import { handleSync, type SyncDeps } from '$lib/server/sync/handler';
import type { TestDatabase } from './databases';

/** Real case ids of the bundled sample (the pack a fresh database is seeded with), in order. */
export function someCaseIds(): string[] {
	return samplePack().cases.map((sheet) => sheet.id);
}

export function newEvent(): { id: string; key: string } {
	return { id: randomId(), key: randomEventKey() };
}

export function details(overrides: Partial<SnapshotEventDetails> = {}): SnapshotEventDetails {
	return {
		name: 'Write for Rights at the library',
		venue: 'Main branch, room 2',
		city: 'Ottawa',
		province: 'ON',
		date: '2026-12-10',
		updatedAt: 1_000,
		...overrides
	};
}

export function snapshot(
	deviceId: string,
	counters: CounterState[],
	event: SnapshotEventDetails = details()
): CounterSnapshot {
	return { format: SYNC_FORMAT_VERSION, deviceId, event, counters };
}

export interface RequestInit2 {
	headers?: Record<string, string>;
	/** Sent as is instead of JSON.stringify(body). */
	raw?: BodyInit;
}

export function syncRequest(
	baseUrl: string,
	eventId: string,
	key: string | null,
	body: unknown,
	init: RequestInit2 = {}
): Request {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	return new Request(`${baseUrl}/api/events/${encodeURIComponent(eventId)}/sync`, {
		method: 'POST',
		headers: { ...headers, ...init.headers },
		body: init.raw ?? JSON.stringify(body)
	});
}

/** The endpoint over one test database, restartable: restart closes and reopens the handle. */
export class SyncHarness {
	#db: AppDb | undefined;
	readonly deps: SyncDeps;

	private constructor(
		readonly testDb: TestDatabase,
		now?: () => number
	) {
		this.deps = {
			database: async () => (this.#db ??= await testDb.open()),
			cases: activePack,
			now
		};
	}

	static async start(testDb: TestDatabase, now?: () => number): Promise<SyncHarness> {
		const harness = new SyncHarness(testDb, now);
		await harness.deps.database();
		return harness;
	}

	get db(): AppDb {
		if (!this.#db) throw new Error('the harness is closed');
		return this.#db;
	}

	handle(request: Request, eventId: string): Promise<Response> {
		return handleSync(request, eventId, this.deps);
	}

	async post(
		eventId: string,
		key: string | null,
		body: unknown,
		init?: RequestInit2
	): Promise<Response> {
		return this.handle(syncRequest('http://test.local', eventId, key, body, init), eventId);
	}

	/** Posts and expects 200; returns the answer. */
	async sync(eventId: string, key: string, body: CounterSnapshot): Promise<SyncAnswer> {
		const response = await this.post(eventId, key, body);
		if (response.status !== 200) {
			throw new Error(`sync answered ${response.status}: ${await response.text()}`);
		}
		return (await response.json()) as SyncAnswer;
	}

	/** Simulates a server restart: the next request opens the database afresh. */
	async restart(): Promise<void> {
		await this.close();
		await this.deps.database();
	}

	async close(): Promise<void> {
		const db = this.#db;
		this.#db = undefined;
		await db?.close();
	}
}

/** Everything stored, in a stable order: compare before and after to prove nothing changed. */
export async function storedState(db: AppDb) {
	const events = await db.kysely.selectFrom('events').selectAll().orderBy('id').execute();
	const counters = await db.kysely
		.selectFrom('counters')
		.selectAll()
		.orderBy('event_id')
		.orderBy('device_id')
		.orderBy('case_id')
		.orderBy('kind')
		.execute();
	return { events, counters };
}
