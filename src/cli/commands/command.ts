// One `stratum` subcommand: its usage line and what it does with the words after its name.
export type Command = {
  readonly usage: string;
  run(words: string[]): Promise<void>;
};
