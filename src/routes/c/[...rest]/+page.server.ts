import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Any other path under /c gets the participant 404 page (in its language) rather than the
// host app's.
export const load: PageServerLoad = () => {
	error(404, { message: 'Not found', code: 'not-found' });
};
