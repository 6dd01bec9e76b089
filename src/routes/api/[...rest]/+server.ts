import { apiError } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/** Any /api path no route claims: the API's JSON error shape, never the HTML 404 page. */
const notFound: RequestHandler = () =>
	apiError(404, 'not_found', 'No API endpoint at this address; see docs/api.md');

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
