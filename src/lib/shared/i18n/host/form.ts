import { defineMessages } from '../catalog';

/** The event details form, new or edited, and its field errors: loads with those screens. */
export const formMessages = defineMessages(
	{
		newEventTitle: 'New event',
		newEventHelp: 'Everything is saved on this device. No network is needed.',
		fieldName: 'Event name',
		fieldVenue: 'Venue',
		fieldCity: 'City or town',
		fieldProvince: 'Province or territory',
		fieldDate: 'Date',
		fieldExpected: 'Expected attendance (optional)',
		fieldLang: 'Language of the event',
		chooseProvince: 'Choose…',
		required: 'Required.',
		expectedInvalid: 'Enter a whole number from 0 to 100,000.',
		tooLong: 'Shorten this to {max} characters or fewer.',
		dateInvalid: 'Enter a real date, for example 2026-12-10.',
		controlCharacters:
			'Remove the invisible control characters from this text (a paste can bring them in).',
		formHasErrors: 'Please correct the fields marked below.',
		fieldProblem: '{field}: {problem}',
		createEvent: 'Create event',
		editEventTitle: 'Edit the event',
		editEventHelp:
			'Changes are saved on this device and sent with the next sync; co-hosts get them from there.',
		saveChanges: 'Save changes',
		cancelEdit: 'Back to the event without saving'
	},
	{
		newEventTitle: 'Nouvel événement',
		newEventHelp: 'Tout est enregistré sur cet appareil. Aucun réseau n’est nécessaire.',
		fieldName: 'Nom de l’événement',
		fieldVenue: 'Lieu',
		fieldCity: 'Ville ou village',
		fieldProvince: 'Province ou territoire',
		fieldDate: 'Date',
		fieldExpected: 'Participation prévue (facultatif)',
		fieldLang: 'Langue de l’événement',
		chooseProvince: 'Choisir…',
		required: 'Obligatoire.',
		expectedInvalid: 'Entrez un nombre entier de 0 à 100\u00a0000.',
		tooLong: 'Raccourcissez ce texte à {max}\u00a0caractères au plus.',
		dateInvalid: 'Entrez une date réelle, par exemple 2026-12-10.',
		controlCharacters:
			'Retirez de ce texte les caractères de contrôle invisibles (un copier-coller peut en apporter).',
		formHasErrors: 'Veuillez corriger les champs indiqués ci-dessous.',
		fieldProblem: '{field}\u00a0: {problem}',
		createEvent: 'Créer l’événement',
		editEventTitle: 'Modifier l’événement',
		editEventHelp:
			'Les changements sont enregistrés sur cet appareil et envoyés à la prochaine synchronisation\u00a0; les coanimateurs les reçoivent ensuite.',
		saveChanges: 'Enregistrer les changements',
		cancelEdit: 'Revenir à l’événement sans enregistrer'
	}
);
