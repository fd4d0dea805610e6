// A long list of problems cut to its first few, saying how many more: a tampered 20 kB link gives
// thousands of messages, and the first ones show what is wrong; the command line and the page's
// notices both print lists through this.
export function firstProblems(problems: readonly string[], most: number): string[] {
  if (problems.length <= most) return [...problems];
  const more = problems.length - most;
  return [...problems.slice(0, most), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}
