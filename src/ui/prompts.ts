/**
 * Interactive prompts. Loaded lazily (inquirer costs tens of milliseconds at start-up),
 * and behind an interface so tests can script the answers.
 */
export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
  description?: string;
}

export interface Prompts {
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T>(message: string, choices: Choice<T>[]): Promise<T>;
  checkbox<T>(message: string, choices: Choice<T>[]): Promise<T[]>;
  input(message: string, defaultValue?: string): Promise<string>;
}

export async function inquirerPrompts(): Promise<Prompts> {
  const inq = await import('@inquirer/prompts');
  const { replayTypedKeys } = await import('./typeahead.js');
  // (keys typed while the command waited before this question are its first keys: typeahead.ts)
  const asked = <T>(question: Promise<T>): Promise<T> => {
    replayTypedKeys();
    return question;
  };
  return {
    confirm: (message, defaultValue = true) => asked(inq.confirm({ message, default: defaultValue })),
    select: (message, choices) => asked(inq.select({ message, choices, pageSize: 15 })),
    checkbox: (message, choices) => asked(inq.checkbox({ message, choices, pageSize: 15 })),
    input: (message, defaultValue) => asked(inq.input({ message, default: defaultValue })),
  };
}

/** Prompts that replay a fixed list of answers, for tests of terminal flows. */
export function scriptedPrompts(answers: unknown[]): Prompts & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = <T>(message: string): T => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer for prompt: ${message}`);
    return queue.shift() as T;
  };
  return {
    asked,
    confirm: async (m) => next<boolean>(m),
    select: async (m) => next(m),
    checkbox: async (m) => next(m),
    input: async (m) => next<string>(m),
  };
}
