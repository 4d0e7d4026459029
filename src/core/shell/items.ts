// Words that stand for items a command reads at run time (`{}` of find, xargs' and parallel's
// input), and what each may be.
import type { Runtime, Word } from './command';
import { listingOf } from './listings';

/** A word standing for items chosen at run time; `runtime` says what they may be. */
export function placeholder(value: string, near: Word, runtime?: Runtime): Word {
  return runtime ? { value, dynamic: true, start: near.start, end: near.end, runtime } : { value, dynamic: true, start: near.start, end: near.end };
}

/**
 * What an item read at run time may be: any word (several, where the reader splits them at
 * blanks), or, read from a listing (`git branch --merged | xargs git branch -d`), a name, or an
 * id no rule reads.
 */
export function itemRuntime(listing: string | undefined, split: boolean): Runtime | undefined {
  const kind = listing === undefined ? undefined : listingOf(listing);
  if (kind === 'ids') return undefined;
  if (kind === 'names') return split ? 'names' : 'name';
  if (kind === 'paths') return split ? 'paths' : 'path';
  return split ? 'words' : 'word';
}

/**
 * Text a script reads the same as a word only known at run time: a substitution of what the line
 * does not show (`$(cat)` reads the input), quoted where it is one word; a listing where it is a name.
 */
export const RUNTIME_TEXT: Readonly<Record<Runtime, string>> = {
  word: '"$(cat)"', words: '$(cat)', name: '"$(find .)"', names: '$(find .)', path: '"$(git ls-files)"', paths: '$(git ls-files)', number: '$((0))',
};

/** A word as a script reads it: its value, or for one only known at run time, what it may be. */
export function shownAs(word: Word): string {
  return word.runtime ? RUNTIME_TEXT[word.runtime] : word.value;
}

/** Most commands a known input is read into one by one; past them, one more stands for the rest, unread. */
export const MAX_ITEM_COMMANDS = 16;
