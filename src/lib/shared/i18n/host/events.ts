import { defineMessages } from '../catalog';

/** The list of events and the event details form, new or edited (its field errors included). */
export const eventsMessages = defineMessages(
	{
		eventsTitle: 'Your events',
		noEvents: 'No events on this device yet.',
		newEvent: 'New event',
		upcoming: 'Today and upcoming',
		past: 'Past events',
		eventSummary: '{date} · {venue}, {city}',

		newEventTitle: 'New event',
		newEventHelp: 'Everything is saved on this device. No network is needed.',
		fieldName: 'Event name',
		fieldVenue: 'Venue',
		fieldCity: 'City or town',
		fieldProvince: 'Province or territory',
		fieldDate: 'Date',
		fieldExpected: 'Expected attendance (optional)',
		fieldLang: 'Language of the event',
		contactLegend: 'For the organizers (optional)',
		contactHelp:
			'Only Amnesty’s organizers see this; it never appears on participant pages or QR codes. They use it to follow up if this event’s counts do not reach them.',
		fieldGroupName: 'Group name',
		fieldEmail: 'Contact email',
		chooseProvince: 'Choose…',
		required: 'Required.',
		expectedInvalid: 'Enter a whole number from 0 to 100,000.',
		tooLong: 'Shorten this to {max} characters or fewer.',
		dateInvalid: 'Enter a real date, for example 2026-12-10.',
		emailInvalid: 'Enter an email address like name@example.org, or leave this empty.',
		controlCharacters:
			'Remove the invisible control characters from this text (a paste can bring them in).',
		formHasErrors: 'Please correct the fields marked below.',
		createEvent: 'Create event',

		editEvent: 'Edit details',
		editEventTitle: 'Edit the event',
		editEventHelp:
			'Changes are saved on this device and sent with the next sync; co-hosts get them from there.',
		saveChanges: 'Save changes',
		cancelEdit: 'Back to the event without saving'
	},
	{
		eventsTitle: 'Vos événements',
		noEvents: 'Aucun événement sur cet appareil pour l’instant.',
		newEvent: 'Nouvel événement',
		upcoming: 'Aujourd’hui et à venir',
		past: 'Événements passés',
		eventSummary: '{date} · {venue}, {city}',

		newEventTitle: 'Nouvel événement',
		newEventHelp: 'Tout est enregistré sur cet appareil. Aucun réseau n’est nécessaire.',
		fieldName: 'Nom de l’événement',
		fieldVenue: 'Lieu',
		fieldCity: 'Ville ou village',
		fieldProvince: 'Province ou territoire',
		fieldDate: 'Date',
		fieldExpected: 'Participation prévue (facultatif)',
		fieldLang: 'Langue de l’événement',
		contactLegend: 'Pour les organisateurs (facultatif)',
		contactHelp:
			'Seuls les organisateurs d’Amnistie voient ces renseignements\u00a0; ils n’apparaissent jamais sur les pages des participants ni dans les codes QR. Ils s’en servent pour faire un suivi si les décomptes de cet événement ne leur parviennent pas.',
		fieldGroupName: 'Nom du groupe',
		fieldEmail: 'Courriel de contact',
		chooseProvince: 'Choisir…',
		required: 'Obligatoire.',
		expectedInvalid: 'Entrez un nombre entier de 0 à 100\u00a0000.',
		tooLong: 'Raccourcissez ce texte à {max}\u00a0caractères au plus.',
		dateInvalid: 'Entrez une date réelle, par exemple 2026-12-10.',
		emailInvalid: 'Entrez une adresse courriel comme nom@exemple.org, ou laissez ce champ vide.',
		controlCharacters:
			'Retirez de ce texte les caractères de contrôle invisibles (un copier-coller peut en apporter).',
		formHasErrors: 'Veuillez corriger les champs indiqués ci-dessous.',
		createEvent: 'Créer l’événement',

		editEvent: 'Modifier les détails',
		editEventTitle: 'Modifier l’événement',
		editEventHelp:
			'Les changements sont enregistrés sur cet appareil et envoyés à la prochaine synchronisation\u00a0; les coanimateurs les reçoivent ensuite.',
		saveChanges: 'Enregistrer les changements',
		cancelEdit: 'Revenir à l’événement sans enregistrer'
	}
);
