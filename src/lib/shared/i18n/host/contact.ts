import { defineMessages } from '../catalog';

/**
 * The event form's optional "For the organizers" group (the organizers' contact): it loads with
 * the form, not with every screen.
 */
export const contactMessages = defineMessages(
	{
		contactLegend: 'For the organizers (optional)',
		contactHelp:
			'Only Amnesty’s organizers see this; it never appears on participant pages or QR codes. They use it to follow up if this event’s counts do not reach them.',
		fieldGroupName: 'Group name',
		fieldEmail: 'Contact email',
		emailInvalid: 'Enter an email address like name@example.org, or leave this empty.'
	},
	{
		contactLegend: 'Pour les organisateurs (facultatif)',
		contactHelp:
			'Seuls les organisateurs d’Amnistie voient ces renseignements\u00a0; ils n’apparaissent jamais sur les pages des participants ni dans les codes QR. Ils s’en servent pour faire un suivi si les décomptes de cet événement ne leur parviennent pas.',
		fieldGroupName: 'Nom du groupe',
		fieldEmail: 'Courriel de contact',
		emailInvalid: 'Entrez une adresse courriel comme nom@exemple.org, ou laissez ce champ vide.'
	}
);
