/**
 * The printed QR codes point where the app is served. The server is started as the README's first
 * command starts it (`npm start`: scripts/start.js, no ORIGIN given), and the print kit's and the
 * poster's codes, taken from a Chromium screenshot and decoded with jsQR, must open that same
 * origin, over plain HTTP: the announced address, the host screen's QR, the organizer login and
 * the printed codes all agree. A second server with ORIGIN set prints that origin instead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';
import { decodeQr } from './helpers/qr';

interface Started {
	child: ChildProcess;
	dataDir: string;
	/** The address the server announced on its console. */
	announced: string;
}

const started: Started[] = [];
let browser: Browser | undefined;

afterAll(async () => {
	await browser?.close();
	for (const { child, dataDir } of started) {
		if (child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dataDir, { recursive: true, force: true });
	}
});

/** `node scripts/start.js`, what `npm start` runs, with only a port and a scratch data folder. */
async function npmStart(env: Record<string, string> = {}, given?: number): Promise<Started> {
	const port = given ?? (await freePort());
	const dataDir = mkdtempSync(join(tmpdir(), 'letterday-start-'));
	const clean = { ...process.env };
	for (const name of ['ORIGIN', 'HOST', 'DATABASE_URL', 'PROTOCOL_HEADER', 'HOST_HEADER']) {
		delete clean[name];
	}
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...clean, PORT: String(port), DATA_DIR: dataDir, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const server: Started = { child, dataDir, announced: '' };
	started.push(server);
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
		const up = await fetch(`http://127.0.0.1:${port}/api/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (up) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	// Building inside the test would mean the build is stale: `npm test` builds first.
	expect(log).not.toContain('Building Letterday');
	server.announced = /Letterday on (\S+)/.exec(log)?.[1] ?? '';
	return server;
}

async function openPage(url: string): Promise<Page> {
	browser ??= await chromium.launch(launchOptions());
	const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
	await page.goto(url);
	return page;
}

/** Every case's QR on the print kit, decoded. */
async function printedCodes(page: Page): Promise<string[]> {
	const codes = page.locator('.sheet figure svg, .sheet svg');
	const count = await codes.count();
	expect(count).toBeGreaterThanOrEqual(8);
	const decoded: string[] = [];
	for (let i = 0; i < count; i++) decoded.push((await decodeQr(codes.nth(i))) ?? 'unreadable');
	return decoded;
}

describe('printed QR codes', () => {
	it('open the origin `npm start` serves and announces, over plain HTTP', async () => {
		const port = await freePort();
		const server = await npmStart({}, port);
		// The README: "serves the app on http://localhost:3000".
		const origin = `http://localhost:${port}`;

		const print = await openPage(`${origin}/c/en/print`);
		const codes = await printedCodes(print);
		for (const code of codes) expect(code).toMatch(new RegExp(`^${origin}/c/en/[a-z0-9-]+$`));
		// Each code opens its own case sheet on this server.
		expect((await fetch(codes[0]!)).status).toBe(200);
		// localhost is this computer only: the page says so before anyone prints for phones.
		expect(await print.getByRole('note').textContent()).toContain(
			`These QR codes open ${origin}, an address only this computer can reach`
		);

		const poster = await openPage(`${origin}/c/fr/poster?event=Soirée%20d’écriture`);
		expect(await decodeQr(poster.locator('svg').first())).toBe(`${origin}/c/fr`);
		expect(server.announced).toBe(origin);
	});

	it('open ORIGIN when it is set, wherever the page was opened from', async () => {
		const port = await freePort();
		// The address phones would use (a name this test never needs to resolve).
		const origin = `http://letterday.test:${port}`;
		const server = await npmStart({ ORIGIN: origin }, port);
		expect(server.announced).toBe(origin);
		const print = await openPage(`http://localhost:${port}/c/en/print`);
		for (const code of await printedCodes(print)) {
			expect(code).toMatch(new RegExp(`^${origin}/c/en/[a-z0-9-]+$`));
		}
		expect(await print.getByRole('note').count()).toBe(0);
		const poster = await openPage(`http://127.0.0.1:${port}/c/en/poster`);
		expect(await decodeQr(poster.locator('svg').first())).toBe(`${origin}/c/en`);
		expect(await poster.getByRole('note').count()).toBe(0);
	});
});
