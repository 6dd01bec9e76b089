/**
 * Downloads the case pack from the server into the device's copy (repos/cases). Runs in the page
 * and, through sync-event.ts, in the service worker: static imports only.
 */
import { LOCALES, type Locale } from '$lib/shared/domain';
import type { ServedCasePack } from '$lib/shared/case-pack';
import type { PackStamp } from '$lib/shared/sync-wire';
import { packInfo, replacePack } from '../repos/cases';

export class PackDownloadError extends Error {}

/**
 * Downloads the pack in one language and replaces the device's copy. Resolves to false when the
 * server answered 304 (the device already has this version).
 */
export async function downloadPack(lang: Locale, fetcher: typeof fetch = fetch): Promise<boolean> {
	const current = await packInfo(lang);
	const response = await fetcher(`/api/cases?lang=${lang}`, {
		headers: current ? { 'If-None-Match': current.etag } : {},
		cache: 'no-store'
	});
	if (response.status === 304) return false;
	if (!response.ok) throw new PackDownloadError(`HTTP ${response.status}`);
	const { cases, ...header } = (await response.json()) as ServedCasePack;
	await replacePack(
		lang,
		{ ...header, etag: response.headers.get('ETag') ?? header.version, downloadedAt: Date.now() },
		cases
	);
	return true;
}

/** Downloads both official languages: hosts switch language on the day. */
export async function downloadAllPacks(fetcher: typeof fetch = fetch): Promise<void> {
	for (const lang of LOCALES) await downloadPack(lang, fetcher);
}

/**
 * After a sync: downloads, in each language, the pack the answer announced when the device holds
 * another (or none). The hash, not the version, decides: it changes with any change of content.
 * A copy from before servers sent the hash downloads once: its ETag no longer matches.
 * Resolves to the languages downloaded.
 */
export async function followPack(
	announced: PackStamp,
	fetcher: typeof fetch = fetch
): Promise<Locale[]> {
	const downloaded: Locale[] = [];
	for (const lang of LOCALES) {
		const held = await packInfo(lang);
		if (held?.hash === announced.hash) continue;
		if (await downloadPack(lang, fetcher)) downloaded.push(lang);
	}
	return downloaded;
}
