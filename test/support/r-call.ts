// A small reader of R call syntax, enough for rpact calls: `f(name = value, …)` with numbers,
// strings, TRUE/FALSE/NA/Inf, names, nested calls such as c(…), list(…) and matrix(…), and the
// arithmetic of `log(2) / 12`. `findCalls` picks the calls of chosen functions out of a script or
// of a fixture's prose (`rpact 3.3.4 getDesignInverseNormal(…) + getSimulationEnrichmentMeans(…)`),
// with the variable each is assigned to; `evaluate` evaluates an argument to numbers and strings.
export type RExpression =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: RArgument[] }
  | { kind: 'operator'; operator: string; left?: RExpression; right: RExpression };
export type RArgument = { name?: string; value: RExpression };
export type RCall = Extract<RExpression, { kind: 'call' }>;
export type FoundCall = { variable?: string; call: RCall };

type Token = { kind: 'number' | 'string' | 'name' | 'punctuation' | 'other'; text: string; value?: number | string };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?L?/;
const NAME = /^[A-Za-z.][A-Za-z0-9._]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text[i];
    if (/\s/.test(char)) i++;
    else if (char === '#') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (char === '"' || char === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== char) {
        if (text[j] === '\\') {
          const escaped = text[j + 1];
          value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
          j += 2;
        } else value += text[j++];
      }
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), value });
      i = j + 1;
    } else if (NUMBER.test(rest)) {
      const match = NUMBER.exec(rest)![0];
      tokens.push({ kind: 'number', text: match, value: Number(match.replace(/L$/, '')) });
      i += match.length;
    } else if (NAME.test(rest)) {
      const match = NAME.exec(rest)![0];
      tokens.push({ kind: 'name', text: match });
      i += match.length;
    } else if (rest.startsWith('<<-') || rest.startsWith('<-') || rest.startsWith('==')) {
      const match = rest.startsWith('<<-') ? '<<-' : rest.slice(0, 2);
      tokens.push({ kind: 'punctuation', text: match });
      i += match.length;
    } else {
      tokens.push({ kind: '()=,+-*/^'.includes(char) ? 'punctuation' : 'other', text: char });
      i++;
    }
  }
  return tokens;
}

class Parser {
  constructor(
    private readonly tokens: Token[],
    public at: number,
  ) {}

  private peek(text?: string): Token | undefined {
    const token = this.tokens[this.at];
    return text === undefined || token?.text === text ? token : undefined;
  }

  private expect(text: string): void {
    if (this.tokens[this.at]?.text !== text)
      throw new Error(
        `R: expected "${text}" at "${this.tokens
          .slice(this.at, this.at + 5)
          .map((t) => t.text)
          .join(' ')}"`,
      );
    this.at++;
  }

  expression(): RExpression {
    let left = this.term();
    while (this.peek('+') || this.peek('-')) {
      const operator = this.tokens[this.at++].text;
      left = { kind: 'operator', operator, left, right: this.term() };
    }
    return left;
  }

  private term(): RExpression {
    let left = this.unary();
    while (this.peek('*') || this.peek('/')) {
      const operator = this.tokens[this.at++].text;
      left = { kind: 'operator', operator, left, right: this.unary() };
    }
    return left;
  }

  private unary(): RExpression {
    if (this.peek('-')) {
      this.at++;
      return { kind: 'operator', operator: '-', right: this.unary() };
    }
    const base = this.primary();
    if (!this.peek('^')) return base;
    this.at++;
    return { kind: 'operator', operator: '^', left: base, right: this.unary() };
  }

  private primary(): RExpression {
    const token = this.tokens[this.at++];
    if (!token) throw new Error('R: the text ends inside an expression');
    if (token.kind === 'number') return { kind: 'number', value: token.value as number };
    if (token.kind === 'string') return { kind: 'string', value: token.value as string };
    if (token.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (token.kind !== 'name') throw new Error(`R: unexpected "${token.text}"`);
    if (!this.peek('(')) return { kind: 'name', name: token.text };
    return this.callArguments(token.text);
  }

  /** `name(` … `)`, the parser at the name */
  call(): RCall {
    const name = this.tokens[this.at++].text;
    return this.callArguments(name);
  }

  private callArguments(name: string): RCall {
    this.expect('(');
    const args: RArgument[] = [];
    while (!this.peek(')')) {
      const named = this.tokens[this.at]?.kind === 'name' && this.tokens[this.at + 1]?.text === '=';
      const argName = named ? this.tokens[this.at].text : undefined;
      if (named) this.at += 2;
      args.push({ ...(argName ? { name: argName } : {}), value: this.expression() });
      if (!this.peek(')')) this.expect(',');
    }
    this.expect(')');
    return { kind: 'call', name, args };
  }
}

/** one call, e.g. `getDesignFisher(kMax = 2, alpha = 0.025)` */
export function parseCall(text: string): RCall {
  const tokens = tokenize(text);
  const parser = new Parser(tokens, 0);
  const call = parser.call();
  if (parser.at !== tokens.length) throw new Error(`R: text after the call: ${text}`);
  return call;
}

/** every call of a function whose name passes `wanted`, with the variable it is assigned to (`x <- f(…)`) */
export function findCalls(text: string, wanted: (name: string) => boolean): FoundCall[] {
  const tokens = tokenize(text);
  const found: FoundCall[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'name' || tokens[i + 1]?.text !== '(' || !wanted(tokens[i].text)) continue;
    const assigned =
      i >= 2 && tokens[i - 1].text === '<-' && tokens[i - 2].kind === 'name' ? tokens[i - 2].text : undefined;
    const parser = new Parser(tokens, i);
    found.push({ ...(assigned ? { variable: assigned } : {}), call: parser.call() });
    i = parser.at - 1;
  }
  return found;
}

export type RValue = number | string | boolean | null | RValue[];

const FUNCTIONS: Record<string, (x: number) => number> = { log: Math.log, exp: Math.exp, sqrt: Math.sqrt };
const CONSTANTS: Record<string, RValue> = {
  TRUE: true,
  FALSE: false,
  NA: null,
  NA_real_: null,
  NA_integer_: null,
  Inf: Infinity,
};

/** the value of a constant expression: numbers, strings, TRUE/FALSE/NA, c(…) and arithmetic; undefined otherwise */
export function evaluate(expression: RExpression): RValue | undefined {
  switch (expression.kind) {
    case 'number':
    case 'string':
      return expression.value;
    case 'name':
      return Object.hasOwn(CONSTANTS, expression.name) ? CONSTANTS[expression.name] : undefined;
    case 'call': {
      if (expression.name === 'c' && expression.args.every((arg) => arg.name === undefined)) {
        const items = expression.args.map((arg) => evaluate(arg.value));
        return items.some((item) => item === undefined) ? undefined : (items as RValue[]).flat();
      }
      const x = expression.args.length === 1 ? evaluate(expression.args[0].value) : undefined;
      if (!Object.hasOwn(FUNCTIONS, expression.name) || typeof x !== 'number') return undefined;
      return FUNCTIONS[expression.name](x);
    }
    case 'operator': {
      const right = evaluate(expression.right);
      const left = expression.left ? evaluate(expression.left) : 0;
      if (typeof left !== 'number' || typeof right !== 'number') return undefined;
      const operations: Record<string, (a: number, b: number) => number> = {
        '+': (a, b) => a + b,
        '-': (a, b) => a - b,
        '*': (a, b) => a * b,
        '/': (a, b) => a / b,
        '^': (a, b) => a ** b,
      };
      return operations[expression.operator](left, right);
    }
  }
}
