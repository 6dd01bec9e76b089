import { describe, expect, it } from 'vitest';
import { joinLink, parseJoinLink, type JoinPayload } from '$lib/shared/join-link';
import { randomEventKey, randomId } from '$lib/shared/ids';

const event: JoinPayload = {
	id: randomId(),
	key: randomEventKey(),
	name: 'Café & lettres « solidaires »',
	venue: 'Salle 2',
	city: 'Trois-Rivières',
	province: 'QC',
	date: '2026-12-10',
	updatedAt: 1_790_000_000_000,
	updatedBy: randomId(),
	lang: 'fr'
};

describe('co-host join link', () => {
	it('round-trips every field, accents and symbols included', () => {
		const link = joinLink('https://letterday.example', event);
		expect(link.startsWith('https://letterday.example/join#')).toBe(true);
		expect(parseJoinLink(link)).toEqual({ ok: true, value: event });
	});

	it('keeps the key out of the part of the URL a server sees', () => {
		const url = new URL(joinLink('https://letterday.example', event));
		expect(url.pathname + url.search).not.toContain(event.key);
		expect(url.hash).toContain(event.key);
	});

	it('refuses a link with a bad id, key, language, province or date', () => {
		const link = joinLink('https://x.test', event);
		const broken = (from: string, to: string) => parseJoinLink(link.replace(from, to));
		expect(broken(`k=${event.key}`, 'k=abc').ok).toBe(false);
		expect(broken(`e=${event.id}`, 'e=short').ok).toBe(false);
		expect(broken('l=fr', 'l=de').ok).toBe(false);
		expect(broken('p=QC', 'p=XX').ok).toBe(false);
		expect(broken('d=2026-12-10', 'd=2026-13-10').ok).toBe(false);
		expect(parseJoinLink('https://x.test/join').ok).toBe(false);
	});
});
