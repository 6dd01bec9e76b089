import { defineMessages } from '../catalog';

/** The event screen's way to its highlights (issue 14): one word, so the screen's own stays lean. */
export const highlightLinkMessages = defineMessages(
	{ highlightsLink: 'Highlights' },
	{ highlightsLink: 'Moments forts' }
);
