/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download does not work
 * on these machines). CHROMIUM_PATH points at another Chrome where there is one.
 */
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../../bench/chromium.js';

export const launchOptions = (extra: LaunchOptions = {}): LaunchOptions => ({
	executablePath: chromiumPath(),
	args: CHROMIUM_ARGS,
	headless: true,
	...extra
});

export interface Profile {
	dir: string;
	open(options?: { javaScriptEnabled?: boolean }): Promise<BrowserContext>;
	remove(): void;
}

/** A persistent profile: IndexedDB and the service worker live on disk, as on a real device. */
export function newProfile(): Profile {
	const dir = mkdtempSync(join(tmpdir(), 'letterday-profile-'));
	return {
		dir,
		open: (options = {}) =>
			chromium.launchPersistentContext(dir, {
				...launchOptions(),
				viewport: { width: 1000, height: 800 },
				...options
			}),
		remove: () => rmSync(dir, { recursive: true, force: true })
	};
}

export { chromium };
