// Every `stratum` subcommand by name.
import { boundaries } from './boundaries.js';
import { fieldsCommand } from './fields.js';
import type { Command } from './command.js';
import { mapCommand } from './map.js';
import { merge } from './merge.js';
import { rcodeCommand } from './rcode.js';
import { reportCommand } from './report.js';
import { simulate } from './simulate.js';
import { solveCommand } from './solve.js';
import { sweepCommand } from './sweep.js';
import { traceCommand } from './trace.js';
import { urlCommand } from './url.js';

export const COMMANDS: Record<string, Command> = {
  simulate,
  boundaries,
  sweep: sweepCommand,
  solve: solveCommand,
  map: mapCommand,
  merge,
  url: urlCommand,
  report: reportCommand,
  rcode: rcodeCommand,
  fields: fieldsCommand,
  trace: traceCommand,
};
