import type { CommandInfo } from '../shared/commands';
import { HELP_COMMAND } from '../features/help/help.routes';
import { WHOAMI_COMMAND } from '../features/people/people.routes';
import { KB_COMMANDS } from '../features/kb/kb.routes';
import { ACCOUNT_COMMAND } from '../features/accounts/accounts.routes';

/** Every text command, in the order the help card lists them. The manifest's command lists match these. */
export const BOT_COMMANDS: CommandInfo[] = [ACCOUNT_COMMAND, ...KB_COMMANDS, HELP_COMMAND, WHOAMI_COMMAND];
