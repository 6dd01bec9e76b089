import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The organizers' gallery of highlights (/organizer/highlights), issue 14. */
export const organizerGalleryMessages = defineMessages(
	{
		navHighlights: 'Highlights',
		galleryTitle: 'Highlights from the events',
		galleryIntro:
			'Photos, quotes and poems that hosts sent from their events. Approve what may appear on a public page, hide the rest. Nothing is public until you approve it.',
		filterHighlights: 'Choose highlights',
		eventLabel: 'Event',
		anyEvent: 'All events',
		showHighlights: 'Show highlights',
		highlightsShown: { one: '{count} highlight', other: '{count} highlights' },
		reviewCounts: '{pending} to review · {approved} approved · {hidden} hidden',
		emptyTitle: 'No highlights yet',
		emptyHelp:
			'Hosts add highlights on their event screen in the Letterday app: a photo of the room, a quote, a poem, each with the consent of the person. They arrive here once the host’s device is back online and has synced.',
		emptyFiltered: 'No highlight for this event or province. Choose “All” to see every highlight.',
		highlightsList: 'Highlights',
		kind_photo: 'Photo',
		kind_quote: 'Quote',
		kind_poem: 'Poem',
		anonymous: 'Anonymous',
		photoAlt: 'Photo from {event}',
		photoAltCaption: 'Photo from {event}: {caption}',
		consentPublish: 'May be published',
		consentOrganizers: 'Organizers only',
		review_pending: 'To review',
		review_approved: 'Approved',
		review_hidden: 'Hidden',
		reviewActions: 'Review',
		approve: 'Approve',
		hide: 'Hide',
		backToPending: 'Back to review',
		organizersOnlyNote: 'Not for publication: the person chose organizers only.',
		reviewSaved: 'Saved: {state}.',
		reviewRefusedOrganizers:
			'This highlight is for organizers only: it cannot be approved for publication.',
		reviewRefusedUnknown:
			'That highlight is no longer in the gallery. The page has been refreshed.',
		downloadTitle: 'Download',
		downloadApproved: {
			one: 'Download {count} approved highlight (zip)',
			other: 'Download {count} approved highlights (zip)'
		},
		downloadHelp:
			'The photos, and highlights.csv with the words and credits. Only approved highlights in this selection.',
		downloadNone: 'Nothing approved in this selection yet: approve highlights to download them.',
		pagesLabel: 'Pages of highlights',
		previousPage: 'Previous',
		nextPage: 'Next',
		pageOf: 'Page {page} of {pages}',
		eventHighlights: { one: '{count} highlight', other: '{count} highlights' },
		eventNoHighlights: 'No highlights from this event yet.'
	},
	{
		navHighlights: 'Moments forts',
		galleryTitle: 'Moments forts des événements',
		galleryIntro: `Les photos, citations et poèmes envoyés par les hôtes de leurs événements. Approuvez ce qui peut paraître sur une page publique, masquez le reste. Rien n’est public avant votre approbation.`,
		filterHighlights: 'Choisir les moments forts',
		eventLabel: 'Événement',
		anyEvent: 'Tous les événements',
		showHighlights: 'Afficher',
		highlightsShown: { one: '{count} moment fort', other: '{count} moments forts' },
		reviewCounts: '{pending} à examiner · {approved} approuvés · {hidden} masqués',
		emptyTitle: 'Aucun moment fort pour l’instant',
		emptyHelp: `Les hôtes ajoutent des moments forts sur l’écran de leur événement dans l’application Letterday${NB}: une photo de la salle, une citation, un poème, chacun avec le consentement de la personne. Ils arrivent ici dès que l’appareil de l’hôte est de nouveau en ligne et s’est synchronisé.`,
		emptyFiltered: `Aucun moment fort pour cet événement ou cette province. Choisissez «${NB}Tous${NB}» pour tout voir.`,
		highlightsList: 'Moments forts',
		kind_photo: 'Photo',
		kind_quote: 'Citation',
		kind_poem: 'Poème',
		anonymous: 'Anonyme',
		photoAlt: 'Photo de l’événement {event}',
		photoAltCaption: `Photo de l’événement {event}${NB}: {caption}`,
		consentPublish: 'Peut être publié',
		consentOrganizers: 'Organisateurs seulement',
		review_pending: 'À examiner',
		review_approved: 'Approuvé',
		review_hidden: 'Masqué',
		reviewActions: 'Examen',
		approve: 'Approuver',
		hide: 'Masquer',
		backToPending: 'Remettre à examiner',
		organizersOnlyNote: `Pas pour publication${NB}: la personne a choisi «${NB}organisateurs seulement${NB}».`,
		reviewSaved: `Enregistré${NB}: {state}.`,
		reviewRefusedOrganizers: `Ce moment fort est réservé aux organisateurs${NB}: il ne peut pas être approuvé pour publication.`,
		reviewRefusedUnknown: `Ce moment fort n’est plus dans la galerie. La page a été actualisée.`,
		downloadTitle: 'Télécharger',
		downloadApproved: {
			one: 'Télécharger {count} moment fort approuvé (zip)',
			other: 'Télécharger {count} moments forts approuvés (zip)'
		},
		downloadHelp: `Les photos, et highlights.csv avec les textes et les mentions. Seulement les moments forts approuvés de cette sélection.`,
		downloadNone: `Rien d’approuvé dans cette sélection pour l’instant${NB}: approuvez des moments forts pour les télécharger.`,
		pagesLabel: 'Pages de moments forts',
		previousPage: 'Précédente',
		nextPage: 'Suivante',
		pageOf: 'Page {page} sur {pages}',
		eventHighlights: { one: '{count} moment fort', other: '{count} moments forts' },
		eventNoHighlights: 'Aucun moment fort de cet événement pour l’instant.'
	}
);
