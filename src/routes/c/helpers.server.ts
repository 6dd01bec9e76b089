/**
 * Shared by the participant routes: language checks, caching headers and the poster's event
 * name. Server-only, so it may hash and read the pack.
 */
import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { version } from '$app/environment';
import { isLocale, type Locale } from '$lib/shared/domain';

export function requireLocale(value: string): Locale {
	if (!isLocale(value)) error(404, { message: 'Unknown language', code: 'unknown-language' });
	return value;
}

/**
 * A phone on poor data keeps a page for 5 minutes, may show it stale for an hour while it
 * revalidates, and revalidates with If-None-Match: SvelteKit answers 304 with no body when the
 * ETag matches. The ETag covers the build (markup, CSS names), the pack and the full URL (origin included:
 * the print kit and poster draw it into QR codes).
 */
export function cacheHeaders(
	setHeaders: (headers: Record<string, string>) => void,
	packEtag: string,
	url: URL
): void {
	const tag = createHash('sha256')
		.update(`${version}\n${packEtag}\n${url.href}`)
		.digest('base64url')
		.slice(0, 22);
	setHeaders({
		'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
		etag: `"${tag}"`
	});
}

/**
 * `Accept-Language` -> the language to send a participant to: French when French has a higher
 * quality than English (or comes first at the same quality), English otherwise.
 */
export function preferredLocale(header: string | null): Locale {
	let best: Locale = 'en';
	let bestQ = 0;
	for (const part of (header ?? '').split(',')) {
		const [tag = '', ...params] = part.trim().toLowerCase().split(';');
		const primary = tag.split('-')[0];
		if (!isLocale(primary)) continue;
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		if (Number.isFinite(q) && q > bestQ) {
			best = primary;
			bestQ = q;
		}
	}
	return best;
}

export const EVENT_NAME_MAX = 80;

/**
 * The poster's event name comes from the query string, so anyone can craft a link: keep it
 * plain text (Svelte escapes it), strip control and bidi-override characters that could disguise
 * it, collapse whitespace and cut it to EVENT_NAME_MAX characters.
 */
export function cleanEventName(raw: string | null): string {
	if (!raw) return '';
	const clean = raw
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return Array.from(clean).slice(0, EVENT_NAME_MAX).join('').trim();
}
