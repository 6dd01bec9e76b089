/**
 * The storage error classifier, fed errors that Dexie itself raised wherever they can be
 * provoked here: a put the browser refuses for quota, an IndexedDB that refuses to open, an
 * IndexedDB that is not there. What cannot be provoked in fake-indexeddb (a transaction that the
 * browser aborts at commit for quota, as Chrome does) is built the way Dexie builds it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { classifyStorageError } from '$lib/client/db/storage-errors';
import { tap } from '$lib/client/repos/tally';

const realFactory = Dexie.dependencies.indexedDB;
const realPut = IDBObjectStore.prototype.put;
let database: LetterdayDB | undefined;

afterEach(async () => {
	Dexie.dependencies.indexedDB = realFactory;
	IDBObjectStore.prototype.put = realPut;
	await database?.delete().catch(() => {});
	database = undefined;
});

/** A LetterdayDB whose IndexedDB is `factory` (Dexie reads its dependencies when constructed). */
function databaseOver(factory: IDBFactory): LetterdayDB {
	Dexie.dependencies.indexedDB = factory;
	database = new LetterdayDB(`storage-errors-${Math.random()}`);
	Dexie.dependencies.indexedDB = realFactory;
	return database;
}

/** What an open that the browser refuses looks like: the request fails with `name`. */
function refusingFactory(name: string): IDBFactory {
	return Object.assign(Object.create(realFactory), {
		open() {
			const request = { error: new DOMException('The operation failed', name) } as {
				error: DOMException;
				onerror?: (event: unknown) => void;
			};
			setTimeout(() =>
				request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} })
			);
			return request;
		}
	});
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected a rejection');
}

describe('classifyStorageError', () => {
	it('finds a full disk in a tap that the browser refused to store', async () => {
		database = new LetterdayDB(`storage-errors-${Math.random()}`);
		useDatabase(database);
		await tap('event-a', 'case-1', 'letter');
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		const error = await rejectionOf(tap('event-a', 'case-1', 'letter'));
		// Dexie wraps the browser's DOMException in its own error class.
		expect(error).toBeInstanceOf(Dexie.QuotaExceededError);
		expect(classifyStorageError(error)).toBe('quota');
		IDBObjectStore.prototype.put = realPut;
		// The transaction stored nothing: the first tap is there, the refused one is not.
		expect(await database.counters.get(['event-a', 'case-1', 'letter'])).toMatchObject({
			plus: 1,
			rev: 1
		});
	});

	it('finds a full disk when the browser aborts the transaction for it', () => {
		// Chrome checks quota at commit and aborts; Dexie then rejects with AbortError(inner).
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(classifyStorageError(new Dexie.AbortError(quota))).toBe('quota');
		expect(classifyStorageError(new Dexie.QuotaExceededError('full'))).toBe('quota');
		expect(classifyStorageError(quota)).toBe('quota');
	});

	it('finds an IndexedDB that refuses to open, as private windows do', async () => {
		const db = databaseOver(refusingFactory('InvalidStateError'));
		const opening = await rejectionOf(db.open());
		expect(classifyStorageError(opening, 'open')).toBe('cannotOpen');
		// Later reads and writes fail with Dexie's wrapper around the same cause.
		const reading = await rejectionOf(db.counters.count());
		expect((reading as Error).name).toMatch(/OpenFailedError|DatabaseClosedError/);
		expect(classifyStorageError(reading)).toBe('cannotOpen');
	});

	it('finds an IndexedDB that fails to open with an unknown error', async () => {
		const db = databaseOver(refusingFactory('UnknownError'));
		expect(classifyStorageError(await rejectionOf(db.open()), 'open')).toBe('cannotOpen');
	});

	it('does not send the host to another browser for a passing error on a write', async () => {
		// Safari loses its IndexedDB server now and then ("Connection to Indexed Database server
		// lost"): an UnknownError on a write, which a reload cures.
		database = new LetterdayDB(`storage-errors-${Math.random()}`);
		useDatabase(database);
		await tap('event-a', 'case-1', 'letter');
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('Connection to Indexed Database server lost.', 'UnknownError');
		};
		const error = await rejectionOf(tap('event-a', 'case-1', 'letter'));
		expect(error).toBeInstanceOf(Dexie.UnknownError);
		expect(classifyStorageError(error)).toBe('other');
		expect(classifyStorageError(error, 'open')).toBe('cannotOpen');
	});

	it('finds a browser with no IndexedDB at all', async () => {
		const db = databaseOver(Object.assign(Object.create(realFactory), { open: () => undefined }));
		const error = await rejectionOf(db.open());
		expect(error).toBeInstanceOf(Dexie.MissingAPIError);
		expect(classifyStorageError(error)).toBe('cannotOpen');
		expect(classifyStorageError(await rejectionOf(db.counters.count()))).toBe('cannotOpen');
	});

	it('calls anything else "other"', async () => {
		database = new LetterdayDB(`storage-errors-${Math.random()}`);
		useDatabase(database);
		database.counters.hook('creating', () => {
			throw new Error('a bug');
		});
		expect(classifyStorageError(await rejectionOf(tap('event-a', 'case-1', 'card')))).toBe('other');
		expect(classifyStorageError(new RangeError('count must be a whole number'))).toBe('other');
		// Closed on purpose (another tab upgrading the schema), not refused: Dexie reopens it.
		expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('other');
		expect(classifyStorageError(undefined)).toBe('other');
		expect(classifyStorageError('text')).toBe('other');
	});

	it('does not loop on an error that is its own cause', () => {
		const looped = { name: 'Error', inner: null as unknown };
		looped.inner = looped;
		expect(classifyStorageError(looped)).toBe('other');
	});
});
