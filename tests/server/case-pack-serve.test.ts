/**
 * Serving the active pack: CASE_PACK_FILE published at start (or refused, keeping what was
 * active), the localized bodies and their ETags, and the GET /api/cases route module on the
 * process-wide database (an SQLite file in a temp DATA_DIR).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasePack, ServedCasePack } from '$lib/shared/case-pack';
import {
	activePack,
	listPublishedPacks,
	localizedPack,
	publishCasePack,
	samplePack
} from '$lib/server/case-pack';
import { startCasePacks } from '$lib/server/case-pack/start';
import { closeDb, getDb, openDatabase, type AppDb } from '$lib/server/db';
import { GET } from '../../src/routes/api/cases/+server';

const sample = (): CasePack => structuredClone(samplePack());
const renamed = (version: string): CasePack => ({ ...sample(), version });

const dir = mkdtempSync(join(tmpdir(), 'letterday-case-pack-'));
let fileCount = 0;
function writePack(content: unknown): string {
	const file = join(dir, `pack-${++fileCount}.json`);
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: AppDb;
let dbCount = 0;
const opened: AppDb[] = [];
async function openNumbered(n: number): Promise<AppDb> {
	const handle = await openDatabase({ sqliteFile: join(dir, `db-${n}.sqlite`) });
	opened.push(handle);
	return handle;
}
/** A new database; `file` plays CASE_PACK_FILE for its start. */
async function start(file?: string): Promise<AppDb> {
	db = await openNumbered(++dbCount);
	await startCasePacks(db, file ? { CASE_PACK_FILE: file } : {});
	return db;
}
/** The same database, as after a restart with another CASE_PACK_FILE. */
async function restart(file?: string): Promise<AppDb> {
	await opened.pop()?.close();
	db = await openNumbered(dbCount);
	await startCasePacks(db, file ? { CASE_PACK_FILE: file } : {});
	return db;
}
afterEach(async () => {
	await Promise.all(opened.splice(0).map((handle) => handle.close()));
	vi.restoreAllMocks();
});

describe('CASE_PACK_FILE at start', () => {
	it('publishes the file (not the sample) and serves it', async () => {
		await start(writePack(renamed('test.1')));
		expect((await activePack(db)).stamp.version).toBe('test.1');
		const packs = await listPublishedPacks(db);
		expect(packs.map((p) => [p.version, p.publishedBy])).toEqual([['test.1', 'file']]);
	});

	it('publishes nothing at a restart with the same content, a new pack when it changed', async () => {
		const file = writePack('\uFEFF' + JSON.stringify(renamed('test.2')));
		await start(file);
		await restart(file);
		expect(await listPublishedPacks(db)).toHaveLength(1);
		await restart(writePack(renamed('test.3')));
		expect((await activePack(db)).stamp.version).toBe('test.3');
		expect(await listPublishedPacks(db)).toHaveLength(2);
	});

	it('keeps the active pack when the file is invalid, unreadable or not JSON, and says why', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		await start(writePack(renamed('test.4')));
		const bad = sample();
		bad.cases[0]!.story.fr = '';
		bad.cases[1]!.id = 'rita-karasartova';
		const file = writePack(bad);
		await restart(file);
		expect(logged).toHaveBeenLastCalledWith(
			[
				`Invalid case pack (${file}), 2 problems:`,
				'  - case "rita-karasartova" (cases[0]): story.fr: must not be empty',
				'  - case "rita-karasartova" (cases[1]): id: duplicates the id of cases[0]'
			].join('\n')
		);
		await restart(writePack('{ "format": 1, "cases": [ }'));
		expect(logged).toHaveBeenLastCalledWith(
			expect.stringMatching(/^Invalid case pack \(.*\), 1 problem:\n {2}- not valid JSON: /)
		);
		await restart(join(dir, 'missing.json'));
		expect(logged).toHaveBeenLastCalledWith(
			expect.stringMatching(/^Cannot read case pack file .*missing\.json: ENOENT/)
		);
		expect((await activePack(db)).stamp.version).toBe('test.4');
		expect(await listPublishedPacks(db)).toHaveLength(1);
	});

	it('leaves an empty database empty when the file is invalid: no sample in its place', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		await start(writePack('not json'));
		await expect(activePack(db)).rejects.toThrow(/No case pack is published/);
	});
});

describe('localizedPack', () => {
	it('is computed once per language and pack, with a strong ETag of the body', async () => {
		await start();
		const en = await localizedPack(db, 'en');
		const fr = await localizedPack(db, 'fr');
		expect(await localizedPack(db, 'en')).toBe(en);
		expect(en.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
		expect(en.etag).not.toBe(fr.etag);
		expect(JSON.parse(en.body)).toEqual(en.pack);
		expect((JSON.parse(fr.body) as ServedCasePack).lang).toBe('fr');
		expect(en.pack.hash).toBe((await activePack(db)).stamp.hash);
		expect(fr.pack.hash).toBe(en.pack.hash);
	});

	it('changes with a newly published pack', async () => {
		await start();
		const before = await localizedPack(db, 'en');
		const changed = renamed('test.5');
		changed.cases[0]!.summary.en = 'Changed summary.';
		await publishCasePack(db, JSON.stringify(changed), 'organizer-1');
		const after = await localizedPack(db, 'en');
		expect(after.etag).not.toBe(before.etag);
		expect(after.pack.hash).not.toBe(before.pack.hash);
		expect(after.pack.cases[0]!.summary).toBe('Changed summary.');
	});
});

describe('GET /api/cases on the process-wide database', () => {
	const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
	const dataDir = join(dir, 'data');
	beforeEach(() => {
		process.env.DATA_DIR = dataDir;
		delete process.env.DATABASE_URL;
	});
	afterEach(async () => {
		await closeDb();
		for (const [key, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
	});

	function get(query: string, headers: Record<string, string> = {}): Promise<Response> {
		const url = new URL(`http://x/api/cases${query}`);
		const event = { url, request: new Request(url, { headers }) };
		return Promise.resolve(GET(event as unknown as Parameters<typeof GET>[0]));
	}

	it('answers 200 with the active pack in the asked language, an ETag and no-cache', async () => {
		const response = await get('?lang=fr');
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
		expect(response.headers.get('Cache-Control')).toBe('no-cache');
		const current = await localizedPack(await getDb(), 'fr');
		expect(response.headers.get('ETag')).toBe(current.etag);
		const body = (await response.json()) as ServedCasePack;
		expect(body.lang).toBe('fr');
		expect(body.version).toBe('2026.1');
		expect(body.cases[0]!.country).toBe('Kirghizistan');
		expect(body.hash).toBe(current.pack.hash);
	});

	it('serves a pack as soon as it is published through this process', async () => {
		await publishCasePack(await getDb(), JSON.stringify(renamed('test.6')), 'organizer-1');
		const body = (await (await get('?lang=en')).json()) as ServedCasePack;
		expect(body.version).toBe('test.6');
	});

	it('answers 304 with no body when If-None-Match holds the current ETag', async () => {
		const { etag } = await localizedPack(await getDb(), 'en');
		for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
			const response = await get('?lang=en', { 'If-None-Match': header });
			expect(response.status, header).toBe(304);
			expect(response.headers.get('ETag')).toBe(etag);
			expect(await response.text()).toBe('');
		}
	});

	it('answers 200 when If-None-Match holds a stale or other-language ETag', async () => {
		const { etag } = await localizedPack(await getDb(), 'fr');
		const response = await get('?lang=en', { 'If-None-Match': etag });
		expect(response.status).toBe(200);
		expect(((await response.json()) as ServedCasePack).lang).toBe('en');
	});

	it.each(['', '?lang=', '?lang=de', '?lang=EN', '?language=fr'])(
		'answers 400 bad_lang for %j',
		async (query) => {
			const response = await get(query);
			expect(response.status).toBe(400);
			const body = (await response.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('bad_lang');
			expect(body.error.message).toMatch(/"en" or "fr"/);
		}
	);

	it('answers 503 when no pack can be served', async () => {
		process.env.DATA_DIR = join(dir, 'empty-data');
		const saved = process.env.CASE_PACK_FILE;
		process.env.CASE_PACK_FILE = writePack('not json');
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const response = await get('?lang=en');
			expect(response.status).toBe(503);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
				'case_pack_unavailable'
			);
		} finally {
			quiet.mockRestore();
			if (saved === undefined) delete process.env.CASE_PACK_FILE;
			else process.env.CASE_PACK_FILE = saved;
		}
	});
});
