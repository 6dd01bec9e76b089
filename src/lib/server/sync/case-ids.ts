import type { CasePack } from '$lib/shared/case-pack';

const cache = new WeakMap<CasePack, ReadonlySet<string>>();

/** The ids counters may name, per pack object: a newly published pack gets a new set. */
export function caseIdsOf(pack: CasePack): ReadonlySet<string> {
	let ids = cache.get(pack);
	if (!ids) {
		ids = new Set(pack.cases.map((sheet) => sheet.id));
		cache.set(pack, ids);
	}
	return ids;
}
