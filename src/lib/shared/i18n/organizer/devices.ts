import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** One event's devices as organizers manage them: removing one's counts, the event's cap. */
export const organizerDevicesMessages = defineMessages(
	{
		devicesManage: 'Remove',
		devicesManageLabel: 'Remove the counts of device {id}…',
		deviceRemoveTitle: 'Remove the counts of device {id}…?',
		deviceRemoveWhat:
			'Its {total} actions stop counting for this event at once, on every screen and export. The device cannot count for this event again: its next syncs are refused. Other devices’ counts do not change. Do this for a device nobody at the event knows, or one that counted the wrong event.',
		deviceRemoveYes: 'Yes, remove its counts',
		deviceRemoveNo: 'No, keep them',
		deviceRemoved: 'The counts of device {id}… no longer count for this event.',
		deviceRemoveGone: 'That device’s counts were already removed, or it never counted here.',
		removedDevices: 'Removed devices',
		removedDevicesTable: 'Devices whose counts were removed',
		removedCounted: 'Actions it had counted',
		removedWhen: 'Removed',
		removedBy: 'By',
		removedByUnknown: 'an organizer no longer listed',
		deviceCapTitle: 'How many devices may count',
		deviceCapNow: {
			one: '{count} device counts for this event, of at most {cap}.',
			other: '{count} devices count for this event, of at most {cap}.'
		},
		deviceCapDefault: 'The server’s limit for every event is {cap}.',
		deviceCapLabel: 'Most devices for this event',
		deviceCapHint:
			'A device past the limit is refused, which keeps made-up devices from flooding the event. Raise it for a big event with many phones; leave it empty for the server’s limit.',
		deviceCapSave: 'Save the limit',
		deviceCapSaved: 'This event now allows {cap} devices.',
		deviceCapReset: 'This event now follows the server’s limit.',
		deviceCapWrong: 'Enter a whole number from 1 to {max}, or leave it empty.'
	},
	{
		devicesManage: 'Retirer',
		devicesManageLabel: 'Retirer les chiffres de l’appareil {id}…',
		deviceRemoveTitle: `Retirer les chiffres de l’appareil {id}…${NB}?`,
		deviceRemoveWhat: `Ses {total} actions cessent aussitôt de compter pour cet événement, sur chaque écran et dans chaque export. L’appareil ne pourra plus compter pour cet événement${NB}: ses prochaines synchronisations seront refusées. Les chiffres des autres appareils ne changent pas. À faire pour un appareil que personne à l’événement ne connaît, ou qui a compté le mauvais événement.`,
		deviceRemoveYes: 'Oui, retirer ses chiffres',
		deviceRemoveNo: 'Non, les garder',
		deviceRemoved: 'Les chiffres de l’appareil {id}… ne comptent plus pour cet événement.',
		deviceRemoveGone:
			'Les chiffres de cet appareil ont déjà été retirés, ou il n’a jamais compté ici.',
		removedDevices: 'Appareils retirés',
		removedDevicesTable: 'Appareils dont les chiffres ont été retirés',
		removedCounted: 'Actions qu’il avait comptées',
		removedWhen: 'Retiré le',
		removedBy: 'Par',
		removedByUnknown: 'un organisateur qui n’est plus inscrit',
		deviceCapTitle: 'Combien d’appareils peuvent compter',
		deviceCapNow: {
			one: '{count} appareil compte pour cet événement, sur {cap} au plus.',
			other: '{count} appareils comptent pour cet événement, sur {cap} au plus.'
		},
		deviceCapDefault: 'La limite du serveur pour chaque événement est de {cap}.',
		deviceCapLabel: 'Nombre maximal d’appareils pour cet événement',
		deviceCapHint: `Un appareil au-delà de la limite est refusé, ce qui empêche des appareils inventés d’inonder l’événement. Augmentez-la pour un grand événement avec beaucoup de téléphones${NB}; laissez le champ vide pour suivre la limite du serveur.`,
		deviceCapSave: 'Enregistrer la limite',
		deviceCapSaved: 'Cet événement permet maintenant {cap} appareils.',
		deviceCapReset: 'Cet événement suit maintenant la limite du serveur.',
		deviceCapWrong: 'Entrez un nombre entier de 1 à {max}, ou laissez le champ vide.'
	}
);
