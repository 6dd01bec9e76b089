import { describe, expect, it } from 'vitest';
import { joinLink, parseJoinLink, type JoinPayload } from '$lib/shared/join-link';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { generateSigningKey } from '$lib/shared/p256';

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

	it('carries the event’s signing key, so a co-host can sign reports by QR', async () => {
		const signed = { ...event, signingKey: await generateSigningKey() };
		const link = joinLink('https://letterday.example', signed);
		expect(parseJoinLink(link)).toEqual({ ok: true, value: signed });
		const [x, y] = [signed.signingKey.x, signed.signingKey.y];
		// A point off the curve, or a part missing, is refused.
		expect(parseJoinLink(link.replace(`${x}.${y}`, `${y}.${x}`)).ok).toBe(false);
		expect(parseJoinLink(link.replace(`.${signed.signingKey.d}`, '')).ok).toBe(false);
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

	it('refuses control characters in the event text, %00 included, as the server would', () => {
		const link = joinLink('https://x.test', { ...event, name: 'Salle', city: 'Lévis' });
		expect(parseJoinLink(link).ok).toBe(true);
		for (const control of ['%00', '%0A', '%1B', '%7F']) {
			expect(parseJoinLink(link.replace('Salle', `Sa${control}lle`)).ok).toBe(false);
			expect(parseJoinLink(link.replace('L%C3%A9vis', `L%C3%A9${control}vis`)).ok).toBe(false);
		}
	});
});
