import { adaptiveCard, facts, heading, notice, text, type AdaptiveCard } from '../../shared/cards';
import { ROLE_LABELS, type Person } from './people.schemas';

export interface WhoAmIView {
  displayName: string;
  aadObjectId?: string;
  person?: Person;
}

/** Who the caller is to Deskmate: name and roles, or what to ask an admin for. */
export function whoAmICard(view: WhoAmIView): AdaptiveCard {
  const { person } = view;
  if (!person || !person.active) {
    const lines = [
      ...heading(view.displayName, 'Not set up in Deskmate'),
      notice(person ? 'Your Deskmate access is switched off.' : 'You have no Deskmate role yet, so you cannot look up accounts, file notes or create tasks.', 'warning'),
      text('Ask a Deskmate admin to add you as an **agent** (or **mentor** if you are a team lead or supervisor). Give them this user id:'),
      text(view.aadObjectId ?? 'unknown (your Teams account has no Azure AD object id)', { fontType: 'Monospace' }),
    ];
    return adaptiveCard(lines);
  }
  const roleNames = person.roles.map((role) => ROLE_LABELS[role]);
  const rows: [string, string][] = [
    ['Roles', roleNames.join(', ') || 'none'],
    ...(person.title ? ([['Title', person.title]] as [string, string][]) : []),
    ...(person.team ? ([['Team', person.team]] as [string, string][]) : []),
    ...(person.locationIds.length ? ([['Locations', person.locationIds.join(', ')]] as [string, string][]) : []),
  ];
  return adaptiveCard([...heading(person.name, 'Your Deskmate profile'), facts(rows)]);
}
