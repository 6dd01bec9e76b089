/**
 * Joins the catalogs of several areas into one, for a part of the app whose messages are split
 * by area (the host app: ./host/). Spreading objects would let a key defined in two areas take
 * the last area's text in silence; here it is a type error that names the key.
 */
import type { Catalog } from './catalog';

type KeysOf<C> = C extends Catalog<infer K> ? K : never;

/** The keys that more than one catalog of the list defines. */
type SharedKeys<T extends readonly unknown[], Seen extends string = never> = T extends readonly [
	infer First,
	...infer Rest
]
	? (KeysOf<First> & Seen) | SharedKeys<Rest, Seen | KeysOf<First>>
	: never;

type NoSharedKeys<T extends readonly unknown[]> = [SharedKeys<T>] extends [never]
	? unknown
	: { definedInTwoAreas: SharedKeys<T> };

export function combineMessages<const T extends readonly Catalog<string>[]>(
	catalogs: T & NoSharedKeys<T>
): Catalog<KeysOf<T[number]>> {
	return {
		en: Object.assign({}, ...catalogs.map((catalog) => catalog.en)),
		fr: Object.assign({}, ...catalogs.map((catalog) => catalog.fr))
	};
}
