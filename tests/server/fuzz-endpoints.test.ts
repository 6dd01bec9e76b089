/**
 * Fuzzing the built server (`node build`) over real HTTP, on SQLite and PostgreSQL: random bodies,
 * headers and sizes against the sync endpoint, the case-pack upload, the login and the exports.
 * Whatever arrives, the answer is never a 5xx, and a refused request changes nothing a person
 * would count on (events, counts, packs, accounts, sessions). Login attempts are the one thing a
 * refused login may add: counting them is how guessing is limited. docs/reliability.md records
 * the runs. Needs `npm run build` (npm test builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { sql } from 'kysely';
import { setOrganizerPassword } from '$lib/server/auth/organizer/accounts';
import { SESSION_COOKIE } from '$lib/server/auth/organizer/sessions';
import type { AppDb } from '$lib/server/db';
import { randomEventKey, randomId } from '$lib/shared/ids';
import samplePack from '$lib/server/case-pack/sample-pack.json';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';
import { backends, type TestDatabase } from './helpers/databases';

const EMAIL = 'fuzz@example.org';
const PASSWORD = 'a long enough passphrase';
const RUNS = 40;
const TABLES = [
	'events',
	'counters',
	'case_packs',
	'case_pack_cases',
	'case_pack_active',
	'organizers',
	'organizer_sessions'
] as const;

/** Row counts plus a digest of the counters, enough to see any insert, delete or raised count. */
async function fingerprint(db: AppDb): Promise<string> {
	const parts: string[] = [];
	for (const table of TABLES) {
		const { rows } = await sql<{
			n: number;
		}>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely);
		parts.push(`${table}:${Number(rows[0]!.n)}`);
	}
	const { rows } = await sql<{
		p: number | null;
		m: number | null;
	}>`select sum(plus) as p, sum(minus) as m from counters`.execute(db.kysely);
	const { rows: details } = await sql<{
		s: string | null;
	}>`select max(details_updated_at) as s from events`.execute(db.kysely);
	parts.push(`plus:${Number(rows[0]!.p ?? 0)}`, `minus:${Number(rows[0]!.m ?? 0)}`);
	parts.push(`details:${String(details[0]!.s ?? '')}`);
	return parts.join(' ');
}

const someCase = samplePack.cases[0]!.id;

/** A sync body: sometimes valid, mostly almost valid, sometimes anything at all. */
const syncBody = fc.oneof(
	fc.jsonValue().map((value) => JSON.stringify(value)),
	fc
		.record({
			format: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
			deviceId: fc.oneof(fc.constant(randomId()), fc.string({ maxLength: 80 })),
			counters: fc.array(
				fc.record({
					caseId: fc.oneof(fc.constant(someCase), fc.string({ maxLength: 70 })),
					kind: fc.constantFrom('letter', 'card', 'petition', 'online', 'participants', 'x'),
					plus: fc.oneof(fc.nat(1000), fc.integer(), fc.double(), fc.string()),
					minus: fc.oneof(fc.nat(10), fc.integer(), fc.constant(null))
				}),
				{ maxLength: 6 }
			),
			event: fc.option(
				fc.record({
					name: fc.string({ maxLength: 300 }),
					venue: fc.string({ maxLength: 50 }),
					city: fc.string({ maxLength: 50 }),
					province: fc.constantFrom('NB', 'ON', 'ZZ', ''),
					date: fc.constantFrom('2026-12-10', '2026-02-30', 'tomorrow'),
					lang: fc.constantFrom('en', 'fr', 'de'),
					expected: fc.oneof(fc.constant(null), fc.integer()),
					updatedAt: fc.oneof(fc.nat(), fc.constant(Date.now() + 10 * 365 * 86_400_000)),
					deviceId: fc.string({ maxLength: 40 })
				}),
				{ nil: undefined }
			)
		})
		.map((value) => JSON.stringify(value)),
	fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
	fc.nat(3).map((n) => 'x'.repeat(200_000 * (n + 1)))
);

const contentType = fc.constantFrom(
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=zz',
	''
);
const authorization = fc.oneof(
	fc.constant(`Bearer ${randomEventKey()}`),
	fc.constant(''),
	fc.string({ maxLength: 200 }).map((s) => `Bearer ${s}`),
	fc.string({ maxLength: 60 })
);
const eventId = fc.oneof(
	fc.constant(randomId()),
	fc.string({ minLength: 1, maxLength: 120 }).map(encodeURIComponent)
);

interface RawInit {
	method?: string;
	headers?: Record<string, string>;
	body?: Buffer;
}
interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

/**
 * One request on a connection of its own (fetch would reuse a kept-alive socket, so a reset
 * caused by one request could surface on the next). Headers a random string made unsendable are
 * left out.
 */
function rawRequest(url: string, init: RawInit): Promise<RawResponse> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(init.headers ?? {})) {
		if (!value) continue;
		try {
			validateHeaderValue(name, value);
			headers[name] = value;
		} catch {
			// not a header value HTTP can carry: leave it out
		}
	}
	if (init.body) headers['content-length'] = String(init.body.byteLength);
	return new Promise((resolve, reject) => {
		const request = httpRequest(url, { method: init.method ?? 'GET', headers, agent: false });
		request.on('error', reject);
		request.on('response', (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers,
					text: Buffer.concat(chunks).toString('utf8')
				})
			);
		});
		request.end(init.body);
	});
}

/** A multipart body as a browser would send it, with its boundary. */
async function multipart(form: FormData): Promise<{ type: string; body: Buffer }> {
	const encoded = new Response(form);
	return {
		type: encoded.headers.get('content-type')!,
		body: Buffer.from(await encoded.arrayBuffer())
	};
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`fuzzing the endpoints on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let db: AppDb;
		let server: AppServer;
		let cookie = '';
		/** Answers by status ('reset' for a connection closed early), printed for the record. */
		const seen = new Map<string, number>();
		const note = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

		beforeAll(async () => {
			testDb = await backend.create();
			db = await testDb.open();
			await setOrganizerPassword(db, EMAIL, PASSWORD);
			server = await startAppServer(testDb.env);
			const login = await fetch(`${server.url}/organizer/login`, {
				method: 'POST',
				headers: {
					origin: server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
				redirect: 'manual'
			});
			cookie = login.headers
				.getSetCookie()
				.find((line) => line.startsWith(`${SESSION_COOKIE}=`))!
				.split(';')[0]!;
		});
		afterAll(async () => {
			console.info(`fuzz on ${backend.dialect}: ${JSON.stringify(Object.fromEntries(seen))}`);
			await disposeAppServer(server);
			await db?.close();
			await testDb?.destroy();
		});

		/**
		 * Sends one request; a refused one must leave the database as it was. A server may refuse a
		 * large body before reading it and close the connection, which the sender sees as a reset
		 * while still writing: allowed above 16 KB, and it must change nothing either.
		 */
		async function send(path: string, init: RawInit): Promise<RawResponse | undefined> {
			const before = await fingerprint(db);
			let response: RawResponse;
			try {
				response = await rawRequest(server.url + path, init);
			} catch (failure) {
				note('reset');
				expect(init.body?.byteLength ?? 0, `${path}: ${String(failure)}`).toBeGreaterThan(16_384);
				expect(await fingerprint(db)).toBe(before);
				return undefined;
			}
			note(String(response.status));
			expect(
				response.status,
				`${init.method ?? 'GET'} ${path}: ${response.text.slice(0, 200)}`
			).toBeLessThan(500);
			if (response.status >= 400) expect(await fingerprint(db)).toBe(before);
			return response;
		}

		it('sync: never a 5xx, a refusal changes nothing, an error has a code', async () => {
			await fc.assert(
				fc.asyncProperty(
					eventId,
					syncBody,
					contentType,
					authorization,
					async (id, body, type, auth) => {
						const response = await send(`/api/events/${id}/sync`, {
							method: 'POST',
							headers: { 'content-type': type, authorization: auth },
							body: Buffer.from(body)
						});
						// Only a JSON body reaches the endpoint: SvelteKit refuses a cross-site form first.
						if (response && response.status >= 400 && type.startsWith('application/json')) {
							expect(response.headers['content-type']).toMatch(/json/);
							expect(JSON.parse(response.text).error.code).toEqual(expect.any(String));
						}
					}
				),
				{ numRuns: RUNS }
			);
		});

		it('case-pack upload: never a 5xx, a refused file publishes nothing', async () => {
			const valid = JSON.stringify(samplePack);
			const file = fc.oneof(
				fc.jsonValue().map((value) => JSON.stringify(value)),
				fc.nat(valid.length).map((cut) => valid.slice(0, cut)),
				fc
					.record({
						key: fc.constantFrom('format', 'version', 'cases', 'notice'),
						value: fc.jsonValue()
					})
					.map(({ key, value }) => JSON.stringify({ ...samplePack, [key]: value })),
				fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes).toString('latin1'))
			);
			await fc.assert(
				fc.asyncProperty(file, fc.boolean(), fc.boolean(), async (text, withCookie, sameOrigin) => {
					const form = new FormData();
					form.set('pack', new Blob([text]), 'pack.json');
					const { type, body } = await multipart(form);
					await send('/organizer/packs', {
						method: 'POST',
						headers: {
							cookie: withCookie ? cookie : '',
							origin: sameOrigin ? server.url : 'https://evil.example',
							accept: 'text/html',
							'content-type': type
						},
						body
					});
				}),
				{ numRuns: RUNS }
			);
		});

		it('login: never a 5xx, a refused login opens no session', async () => {
			const field = fc.oneof(fc.string({ maxLength: 400 }), fc.constant(EMAIL), fc.constant(''));
			await fc.assert(
				fc.asyncProperty(field, field, contentType, async (email, password, type) => {
					const body =
						type === 'application/x-www-form-urlencoded' || type === ''
							? new URLSearchParams({ email, password }).toString()
							: JSON.stringify({ email, password });
					await send('/organizer/login', {
						method: 'POST',
						headers: { origin: server.url, accept: 'text/html', 'content-type': type },
						body: Buffer.from(body)
					});
				}),
				{ numRuns: RUNS }
			);
		});

		it('exports: never a 5xx, with or without a session, and nothing changes', async () => {
			const name = fc.oneof(
				fc.constantFrom('cases.csv', 'events.csv', 'provinces.csv', 'cases.json', 'x.csv'),
				fc.string({ minLength: 1, maxLength: 60 }).map(encodeURIComponent)
			);
			const query = fc.dictionary(
				fc.constantFrom('province', 'from', 'to', 'q', 'lang', 'sort'),
				fc.string({ maxLength: 40 })
			);
			await fc.assert(
				fc.asyncProperty(name, query, fc.boolean(), async (file, params, withCookie) => {
					const before = await fingerprint(db);
					const search = new URLSearchParams(params).toString();
					await send(`/organizer/export/${file}${search ? `?${search}` : ''}`, {
						headers: { cookie: withCookie ? cookie : '' }
					});
					expect(await fingerprint(db)).toBe(before);
				}),
				{ numRuns: RUNS }
			);
		});
	});
}
