// Every `stratum` subcommand by name.
import { boundaries } from './boundaries.js';
import type { Command } from './command.js';
import { simulate } from './simulate.js';

export const COMMANDS: Record<string, Command> = {
  simulate,
  boundaries,
};
