import { adaptiveCard, commandButton, container, heading, notice, text, type AdaptiveCard } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';

export interface HelpView {
  displayName: string;
  /** Role names, e.g. ["Agent"]; empty for someone not set up yet. */
  roles: string[];
  /** The commands this caller may use. */
  commands: CommandInfo[];
}

/** The help card: what Deskmate can do for this caller, with a button for each command that needs no input. */
export function helpCard(view: HelpView): AdaptiveCard {
  const rows = view.commands.map((command) =>
    container([text(`**${command.usage}**`, { spacing: 'None' }), text(command.description, { isSubtle: true, spacing: 'None' })], { spacing: 'Small' }),
  );
  const who = view.roles.length
    ? text(`Signed in as ${view.displayName} (${view.roles.join(', ')}).`, { isSubtle: true, size: 'Small' })
    : notice('You are not set up in Deskmate yet, so account tools are off for you. Type "whoami" to see what to ask an admin for.', 'warning');
  const buttons = view.commands
    .filter((c) => c.example && c.name !== 'help')
    .slice(0, 5)
    .map((c) => commandButton(c.buttonTitle ?? c.usage, c.example!));
  return adaptiveCard([...heading('What Deskmate can do', 'Type a command, or press a button below.'), who, ...rows], buttons);
}

/** The card sent when Deskmate is added to a chat, team or personal scope. */
export function welcomeCard(): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading('Hi, I am Deskmate', 'Your assistant for customer accounts.'),
      text('I answer policy questions from the knowledge base with citations, find customer accounts, file account notes, create follow-up tasks, and send requests to your mentors.'),
      text('Type **help** at any time to see what you can do here.', { isSubtle: true }),
    ],
    [commandButton('Show help', 'help'), commandButton('Who am I?', 'whoami')],
  );
}
