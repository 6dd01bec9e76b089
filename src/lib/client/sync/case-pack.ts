/** Downloads the case pack from the server into the device's copy (repos/cases). */
import { LOCALES, type Locale } from '$lib/shared/domain';
import type { LocalizedCasePack } from '$lib/shared/case-pack';
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
	const { cases, ...header } = (await response.json()) as LocalizedCasePack;
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
