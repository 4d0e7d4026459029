// A planted file is a list of lines, each plain, a planted secret (named by the token rule whose
// kind it is) or a decoy (something a careless scanner would report, and Airlock must not).

export type Line = string | { readonly secret: string; readonly text: string } | { readonly decoy: string; readonly text: string };

export interface PlantedFile {
  readonly path: string;
  readonly lines: readonly Line[];
}

export const secret = (rule: string, text: string): Line => ({ secret: rule, text });
export const decoy = (what: string, text: string): Line => ({ decoy: what, text });

export const textOf = (line: Line): string => (typeof line === 'string' ? line : line.text);
