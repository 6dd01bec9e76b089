/**
 * Entry of a sync server child process (bundled by spawn-sync-server.ts): opens the database the
 * environment names, serves the sync handler over node:http and prints "listening {url}".
 */
import { activePack } from '$lib/server/case-pack';
import { openDatabase, databaseOptionsFromEnv } from '$lib/server/db';
import { serveSync } from './http-server';

const db = await openDatabase(databaseOptionsFromEnv());
const server = await serveSync({
	database: async () => db,
	cases: activePack
});
console.log(`listening ${server.url}`);

process.on('SIGTERM', async () => {
	await server.close();
	await db.close();
	process.exit(0);
});
