/**
 * Two built servers (`node build`) on one database, as Letterday scales out on PostgreSQL (and
 * two processes on one SQLite file): a login on one process is honoured by the other, a logout
 * on the other ends it on the first, and neither prints the password or the session. Needs
 * `npm run build` (npm test builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOrganizerPassword } from '$lib/server/auth/organizer/accounts';
import { SESSION_COOKIE } from '$lib/server/auth/organizer/sessions';
import type { AppDb } from '$lib/server/db';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';
import { backends, type TestDatabase } from './helpers/databases';

const EMAIL = 'ana@example.org';
const PASSWORD = 'correct horse battery';

for (const backend of backends) {
	describe.skipIf(backend.skip)(
		`organizer sessions across two processes on ${backend.dialect}`,
		() => {
			let testDb: TestDatabase;
			let db: AppDb;
			let servers: AppServer[] = [];
			let cookie = '';

			beforeAll(async () => {
				testDb = await backend.create();
				db = await testDb.open(); // schema and tables exist before the processes start
				await setOrganizerPassword(db, EMAIL, PASSWORD);
				servers = await Promise.all([startAppServer(testDb.env), startAppServer(testDb.env)]);
			});
			afterAll(async () => {
				await Promise.all(servers.map((server) => disposeAppServer(server)));
				await db?.close();
				await testDb?.destroy();
			});

			const [a, b] = [() => servers[0]!, () => servers[1]!];

			const logInOn = (server: AppServer, origin = server.url) =>
				fetch(`${server.url}/organizer/login`, {
					method: 'POST',
					// As a browser without JavaScript posts the form (for */* SvelteKit answers JSON).
					headers: {
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
					redirect: 'manual'
				});

			it('logs in on the first process with an HttpOnly, SameSite cookie on /organizer', async () => {
				const response = await logInOn(a());
				expect(response.status).toBe(303);
				expect(response.headers.get('location')).toBe('/organizer');
				const [setCookie] = response.headers
					.getSetCookie()
					.filter((line) => line.startsWith(`${SESSION_COOKIE}=`));
				expect(setCookie).toMatch(/; HttpOnly/i);
				expect(setCookie).toMatch(/; SameSite=Lax/i);
				expect(setCookie).toMatch(/; Path=\/organizer(;|$)/i);
				// Served over http here; Secure comes with an https ORIGIN.
				expect(setCookie).not.toMatch(/; Secure/i);
				cookie = setCookie!.split(';')[0]!;
			});

			it('reads an organizer page on the second process with that cookie', async () => {
				const response = await fetch(`${b().url}/organizer/team`, {
					headers: { cookie },
					redirect: 'manual'
				});
				expect(response.status).toBe(200);
				expect(await response.text()).toContain(EMAIL);
				const without = await fetch(`${b().url}/organizer/team`, { redirect: 'manual' });
				expect(without.status).toBe(303);
			});

			it('refuses a login posted from another origin, as a form or as anything else', async () => {
				// SvelteKit's own check answers first for form bodies; the gate answers the rest.
				expect((await logInOn(a(), b().url)).status).toBe(403);
				const json = await fetch(`${a().url}/organizer/login`, {
					method: 'POST',
					headers: { origin: b().url, 'content-type': 'application/json' },
					body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
					redirect: 'manual'
				});
				expect(json.status).toBe(403);
				expect(await json.json()).toMatchObject({ error: { code: 'cross_origin' } });
			});

			it('logs out on the second process, and the first no longer knows the cookie', async () => {
				const out = await fetch(`${b().url}/organizer/logout`, {
					method: 'POST',
					headers: { cookie, origin: b().url, accept: 'text/html' },
					redirect: 'manual'
				});
				expect(out.status).toBe(303);
				const after = await fetch(`${a().url}/organizer/team`, {
					headers: { cookie },
					redirect: 'manual'
				});
				expect(after.status).toBe(303);
				expect(after.headers.get('location')).toBe('/organizer/login?next=%2Forganizer%2Fteam');
			});

			it('printed neither the password nor the session token', () => {
				const token = cookie.split('=')[1]!;
				expect(token).toMatch(/^[\w-]{43}$/);
				for (const server of servers) {
					expect(server.output()).not.toContain(PASSWORD);
					expect(server.output()).not.toContain(token);
				}
			});
		}
	);
}
