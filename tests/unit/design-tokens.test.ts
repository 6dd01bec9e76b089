/**
 * The participant pages carry their own copy of the design tokens (they are server-rendered with
 * their CSS inline, and never load host.css): each copied token must keep the host's value, so
 * the two stay one family.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const tokens = (file: string) =>
	new Map(
		[...readFileSync(file, 'utf8').matchAll(/^\s*(--[\w-]+):\s*([^;]+);/gm)].map((m) => [
			m[1]!,
			m[2]!.trim()
		])
	);

describe('design tokens', () => {
	it('are the same on the participant pages as in the host app', () => {
		const host = tokens('src/lib/components/host.css');
		const participant = tokens('src/routes/c/+layout.svelte');
		expect(participant.size).toBeGreaterThan(10);
		for (const [name, value] of participant)
			expect(`${name}: ${value}`).toBe(`${name}: ${host.get(name)}`);
	});
});
