import { describe, expect, it } from 'vitest';
import type { Catalog } from '$lib/shared/i18n/catalog';
import { defineMessages } from '$lib/shared/i18n/catalog';
import { combineMessages } from '$lib/shared/i18n/combine';
import { SCREEN_AREAS, hostMessages } from '$lib/shared/i18n/host';

// Every area file, found by name, so an area left out of host.ts fails here too.
const areas = Object.entries(
	import.meta.glob<Record<string, Catalog<string>>>('/src/lib/shared/i18n/host/*.ts', {
		eager: true
	})
).flatMap(([file, exports]) => Object.values(exports).map((catalog) => ({ file, catalog })));

describe('host messages', () => {
	it('are split into areas', () => {
		expect(areas.length).toBeGreaterThanOrEqual(4);
	});

	it('define each key in exactly one area; every area is in the combined catalog or loads with its screen', () => {
		const seen = new Map<string, string>();
		const everyScreen = new Set<string>();
		const screenAreas: readonly string[] = SCREEN_AREAS;
		for (const { file, catalog } of areas) {
			const ownScreen = screenAreas.includes(file.replace(/^.*\/(\w+)\.ts$/, '$1'));
			for (const key of Object.keys(catalog.en)) {
				// A screen area's key must not shadow a key every screen has (screenT joins them).
				expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
				seen.set(key, file);
				if (!ownScreen) everyScreen.add(key);
			}
		}
		expect(Object.keys(hostMessages.en).sort()).toEqual([...everyScreen].sort());
		expect(
			areas.filter(({ file }) => screenAreas.some((area) => file.endsWith(`/${area}.ts`)))
		).toHaveLength(SCREEN_AREAS.length);
	});

	it('have French for every English key, and no other', () => {
		for (const { file, catalog } of areas) {
			expect(Object.keys(catalog.fr).sort(), file).toEqual(Object.keys(catalog.en).sort());
		}
		expect(Object.keys(hostMessages.fr).sort()).toEqual(Object.keys(hostMessages.en).sort());
	});
});

describe('combineMessages', () => {
	const a = defineMessages({ one: 'One', two: 'Two' }, { one: 'Un', two: 'Deux' });
	const b = defineMessages({ three: 'Three' }, { three: 'Trois' });
	const clash = defineMessages({ two: 'Second' }, { two: 'Second' });

	it('joins areas in both languages', () => {
		const all = combineMessages([a, b]);
		expect(all.en).toEqual({ one: 'One', two: 'Two', three: 'Three' });
		expect(all.fr).toEqual({ one: 'Un', two: 'Deux', three: 'Trois' });
	});

	it('refuses, at type level, a key that two areas define', () => {
		// svelte-check fails on this line if the clash ever stops being a type error.
		// @ts-expect-error `two` is defined in two areas
		combineMessages([a, b, clash]);
	});
});
