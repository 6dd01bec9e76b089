/**
 * The campaign's national total for the projector: GET /api/national-total, a public answer the
 * browser may keep 30 s. Any failure (no network, a server error, an answer that is not the
 * expected shape) is null: the projector then shows the room alone, with no error.
 */
export async function fetchNationalTotal(fetcher: typeof fetch = fetch): Promise<number | null> {
	try {
		const response = await fetcher('/api/national-total');
		if (!response.ok) return null;
		const body = (await response.json()) as { total?: unknown } | null;
		const total = body?.total;
		return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : null;
	} catch {
		return null;
	}
}
