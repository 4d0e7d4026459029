// What a wrapper or payload reveals about the command(s) it runs.
import type { Word } from './command';

export type Derived =
  /** A command given as separate words (`sudo rm -rf x`, `kubectl exec pod -- psql …`). */
  | { readonly kind: 'argv'; readonly words: readonly Word[]; readonly via: string;
      readonly assignments?: ReadonlyMap<string, string>; readonly stdin?: string; readonly stdinUnknown?: boolean; readonly stdinListing?: string;
      readonly target?: string }
  /** A command line given as one string, parsed again (`bash -c '…'`, `ssh host '…'`, `eval`). */
  | { readonly kind: 'script'; readonly text: string; readonly via: string; readonly from: readonly Word[];
      readonly target?: string; readonly stdin?: string; readonly stdinUnknown?: boolean;
      /** Run by this shell itself (`eval`, `source`, an alias): what it assigns stays for later commands. */
      readonly sameShell?: boolean };
