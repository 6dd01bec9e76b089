import { defineMessages } from '../catalog';

const NB = '\u00a0';

/**
 * Joining the organizers: the first account from the setup link, an account from an
 * invitation, and the password rules both share (the account page's too).
 */
export const organizerJoinMessages = defineMessages(
	{
		setupTitle: 'Create the first organizer account',
		setupIntro:
			'This server has no organizer account yet. The person who started the server has a one-time setup link: it was printed in the server’s log. It works once, within 24 hours.',
		setupDone: 'This server already has an organizer account.',
		setupDoneHelp:
			'Log in if you have an account. If you do not, ask an organizer to invite you from their Team page.',
		setupCode: 'Setup code',
		setupCodeHelp: 'The part of the setup link after the # sign.',
		setupCodeFromLink: 'Filled in from your link.',
		setupCodeWrong:
			'This setup code does not work. It may have been used already or be more than 24 hours old. Restart the server to print a new link.',
		setupCodeMissing: 'Enter the setup code',
		setupEmail: 'Your email address',
		setupEmailHelp: 'You will log in with it.',
		setupCreate: 'Create account',

		inviteTitle: 'Join the organizers',
		inviteIntro:
			'An organizer invited you to the organizer pages of Letterday. Your invitation link works once, within 7 days.',
		inviteCode: 'Invitation code',
		inviteCodeHelp: 'The part of your invitation link after the # sign.',
		inviteChecking: 'Checking your invitation…',
		inviteContinue: 'Continue',
		inviteCodeWrong:
			'This invitation does not work. It may have been used, cancelled or be more than 7 days old. Ask the organizer who invited you for a new link.',
		inviteCodeMissing: 'Enter the invitation code',
		inviteAs: 'Your account will be for {email}.',
		inviteExists: 'There is already an organizer account for {email}. Log in instead.',
		inviteCreate: 'Create account',

		emailMissing: 'Enter your email address',
		emailWrong: 'Enter an email address in the right form, like name@example.org',
		newPassword: 'Choose a password',
		newPasswordHelp: 'At least 12 characters. A few words you will remember work well.',
		newPasswordAgain: 'Type the password again',
		passwordMissing: 'Choose a password',
		passwordShort: 'Your password must be at least 12 characters',
		passwordLong: 'Your password must be 200 characters or fewer',
		passwordAgainMissing: 'Type your password again',
		passwordsDiffer: 'The two passwords are not the same',
		goToLogin: 'Go to the login page'
	},
	{
		setupTitle: 'Créer le premier compte de l’organisation',
		setupIntro: `Ce serveur n’a pas encore de compte de l’organisation. La personne qui a démarré le serveur a un lien de configuration à usage unique${NB}: il a été affiché dans le journal du serveur. Il fonctionne une seule fois, dans les 24${NB}heures.`,
		setupDone: 'Ce serveur a déjà un compte de l’organisation.',
		setupDoneHelp:
			'Connectez-vous si vous avez un compte. Sinon, demandez à une personne de l’organisation de vous inviter depuis sa page Équipe.',
		setupCode: 'Code de configuration',
		setupCodeHelp: 'La partie du lien de configuration qui suit le signe #.',
		setupCodeFromLink: 'Rempli à partir de votre lien.',
		setupCodeWrong: `Ce code de configuration ne fonctionne pas. Il a peut-être déjà servi ou date de plus de 24${NB}heures. Redémarrez le serveur pour afficher un nouveau lien.`,
		setupCodeMissing: 'Entrez le code de configuration',
		setupEmail: 'Votre adresse courriel',
		setupEmailHelp: 'Vous vous connecterez avec elle.',
		setupCreate: 'Créer le compte',

		inviteTitle: 'Rejoindre l’organisation',
		inviteIntro: `Une personne de l’organisation vous a invité·e aux pages de l’organisation de Letterday. Votre lien d’invitation fonctionne une seule fois, dans les 7${NB}jours.`,
		inviteCode: 'Code d’invitation',
		inviteCodeHelp: 'La partie de votre lien d’invitation qui suit le signe #.',
		inviteChecking: 'Vérification de votre invitation…',
		inviteContinue: 'Continuer',
		inviteCodeWrong: `Cette invitation ne fonctionne pas. Elle a peut-être déjà servi, été annulée ou date de plus de 7${NB}jours. Demandez un nouveau lien à la personne qui vous a invité·e.`,
		inviteCodeMissing: 'Entrez le code d’invitation',
		inviteAs: 'Votre compte sera au nom de {email}.',
		inviteExists: 'Il existe déjà un compte de l’organisation pour {email}. Connectez-vous plutôt.',
		inviteCreate: 'Créer le compte',

		emailMissing: 'Entrez votre adresse courriel',
		emailWrong: 'Entrez une adresse courriel valide, comme nom@exemple.org',
		newPassword: 'Choisissez un mot de passe',
		newPasswordHelp: `Au moins 12${NB}caractères. Quelques mots dont vous vous souviendrez font l’affaire.`,
		newPasswordAgain: 'Retapez le mot de passe',
		passwordMissing: 'Choisissez un mot de passe',
		passwordShort: `Votre mot de passe doit compter au moins 12${NB}caractères`,
		passwordLong: `Votre mot de passe doit compter au plus 200${NB}caractères`,
		passwordAgainMissing: 'Retapez votre mot de passe',
		passwordsDiffer: 'Les deux mots de passe ne sont pas identiques',
		goToLogin: 'Aller à la page de connexion'
	}
);
