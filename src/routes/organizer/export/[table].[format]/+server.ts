import { apiError } from '$lib/server/http/errors';
import { getDb } from '$lib/server/db';
import { parseEventFilter } from '$lib/server/organizer/event-filter';
import { isExportName, readExport } from '$lib/server/organizer/exports';
import { isExportFormat, tableResponse } from '$lib/server/organizer/table-file';
import { organizerTimeZone } from '$lib/server/organizer/time-zone';
import { dayIn } from '$lib/server/organizer/zoned-time';
import { parseEventOrder } from '$lib/shared/event-order';
import type { RequestHandler } from './$types';

/**
 * GET /organizer/export/{cases,events,provinces}.{csv,json} (docs/organizers.md, "Exports"). The
 * gate has already answered 401 without a session. Case names follow the organizer's language
 * (?lang=, else the page language); events and provinces take the events page's filter and
 * order parameters, and without them cover every event.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const { table, format } = params;
	if (!isExportName(table) || !isExportFormat(format)) {
		return apiError(
			404,
			'not_found',
			'No such export: try cases, events or provinces, as csv or json'
		);
	}
	const { filter } = parseEventFilter(url.searchParams);
	const order = parseEventOrder(url.searchParams);
	const now = Date.now();
	try {
		const rows = await readExport(await getDb(), table, { lang: locals.lang, filter, order });
		return tableResponse(rows, format, dayIn(organizerTimeZone(), now));
	} catch (error) {
		console.error(`organizer export ${table}.${format} failed`, error);
		return apiError(503, 'db_unavailable', 'The figures could not be read; try again later');
	}
};
