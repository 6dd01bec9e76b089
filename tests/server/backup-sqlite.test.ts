/**
 * `npm run backup:sqlite -- <file>` (scripts/backup-sqlite.js, docs/deploy.md): a copy of the
 * SQLite database taken in another process while the app's own sync path keeps writing. The copy
 * is one consistent moment (a sync's two counters never split), the app opens it, and once the
 * writes stop a copy's totals equal the live database's. It never overwrites a file.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '$lib/shared/ids';
import { openDatabase, type AppDb } from '$lib/server/db';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(root, 'scripts/backup-sqlite.js');

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the script as npm would, in its own process, with the server's DATA_DIR. */
function backup(dataDir: string, target: string): Promise<Run> {
	return new Promise((done) => {
		execFile(
			process.execPath,
			[script, target],
			{ cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
			(error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

/** Every (event, case, kind) total, as the sync answers compute them. */
async function totals(db: AppDb): Promise<Record<string, number>> {
	const rows = await db.kysely
		.selectFrom('counters')
		.select(['event_id', 'case_id', 'kind'])
		.select((eb) => eb.fn.sum<number>(eb('plus', '-', eb.ref('minus'))).as('total'))
		.groupBy(['event_id', 'case_id', 'kind'])
		.execute();
	return Object.fromEntries(
		rows.map((row) => [`${row.event_id}/${row.case_id}/${row.kind}`, Number(row.total)])
	);
}

const sqlite = backends.find((backend) => backend.dialect === 'sqlite')!;

describe('npm run backup:sqlite', () => {
	let testDb: TestDatabase;
	let dataDir: string;
	let live: SyncHarness;
	const [caseA, caseB] = someCaseIds();
	const hot = newEvent();

	beforeAll(async () => {
		testDb = await sqlite.create();
		dataDir = (testDb.env as { DATA_DIR: string }).DATA_DIR;
		live = await SyncHarness.start(testDb);
		// Some events already counted, so the copy spans many pages.
		for (let e = 0; e < 40; e++) {
			const event = newEvent();
			for (let d = 0; d < 3; d++) {
				await live.sync(
					event.id,
					event.key,
					snapshot(randomId(), [
						{ caseId: caseA!, kind: 'letter', plus: 10 + e + d, minus: d },
						{ caseId: caseB!, kind: 'card', plus: 5 + e, minus: 0 }
					])
				);
			}
		}
	});
	afterAll(async () => {
		await live?.close();
		await testDb?.destroy();
	});

	it('copies a database the app is writing to, as one consistent moment the app can open', async () => {
		const device = randomId();
		let written = 0;
		let stop = false;
		// Each sync raises two counters together, in one transaction: a copy taken between its
		// statements would show them apart.
		const writer = (async () => {
			while (!stop) {
				const n = written + 1;
				await live.sync(
					hot.id,
					hot.key,
					snapshot(device, [
						{ caseId: caseA!, kind: 'online', plus: n, minus: 0 },
						{ caseId: caseB!, kind: 'petition', plus: n, minus: 0 }
					])
				);
				written = n;
				// The sync path can finish without leaving the microtask queue: yield, so the
				// child process's exit is heard.
				await new Promise((next) => setImmediate(next));
			}
		})();
		while (written < 5) await new Promise((wait) => setTimeout(wait, 5));

		const target = join(dataDir, 'during.sqlite');
		const before = written;
		const run = await backup(dataDir, target);
		const during = written - before;
		stop = true;
		await writer;

		expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
		expect(run.stdout).toContain(`to ${target} (`);
		expect(during).toBeGreaterThan(0);
		expect(statSync(target).mode & 0o777).toBe(0o600);

		const copy = await openDatabase({ sqliteFile: target });
		try {
			const copied = await totals(copy);
			const online = copied[`${hot.id}/${caseA}/online`]!;
			expect(online).toBeGreaterThanOrEqual(before);
			expect(online).toBeLessThanOrEqual(written);
			expect(copied[`${hot.id}/${caseB}/petition`]).toBe(online);
			// The events that were not being written are all there, to the letter.
			const rest = (all: Record<string, number>) =>
				Object.entries(all).filter(([key]) => !key.startsWith(`${hot.id}/`));
			expect(rest(copied)).toEqual(rest(await totals(live.db)));
		} finally {
			await copy.close();
		}
	});

	it('once writes stop, the copy holds the same totals as the live database', async () => {
		const target = join(dataDir, 'after.sqlite');
		const run = await backup(dataDir, target);
		expect(run.code, run.stderr).toBe(0);

		const copyDb: TestDatabase = {
			...testDb,
			options: { sqliteFile: target },
			open: () => openDatabase({ sqliteFile: target })
		};
		const restored = await SyncHarness.start(copyDb);
		try {
			expect(await totals(restored.db)).toEqual(await totals(live.db));
			// A server on the copy answers the hot event's key with the same totals.
			const pull = snapshot(randomId(), []);
			expect((await restored.sync(hot.id, hot.key, pull)).totals).toEqual(
				(await live.sync(hot.id, hot.key, pull)).totals
			);
		} finally {
			await restored.close();
		}
	});

	it('refuses to overwrite a file and leaves nothing half-made behind', async () => {
		const target = join(dataDir, 'after.sqlite');
		const bytes = readFileSync(target);
		const run = await backup(dataDir, target);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('already exists; not overwriting it');
		expect(readFileSync(target).equals(bytes)).toBe(true);

		const missing = await backup(join(dataDir, 'nowhere'), join(dataDir, 'other.sqlite'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('no database at');
		expect(readdirSync(dataDir).filter((name) => name.includes('.partial-'))).toEqual([]);
	});
});
