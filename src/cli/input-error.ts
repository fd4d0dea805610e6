// A problem with what the user gave the command line: reported one line per problem on standard
// error with exit status 2, never as a stack trace.
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
