import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The Team page (who can log in, invitations, revoking) and the account page. */
export const organizerTeamMessages = defineMessages(
	{
		teamTitle: 'Team',
		teamIntro:
			'Everyone listed here as active can log in to the organizer pages, see every event’s figures and invite others.',
		teamMembers: 'Organizers',
		teamEmail: 'Email',
		teamSince: 'Since',
		teamInvitedBy: 'Invited by',
		teamAccess: 'Access',
		teamActive: 'Active',
		teamRevokedOn: 'Revoked on {date}',
		teamYou: '(you)',
		teamFirst: 'First account',
		teamRevokeLink: 'Revoke access',
		teamRevokeLinkLabel: 'Revoke access for {email}',

		teamRevokeTitle: 'Revoke access for {email}?',
		teamRevokeWhat:
			'They are logged out at once and cannot log in again. Invitations they sent that nobody has accepted yet are cancelled. To let them back later, invite them again.',
		teamRevokeYes: 'Yes, revoke access',
		teamRevokeNo: 'No, keep their access',
		teamRevoked: '{email} no longer has access. They have been logged out.',
		teamRevokeGone: 'That organizer’s access was already revoked.',
		teamRevokeSelf: 'You cannot revoke your own access. Ask another organizer.',

		teamInviteTitle: 'Invite an organizer',
		teamInviteHelp:
			'Letterday does not send emails. You get a link to send them yourself. It works once, for 7 days.',
		teamInviteEmail: 'Their email address',
		teamInviteButton: 'Create invitation link',
		teamInviteMember: '{email} is already an organizer',
		teamInvitedTitle: 'Invitation link for {email}',
		teamInvitedSend: 'Send this link to them yourself, by email or chat. It works once.',
		teamInvitedUntil: 'Link works until {date}',
		teamInvitedOnce:
			'This is the only time the link is shown. If it gets lost, create a new one: the old link then stops working.',
		teamInviteLinkLabel: 'Invitation link',
		teamCopy: 'Copy link',
		teamCopied: 'Link copied.',
		teamCopyFailed: 'Could not copy. Select the link and copy it yourself.',

		teamPending: 'Invitations not yet accepted',
		teamPendingNone: 'There are no invitations waiting.',
		teamExpires: 'Link works until',
		teamCancel: 'Cancel invitation',
		teamCancelLabel: 'Cancel the invitation for {email}',
		teamCancelled: 'The invitation for {email} is cancelled. Its link no longer works.',

		teamYourAccount: 'Your password',
		teamChangePasswordLink: 'Change your password',

		accountTitle: 'Your account',
		accountLoggedInAs: 'You are logged in as {email}.',
		accountChangeTitle: 'Change your password',
		accountChangeHelp:
			'Any other browser logged in to your account is logged out when you change it.',
		accountCurrent: 'Current password',
		accountNew: 'New password',
		accountNewAgain: 'Type the new password again',
		accountCurrentMissing: 'Enter your current password',
		accountCurrentWrong: 'Your current password is not right',
		accountNewMissing: 'Enter a new password',
		accountChangeButton: 'Change password',
		accountChanged:
			'Your password is changed. Other browsers logged in to your account have been logged out.'
	},
	{
		teamTitle: 'Équipe',
		teamIntro:
			'Toute personne active dans cette liste peut se connecter aux pages de l’organisation, voir les chiffres de chaque événement et inviter d’autres personnes.',
		teamMembers: 'Membres de l’organisation',
		teamEmail: 'Courriel',
		teamSince: 'Depuis',
		teamInvitedBy: 'Invité·e par',
		teamAccess: 'Accès',
		teamActive: 'Actif',
		teamRevokedOn: 'Retiré le {date}',
		teamYou: '(vous)',
		teamFirst: 'Premier compte',
		teamRevokeLink: 'Retirer l’accès',
		teamRevokeLinkLabel: 'Retirer l’accès de {email}',

		teamRevokeTitle: `Retirer l’accès de {email}${NB}?`,
		teamRevokeWhat:
			'Cette personne est déconnectée immédiatement et ne peut plus se connecter. Les invitations qu’elle a envoyées et que personne n’a encore acceptées sont annulées. Pour lui redonner accès plus tard, invitez-la de nouveau.',
		teamRevokeYes: 'Oui, retirer l’accès',
		teamRevokeNo: 'Non, garder son accès',
		teamRevoked: '{email} n’a plus accès. Cette personne a été déconnectée.',
		teamRevokeGone: 'L’accès de cette personne était déjà retiré.',
		teamRevokeSelf:
			'Vous ne pouvez pas retirer votre propre accès. Demandez-le à une autre personne de l’organisation.',

		teamInviteTitle: 'Inviter une personne',
		teamInviteHelp: `Letterday n’envoie pas de courriels. Vous obtenez un lien à lui envoyer vous-même. Il fonctionne une seule fois, pendant 7${NB}jours.`,
		teamInviteEmail: 'Son adresse courriel',
		teamInviteButton: 'Créer le lien d’invitation',
		teamInviteMember: '{email} fait déjà partie de l’organisation',
		teamInvitedTitle: 'Lien d’invitation pour {email}',
		teamInvitedSend:
			'Envoyez ce lien vous-même, par courriel ou par messagerie. Il fonctionne une seule fois.',
		teamInvitedUntil: 'Lien valide jusqu’au {date}',
		teamInvitedOnce: `Le lien n’est affiché qu’une fois. S’il se perd, créez-en un nouveau${NB}: l’ancien lien cessera alors de fonctionner.`,
		teamInviteLinkLabel: 'Lien d’invitation',
		teamCopy: 'Copier le lien',
		teamCopied: 'Lien copié.',
		teamCopyFailed: 'Impossible de copier. Sélectionnez le lien et copiez-le vous-même.',

		teamPending: 'Invitations pas encore acceptées',
		teamPendingNone: 'Aucune invitation en attente.',
		teamExpires: 'Lien valide jusqu’au',
		teamCancel: 'Annuler l’invitation',
		teamCancelLabel: 'Annuler l’invitation de {email}',
		teamCancelled: 'L’invitation de {email} est annulée. Son lien ne fonctionne plus.',

		teamYourAccount: 'Votre mot de passe',
		teamChangePasswordLink: 'Changer votre mot de passe',

		accountTitle: 'Votre compte',
		accountLoggedInAs: 'Vous êtes connecté·e en tant que {email}.',
		accountChangeTitle: 'Changer votre mot de passe',
		accountChangeHelp:
			'Tout autre navigateur connecté à votre compte est déconnecté quand vous le changez.',
		accountCurrent: 'Mot de passe actuel',
		accountNew: 'Nouveau mot de passe',
		accountNewAgain: 'Retapez le nouveau mot de passe',
		accountCurrentMissing: 'Entrez votre mot de passe actuel',
		accountCurrentWrong: 'Votre mot de passe actuel n’est pas le bon',
		accountNewMissing: 'Entrez un nouveau mot de passe',
		accountChangeButton: 'Changer le mot de passe',
		accountChanged:
			'Votre mot de passe est changé. Les autres navigateurs connectés à votre compte ont été déconnectés.'
	}
);
