/**
 * Security headers on every kind of response (a prerendered host screen, a participant page, an
 * organizer page, the API, a hashed script, the service worker, the manifest), and the
 * Content-Security-Policy in a real Chromium: the host app, a case page (its copy button is an
 * inline script) and the organizer login load and work with no violation reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { chromium, launchOptions } from './helpers/chromium';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
	server = await startAppServer();
	browser = await chromium.launch(launchOptions());
});

afterAll(async () => {
	await browser?.close();
	await disposeAppServer(server);
});

const get = (path: string) => fetch(server.url + path, { redirect: 'manual' });

/** A hashed script the host app loads, found in the prerendered start page. */
async function someScript(): Promise<string> {
	const html = await (await get('/')).text();
	return html.match(/\/_app\/immutable\/[^"]+\.js/)![0];
}

/** Opens a page and collects every CSP violation it reports. */
async function violationsOn(page: Page, path: string): Promise<string[]> {
	const seen: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
	});
	await page.goto(server.url + path, { waitUntil: 'networkidle' });
	return seen;
}

describe('security headers', () => {
	it('are on every kind of response', async () => {
		const paths = [
			'/',
			'/event/new',
			'/c/en',
			'/c/en/rocky-myers',
			'/organizer/login',
			'/api/health',
			'/api/nothing-here',
			'/service-worker.js',
			'/manifest.webmanifest'
		];
		for (const path of paths) {
			const headers = (await get(path)).headers;
			expect(headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
			expect(headers.get('x-frame-options'), path).toBe('DENY');
			expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
			expect(headers.get('permissions-policy'), path).toMatch(/microphone=\(\)/);
			// Served over plain http here: no HSTS (a browser would ignore it anyway).
			expect(headers.get('strict-transport-security'), path).toBeNull();
		}
	});

	it('on hashed scripts, only those that mean something there', async () => {
		const headers = (await get(await someScript())).headers;
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('x-frame-options')).toBeNull();
	});

	it('allow the camera on host screens and the relay page only', async () => {
		expect((await get('/join')).headers.get('permissions-policy')).toMatch(/camera=\(self\)/);
		expect((await get('/')).headers.get('permissions-policy')).toMatch(/camera=\(self\)/);
		expect((await get('/r')).headers.get('permissions-policy')).toMatch(/camera=\(self\)/);
		for (const path of ['/c/en', '/organizer/login', '/api/health']) {
			expect((await get(path)).headers.get('permissions-policy'), path).toMatch(/camera=\(\)/);
		}
	});

	it('give rendered pages SvelteKit’s script policy, with a fresh nonce each time', async () => {
		const first = (await get('/organizer/login')).headers.get('content-security-policy')!;
		const second = (await get('/organizer/login')).headers.get('content-security-policy')!;
		expect(first).toMatch(/script-src 'self'[^;]*'nonce-[^']+'/);
		expect(first).toContain("object-src 'none'");
		expect(first).not.toBe(second);
	});

	it('make the service worker script revalidate, and hashed scripts cache for good', async () => {
		expect((await get('/service-worker.js')).headers.get('cache-control')).toBe('no-cache');
		expect((await get(await someScript())).headers.get('cache-control')).toMatch(/immutable/);
	});

	it('send HSTS when the public origin is https', async () => {
		const https = await startAppServer({ ORIGIN: 'https://letterday.example' });
		try {
			const response = await fetch(`${https.url}/api/health`);
			expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
		} finally {
			await disposeAppServer(https);
		}
	});
});

describe('the Content-Security-Policy in Chromium', () => {
	it('lets the host app start, register its worker and show the case pack', async () => {
		const page = await browser.newPage();
		const violations = await violationsOn(page, '/');
		await page.getByTestId('pack-ready').waitFor({ timeout: 30_000 });
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
		expect(violations).toEqual([]);
		await page.close();
	});

	it('lets the case page’s copy button work (its inline script is allowed by hash)', async () => {
		const context = await browser.newContext({
			permissions: ['clipboard-read', 'clipboard-write']
		});
		const page = await context.newPage();
		const violations = await violationsOn(page, '/c/en/rocky-myers');
		const copy = page.getByRole('button', { name: /Copy the letter/i });
		// Hidden until the inline script shows it: visible means the script ran.
		await copy.waitFor({ state: 'visible' });
		expect(violations).toEqual([]);
		await context.close();
	});

	it('lets the organizer login page hydrate', async () => {
		const page = await browser.newPage();
		const violations = await violationsOn(page, '/organizer/login');
		await page.waitForFunction(() => document.querySelector('form') !== null);
		expect(violations).toEqual([]);
		await page.close();
	});

	it('refuses an injected inline script (the policy is real)', async () => {
		const page = await browser.newPage();
		const violations = await violationsOn(page, '/c/en');
		const ran = await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true';
			document.body.append(script);
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		await expect.poll(() => violations.length).toBeGreaterThan(0);
		await page.close();
	});
});
