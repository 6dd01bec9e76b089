// `npm run backup:sqlite -- <target-file>`: copies the server's SQLite database
// (${DATA_DIR:-./data}/letterday.sqlite) with SQLite's online backup API, so it is safe while the
// server runs and takes syncs: the copy is one consistent moment of the database. It never
// overwrites a file, and prints what it wrote. Restoring is in docs/deploy.md.
import {
	chmodSync,
	constants,
	copyFileSync,
	existsSync,
	linkSync,
	rmSync,
	statSync
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

function fail(message) {
	console.error(`backup:sqlite: ${message}`);
	process.exit(1);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith('-')) {
	console.error('usage: npm run backup:sqlite -- <target-file>   (reads DATA_DIR, default ./data)');
	process.exit(2);
}
if (process.env.DATABASE_URL) {
	fail('DATABASE_URL is set: this server keeps its data in PostgreSQL; back it up with pg_dump.');
}

const source = resolve(process.env.DATA_DIR || './data', 'letterday.sqlite');
const target = resolve(args[0]);
if (!existsSync(source)) fail(`no database at ${source} (set DATA_DIR to the server's).`);
if (existsSync(target)) fail(`${target} already exists; not overwriting it.`);
if (!existsSync(dirname(target))) fail(`no directory ${dirname(target)} for the copy.`);

// Written beside the target, then linked into place: a failed run leaves no half-made file
// under the target's name, and the link fails if the name was taken meanwhile.
const partial = `${target}.partial-${process.pid}`;
try {
	const db = new Database(source, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		// Every page in one step, under one read transaction: in WAL mode the server keeps
		// writing meanwhile, and no write can make the copy start over (as small steps would).
		await db.backup(partial, { progress: () => 0x7fffffff });
	} finally {
		db.close();
	}
	chmodSync(partial, 0o600); // it holds password and key hashes

	const copy = new Database(partial, { fileMustExist: true });
	let summary;
	try {
		// One self-contained file, no -wal beside it; the server turns WAL back on when it opens it.
		copy.pragma('journal_mode = DELETE');
		const check = copy.pragma('quick_check', { simple: true });
		if (check !== 'ok') throw new Error(`the copy fails SQLite's quick_check: ${check}`);
		const count = (table) => copy.prepare(`select count(*) as n from ${table}`).get().n;
		summary = `${count('events')} events, ${count('counters')} counter rows`;
	} finally {
		copy.close();
	}

	try {
		linkSync(partial, target);
	} catch (error) {
		if (error.code === 'EEXIST')
			throw new Error(`${target} appeared meanwhile; not overwriting it.`, { cause: error });
		// A file system without hard links: an exclusive copy still refuses to overwrite.
		copyFileSync(partial, target, constants.COPYFILE_EXCL);
	}
	const bytes = statSync(target).size;
	console.log(
		`Backed up ${source}\n       to ${target} (${bytes} bytes; ${summary}; quick_check ok)`
	);
} catch (error) {
	console.error(`backup:sqlite: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	rmSync(partial, { force: true });
}
