// The `stratum` command line (docs/scenario.md, "Command line"). Bad input exits with status 2,
// nothing on standard output and one line per problem on standard error (the first 20, then how
// many more); never a stack trace.
import { firstProblems } from '../share/problem-list.js';
import { COMMANDS } from './commands/index.js';
import { InputError } from './input-error.js';
import { splitOptions } from './options.js';

/** problems printed before "… and N more": about a screenful, enough to see what is wrong */
const MOST_PROBLEMS = 20;

const usage = () => ['usage:', ...Object.values(COMMANDS).map((command) => `  ${command.usage}`)].join('\n');

async function main(words: string[]): Promise<void> {
  const [name, ...rest] = words;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return;
  }
  if (name === undefined)
    throw new InputError(['command: missing, one of ' + Object.keys(COMMANDS).join(', '), usage()]);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new InputError([`command: unknown command ${JSON.stringify(name)}`, usage()]);
  if (splitOptions(rest).help) {
    process.stdout.write(`usage: ${command.usage}\n`);
    return;
  }
  await command.run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(firstProblems(error.problems, MOST_PROBLEMS).join('\n') + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write(`stratum: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
});
